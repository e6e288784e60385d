/**
 * The app without Electron, for end-to-end tests and the renderer benchmark: one HTTP server
 * on 127.0.0.1 that serves the built renderer (with the same CSP headers main sends) and
 * routes `POST /api/<method>` to the very handlers main registers (`createHandlers`).
 * Events (progress, menu commands, OS file-open) reach the page over `GET /api/events` (SSE).
 * Dialogs are scripted: tests queue the answers the "user" gives.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { API_METHODS, type BriefsmithApi, type MenuCommand, type ProgressEvent } from '../../src/services/api';
import { createHandlers, type ServiceEnv } from '../../src/services/handlers';
import type { ProjectSizeLimits } from '../../src/project/store';
import { resolveAppFile, responseHeaders } from '../../main/security';

export interface DialogScript {
  /** Answers for the open dialog, used in order; an empty queue means "cancelled". */
  readonly open: Array<string[] | null>;
  /** Answers for the save dialog. */
  readonly save: Array<string | null>;
  /** What the dialogs were asked, for assertions. */
  readonly asked: Array<{ kind: 'open' | 'save'; title: string; defaultName?: string }>;
}

export interface AppServer {
  readonly url: string;
  readonly dialogs: DialogScript;
  readonly opened: string[];
  readonly shown: string[];
  readonly progress: ProgressEvent[];
  readonly api: BriefsmithApi;
  readonly env: ServiceEnv;
  /** Pages listening for events (the app subscribes on start-up). */
  eventClients(): number;
  sendMenu(command: MenuCommand): void;
  sendOpenFile(path: string): void;
  close(): Promise<void>;
}

export interface AppServerOptions {
  readonly rendererDir: string;
  readonly userDataDir: string;
  /** Fixed clock for reproducible autosave times. */
  readonly now?: () => Date;
  /** Project size limits for saves (small ones reach the warning with a small project). */
  readonly projectLimits?: ProjectSizeLimits;
}

const MAX_BODY = 80 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('request too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const dialogs: DialogScript = { open: [], save: [], asked: [] };
  const opened: string[] = [];
  const shown: string[] = [];
  const progress: ProgressEvent[] = [];
  const clients = new Set<ServerResponse>();
  const push = (type: string, payload: unknown) => {
    const line = `data: ${JSON.stringify({ type, payload })}\n\n`;
    for (const c of clients) c.write(line);
  };

  const env: ServiceEnv = {
    async chooseFilesToOpen({ title }) {
      dialogs.asked.push({ kind: 'open', title });
      return dialogs.open.shift() ?? null;
    },
    async chooseSavePath({ title, defaultName }) {
      dialogs.asked.push({ kind: 'save', title, defaultName });
      return dialogs.save.shift() ?? null;
    },
    userDataDir: options.userDataDir,
    async openPath(p) {
      opened.push(p);
    },
    showInFolder(p) {
      shown.push(p);
    },
    now: options.now ?? (() => new Date()),
    emitProgress(e) {
      progress.push(e);
      push('progress', e);
    },
    approvedPaths: new Set<string>(),
    ...(options.projectLimits ? { projectLimits: options.projectLimits } : {}),
  };
  const api = createHandlers(env);
  const methods = new Set<string>(API_METHODS);

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === '/api/events' && req.method === 'GET') {
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return;
      }
      if (url.pathname.startsWith('/api/')) {
        const method = url.pathname.slice('/api/'.length);
        if (req.method !== 'POST' || !methods.has(method)) {
          res.writeHead(404).end();
          return;
        }
        let payload: unknown;
        try {
          payload = JSON.parse((await readBody(req)) || '{}');
        } catch {
          payload = undefined;
        }
        const result = await (api[method as keyof BriefsmithApi] as (r: unknown) => Promise<unknown>)(payload);
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(result));
        return;
      }
      // Static files, mapped exactly as main maps app:// URLs.
      const hit = resolveAppFile(options.rendererDir, `app://briefsmith${url.pathname}`);
      if (!hit || req.method !== 'GET') {
        res.writeHead(404).end();
        return;
      }
      try {
        const body = await readFile(hit.file);
        const headers = responseHeaders(hit.mime);
        // Same-origin API calls need connect-src 'self', which the policy has.
        res.writeHead(200, headers).end(body);
      } catch {
        res.writeHead(404).end();
      }
    })().catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    dialogs,
    opened,
    shown,
    progress,
    api,
    env,
    eventClients: () => clients.size,
    sendMenu: (c) => push('menu', c),
    sendOpenFile: (p) => {
      env.approvedPaths.add(path.resolve(p));
      push('openFile', path.resolve(p));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of clients) c.end();
        clients.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
