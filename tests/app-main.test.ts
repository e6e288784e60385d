// The security decisions of Electron main, tested in Node: window options, navigation and
// window-open guards, external links, the app:// file mapping, sender and payload checks in
// the one IPC wrapper. Nothing here loads Electron.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerApi, registerDirtyListener, type IpcEventLike, type IpcMainLike } from '../main/ipc';
import {
  APP_ENTRY,
  CONTENT_SECURITY_POLICY,
  externalUrlAllowed,
  isTrustedSender,
  permissionDecision,
  resolveAppFile,
  responseHeaders,
  shouldBlockNavigation,
  windowOpenDecision,
  windowOptions,
  windowTitle,
} from '../main/security';
import { API_METHODS, CHANNELS, SEND_CHANNELS, type BriefsmithApi } from '../src/services/api';
import { ok, type Result } from '../src/model';

describe('window options', () => {
  const o = windowOptions('/app/preload.cjs');
  it('isolates and sandboxes the renderer', () => {
    expect(o.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(o.webPreferences?.enableBlinkFeatures).toBeUndefined();
  });
  it('has a strict CSP', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(responseHeaders('text/html')['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('navigation and new windows', () => {
  it('blocks navigation away from the app page', () => {
    expect(shouldBlockNavigation(APP_ENTRY, 'https://example.com/')).toBe(true);
    expect(shouldBlockNavigation(APP_ENTRY, 'file:///etc/passwd')).toBe(true);
    expect(shouldBlockNavigation(APP_ENTRY, 'app://evil/index.html')).toBe(true);
    expect(shouldBlockNavigation(APP_ENTRY, 'app://briefsmith/other.html')).toBe(true);
    expect(shouldBlockNavigation(APP_ENTRY, 'javascript:alert(1)')).toBe(true);
    expect(shouldBlockNavigation(APP_ENTRY, `${APP_ENTRY}#x`)).toBe(false);
  });
  it('never opens a window; only allow-listed https goes to the browser', () => {
    expect(windowOpenDecision('https://github.com/x')).toEqual({ action: 'deny', openExternally: true });
    expect(windowOpenDecision('http://github.com/x')).toEqual({ action: 'deny', openExternally: false });
    expect(windowOpenDecision('https://evil.example/')).toEqual({ action: 'deny', openExternally: false });
    expect(externalUrlAllowed('https://user:pw@github.com/')).toBe(false);
    expect(externalUrlAllowed('https://github.com.evil.example/')).toBe(false);
    expect(externalUrlAllowed('https://github.com:8443/')).toBe(false);
    expect(externalUrlAllowed('not a url')).toBe(false);
    expect(externalUrlAllowed('file:///c:/windows/system32/calc.exe')).toBe(false);
  });
  it('denies every permission', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) expect(permissionDecision(p)).toBe(false);
  });
});

describe('app:// file mapping', () => {
  const root = path.resolve('/opt/app/dist/renderer');
  it('serves files inside the renderer folder only', () => {
    expect(resolveAppFile(root, 'app://briefsmith/')?.file).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://briefsmith/assets/index-1.js')).toEqual({ file: path.join(root, 'assets/index-1.js'), mime: 'text/javascript; charset=utf-8' });
    // The URL parser folds `..` (also %2e%2e) at the root, so these stay inside the folder.
    const inside = (u: string) => {
      const hit = resolveAppFile(root, u);
      return hit === null || hit.file.startsWith(root + path.sep);
    };
    expect(inside('app://briefsmith/../../etc/passwd')).toBe(true);
    expect(inside('app://briefsmith/%2e%2e/%2e%2e/etc/passwd')).toBe(true);
    expect(inside('app://briefsmith/assets/..%2f..%2f..%2fetc/passwd')).toBe(true);
    expect(resolveAppFile(root, 'app://briefsmith/a%5c..%5c..%5csecret')).toBeNull();
    expect(resolveAppFile(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppFile(root, 'https://briefsmith/index.html')).toBeNull();
  });
});

describe('sender validation', () => {
  it('trusts only the top frame of the app page', () => {
    expect(isTrustedSender({ url: APP_ENTRY, parent: null })).toBe(true);
    expect(isTrustedSender({ url: APP_ENTRY, parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'about:srcdoc', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('window title', () => {
  it('shows the unsaved marker', () => {
    expect(windowTitle('Weekly', true)).toBe('● Weekly — Briefsmith');
    expect(windowTitle('Weekly', false)).toBe('Weekly — Briefsmith');
    expect(windowTitle('', false)).toBe('Briefsmith');
  });
});

/** An ipcMain stand-in that records handlers so the test can invoke them like Electron would. */
function fakeIpc() {
  const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
  const listeners = new Map<string, (event: IpcEventLike, ...args: unknown[]) => void>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    on: (channel, listener) => listeners.set(channel, listener),
  };
  return { ipc, handlers, listeners };
}

const trusted: IpcEventLike = { senderFrame: { url: APP_ENTRY, parent: null } };

describe('the IPC registration wrapper', () => {
  const calls: Array<[string, unknown]> = [];
  const api = Object.fromEntries(
    API_METHODS.map((m) => [
      m,
      async (req: unknown): Promise<Result<unknown>> => {
        calls.push([m, req]);
        return ok(m);
      },
    ]),
  ) as unknown as BriefsmithApi;
  const { ipc, handlers, listeners } = fakeIpc();
  const refused: string[] = [];
  const registered = registerApi(ipc, api, { onRefused: (c, r) => refused.push(`${c}: ${r}`) });

  it('registers one channel per API method, named by CHANNELS', () => {
    expect(registered.sort()).toEqual(Object.values(CHANNELS).sort());
    expect(handlers.size).toBe(API_METHODS.length);
  });

  it('passes a valid request from the app page to the handler', async () => {
    const r = await handlers.get(CHANNELS.importText)!(trusted, { text: 'hello' });
    expect(r).toEqual({ ok: true, value: 'importText' });
    expect(calls.at(-1)).toEqual(['importText', { text: 'hello' }]);
  });

  it('refuses other senders without calling the handler', async () => {
    const before = calls.length;
    for (const senderFrame of [null, { url: 'https://evil.example/', parent: null }, { url: APP_ENTRY, parent: { url: APP_ENTRY } }]) {
      const r = (await handlers.get(CHANNELS.saveProject)!({ senderFrame }, { path: '/tmp/x', project: {} })) as Result<unknown>;
      expect(r.ok).toBe(false);
    }
    expect(calls.length).toBe(before);
    expect(refused.filter((x) => x.includes('untrusted')).length).toBe(3);
  });

  it('refuses invalid payloads with a message naming the method and field', async () => {
    const before = calls.length;
    const bad: Array<[keyof BriefsmithApi, unknown]> = [
      ['importText', { text: 42 }],
      ['importText', { text: 'x', extra: true }],
      ['exportDocument', { format: 'exe', project: {} }],
      ['openPath', { path: '' }],
      ['importFileContents', { files: [] }],
      ['saveProject', { path: '/tmp/a.briefsmith', project: { format: 'nope' } }],
      ['importText', 'just a string'],
    ];
    for (const [method, payload] of bad) {
      const r = (await handlers.get(CHANNELS[method])!(trusted, payload)) as Result<unknown>;
      expect(r.ok, method).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid-input');
        expect(r.error.message).toContain(method);
      }
    }
    const two = (await handlers.get(CHANNELS.listTemplates)!(trusted, {}, {})) as Result<unknown>;
    expect(two.ok).toBe(false);
    expect(calls.length).toBe(before);
  });

  it('turns a throwing handler into an error result', async () => {
    const { ipc: ipc2, handlers: h2 } = fakeIpc();
    const throwing = { ...api, listTemplates: async () => Promise.reject(new Error('boom')) } as BriefsmithApi;
    registerApi(ipc2, throwing);
    expect(await h2.get(CHANNELS.listTemplates)!(trusted, {})).toEqual({ ok: false, error: { code: 'internal', message: 'boom', file: null } });
  });

  it('checks the dirty message like the rest', () => {
    const seen: unknown[] = [];
    registerDirtyListener(ipc, (s) => seen.push(s));
    const l = listeners.get(SEND_CHANNELS.dirty)!;
    l(trusted, { dirty: true, title: 'A' });
    l({ senderFrame: { url: 'https://evil.example/', parent: null } }, { dirty: true, title: 'B' });
    l(trusted, { dirty: 'yes', title: 'C' });
    expect(seen).toEqual([{ dirty: true, title: 'A' }]);
  });
});

describe('closing with unsaved changes: Save / Don’t save / Cancel', async () => {
  const { closeDialogOptions, onClose, shouldCloseAfterSave, SAVE_THEN_CLOSE_MS } = await import('../main/close');
  it('asks only when dirty, and maps the three buttons', () => {
    expect(closeDialogOptions('weekly').buttons).toEqual(['Save', 'Don’t save', 'Cancel']);
    expect(closeDialogOptions('weekly').cancelId).toBe(2);
    let asked = 0;
    const ask = (n: number) => () => (asked++, n);
    expect(onClose(false, ask(2))).toEqual({ action: 'close' });
    expect(asked).toBe(0);
    expect(onClose(true, ask(0))).toEqual({ action: 'save-then-close' });
    expect(onClose(true, ask(1))).toEqual({ action: 'close' });
    expect(onClose(true, ask(2))).toEqual({ action: 'stay' });
  });
  it('closes after Save only when the page reports clean soon after', () => {
    expect(shouldCloseAfterSave(null, false, 10)).toBe(false);
    expect(shouldCloseAfterSave(0, true, 10)).toBe(false);
    expect(shouldCloseAfterSave(0, false, 10)).toBe(true);
    expect(shouldCloseAfterSave(0, false, SAVE_THEN_CLOSE_MS + 1)).toBe(false);
  });
});
