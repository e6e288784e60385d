// Electron's security checklist, one item at a time, each checked on what main really uses:
// the window options, the guards put on every web contents and on the session (driven here
// with stand-ins), the CSP, the app:// file mapping, the IPC wrapper, and — where only the
// call itself can be checked without the Electron binary — main.ts's source.
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerApi, type IpcEventLike, type IpcMainLike } from '../main/ipc';
import {
  APP_ENTRY,
  CONTENT_SECURITY_POLICY,
  EXTERNAL_ALLOW_LIST,
  externalUrlAllowed,
  guardNavigation,
  guardSession,
  isTrustedSender,
  resolveAppFile,
  responseHeaders,
  windowOpenDecision,
  windowOptions,
  type PreventableEvent,
  type SessionLike,
  type WebContentsLike,
} from '../main/security';
import { API_METHODS, CHANNELS, type BriefsmithApi } from '../src/services/api';
import { ok, type Result } from '../src/model';

const REPO = path.resolve(__dirname, '..');
const MAIN_SOURCE = readFileSync(path.join(REPO, 'main', 'main.ts'), 'utf8');
/** main.ts without comments, so a commented-out call does not count. */
const MAIN_CODE = MAIN_SOURCE.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

describe('1 · BrowserWindow webPreferences', () => {
  const prefs = windowOptions('/app/dist/main/preload.cjs').webPreferences ?? {};
  it('contextIsolation is on', () => expect(prefs.contextIsolation).toBe(true));
  it('the renderer is sandboxed', () => expect(prefs.sandbox).toBe(true));
  it('nodeIntegration is off, also in workers and subframes', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });
  it('webSecurity stays on', () => expect(prefs.webSecurity).toBe(true));
  it('no insecure content', () => expect(prefs.allowRunningInsecureContent).toBe(false));
  it('no experimental or Blink features', () => {
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.enableBlinkFeatures ?? '').toBe('');
  });
  it('no <webview> tag', () => expect(prefs.webviewTag).toBe(false));
  it('spellcheck is off (Chromium downloads dictionaries)', () => expect(prefs.spellcheck).toBe(false));
  it('a dropped file does not navigate the window', () => expect(prefs.navigateOnDragDrop).toBe(false));
  it('the preload is the bundled file, nothing else loads Node', () => expect(prefs.preload).toBe('/app/dist/main/preload.cjs'));
});

describe('2 · app-wide sandbox and the window main creates (main.ts source)', () => {
  it('calls app.enableSandbox() before the app is ready', () => {
    const at = MAIN_CODE.search(/\bapp\.enableSandbox\(\s*\)/);
    expect(at, 'app.enableSandbox() is called').toBeGreaterThanOrEqual(0);
    expect(at).toBeLessThan(MAIN_CODE.indexOf('app.whenReady'));
  });
  it('builds every BrowserWindow from windowOptions()', () => {
    const created = [...MAIN_CODE.matchAll(/new BrowserWindow\(([^)]*)\)?/g)].map((m) => m[1] ?? '');
    expect(created.length).toBeGreaterThan(0);
    for (const args of created) expect(args).toMatch(/^windowOptions\(/);
  });
  it('loads only the app page over app://, never file:// or http', () => {
    expect(MAIN_CODE).toMatch(/loadURL\(APP_ENTRY\)/);
    expect(MAIN_CODE).not.toMatch(/\.loadFile\(|file:\/\/|https?:\/\//);
    expect(APP_ENTRY).toBe('app://briefsmith/index.html');
  });
  /** The body of main's 'web-contents-created' listener. */
  const created = /app\.on\('web-contents-created', \(_event, contents\) => \{([\s\S]*?)\n {2}\}\);/.exec(MAIN_CODE)?.[1] ?? '';
  it('puts the navigation guard on every web contents, and the permission guard on the session', () => {
    expect(created).toMatch(/guardNavigation\(contents\)/);
    expect(MAIN_CODE).toMatch(/guardSession\(session\.defaultSession\)/);
  });
  it('denies window.open on every web contents, through windowOpenDecision', () => {
    const handler = /contents\.setWindowOpenHandler\(\(\{ url \}\) => \{([\s\S]*?)\n {4}\}\);/.exec(created)?.[1] ?? '';
    expect(handler).toMatch(/const d = windowOpenDecision\(url\);/);
    expect(handler).toMatch(/return \{ action: d\.action \};/);
    expect(MAIN_CODE.match(/setWindowOpenHandler\(/g)).toHaveLength(1);
  });
  it('calls shell.openExternal only when windowOpenDecision says so', () => {
    expect(MAIN_CODE.match(/shell\.openExternal\(/g)).toHaveLength(1);
    expect(created).toMatch(/if \(d\.openExternally\) void shell\.openExternal\(url\);/);
  });
  it('registers IPC only through the checked wrapper', () => {
    expect(MAIN_CODE).not.toMatch(/ipcMain\.(handle|on|once|handleOnce)\(/);
    expect(MAIN_CODE).toMatch(/registerApi\(ipc,/);
  });
});

/** A web contents stand-in that records the guard's listeners. */
function fakeWebContents(url = APP_ENTRY) {
  const listeners = new Map<string, Array<(...args: never[]) => void>>();
  const wc: WebContentsLike = {
    getURL: () => url,
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return wc;
    },
  };
  /** Fires an event the way Electron would; true when some listener prevented it. */
  const fire = (event: string, ...args: unknown[]): boolean => {
    let prevented = false;
    const e: PreventableEvent = { preventDefault: () => (prevented = true) };
    const ls = listeners.get(event) ?? [];
    if (ls.length === 0) throw new Error(`no listener for ${event}`);
    for (const l of ls) (l as (...a: unknown[]) => void)(e, ...args);
    return prevented;
  };
  return { wc, fire };
}

describe('3 · navigation, new windows, webviews, external links', () => {
  const f = fakeWebContents();
  guardNavigation(f.wc);

  it('blocks will-navigate away from the app page, allows a reload of it', () => {
    for (const u of ['https://example.com/', 'file:///etc/passwd', 'app://briefsmith/other.html', 'app://evil/index.html', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'about:blank']) {
      expect(f.fire('will-navigate', u), u).toBe(true);
    }
    expect(f.fire('will-navigate', APP_ENTRY)).toBe(false);
    expect(f.fire('will-navigate', `${APP_ENTRY}#review`)).toBe(false);
  });
  it('blocks redirects the same way', () => {
    expect(f.fire('will-redirect', 'https://example.com/')).toBe(true);
    expect(f.fire('will-redirect', APP_ENTRY)).toBe(false);
  });
  it('never attaches a <webview>', () => {
    expect(f.fire('will-attach-webview', {}, { src: APP_ENTRY })).toBe(true);
  });
  it('denies every window.open; only allow-listed https links may go to the system browser', () => {
    const tries = [
      'https://github.com/briefsmith/briefsmith',
      'http://github.com/',
      'https://evil.example/',
      'https://github.com.evil.example/',
      'https://user:pw@github.com/',
      'https://github.com:8443/',
      'file:///C:/Windows/System32/calc.exe',
      'smb://server/share',
      'javascript:alert(1)',
      APP_ENTRY,
      'not a url',
    ];
    const external = tries.filter((u) => {
      const d = windowOpenDecision(u);
      expect(d.action, u).toBe('deny');
      return d.openExternally;
    });
    expect(external).toEqual(['https://github.com/briefsmith/briefsmith']);
    for (const u of tries) expect(externalUrlAllowed(u), u).toBe(u === 'https://github.com/briefsmith/briefsmith');
  });
  it('the allow-list holds only bare host names', () => {
    for (const h of EXTERNAL_ALLOW_LIST) expect(h).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
  });
});

describe('4 · permissions (guardSession)', () => {
  let request: Parameters<SessionLike['setPermissionRequestHandler']>[0] = null;
  let check: Parameters<SessionLike['setPermissionCheckHandler']>[0] = null;
  guardSession({
    setPermissionRequestHandler: (h) => (request = h),
    setPermissionCheckHandler: (h) => (check = h),
  });
  const PERMISSIONS = ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'midi', 'pointerLock', 'fullscreen', 'openExternal', 'display-capture', 'hid', 'serial', 'usb', 'unknown'];

  it('answers every permission request with no', () => {
    expect(request).not.toBeNull();
    for (const p of PERMISSIONS) {
      const answers: boolean[] = [];
      request!({}, p, (granted) => answers.push(granted));
      expect(answers, p).toEqual([false]);
    }
  });
  it('reports every permission check as not granted', () => {
    expect(check).not.toBeNull();
    for (const p of PERMISSIONS) expect(check!({}, p), p).toBe(false);
  });
});

/** The CSP as directive → sources. */
const directives = (csp: string): Map<string, string[]> =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );

describe('5 · Content-Security-Policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);
  it('is sent with every renderer file', () => {
    for (const mime of ['text/html; charset=utf-8', 'text/javascript; charset=utf-8', 'text/css; charset=utf-8']) {
      expect(responseHeaders(mime)['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    }
  });
  it('defaults to self and locks scripts, objects, base and forms', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });
  it('has no eval, no inline script, no remote origin, no wildcard', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-hashes|strict-dynamic/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
    // Only these sources appear anywhere; 'unsafe-inline' only for styles, data: only for images.
    const allowed: Record<string, string[]> = { 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'], 'frame-src': ["'self'", 'about:'] };
    for (const [name, sources] of csp) {
      for (const s of sources) expect(allowed[name] ?? ["'self'", "'none'"], `${name} ${s}`).toContain(s);
    }
  });
  it('index.html carries the same policy in its meta tag (less frame-ancestors, which meta cannot set)', () => {
    const html = readFileSync(path.join(REPO, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta, 'a CSP meta tag').toBeDefined();
    const fromMeta = directives(meta!);
    const fromHeader = directives(CONTENT_SECURITY_POLICY);
    fromHeader.delete('frame-ancestors');
    expect(fromMeta).toEqual(fromHeader);
  });
});

describe('6 · app:// serves only packaged renderer files', () => {
  let tmp: string;
  let root: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'briefsmith-protocol-'));
    root = path.join(tmp, 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html>');
    await writeFile(path.join(tmp, 'secret.txt'), 'outside');
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  const inside = (u: string): boolean => {
    const hit = resolveAppFile(root, u);
    return hit === null || hit.file === path.join(root, 'index.html') || hit.file.startsWith(root + path.sep);
  };

  it('maps the app page and its assets', () => {
    expect(resolveAppFile(root, 'app://briefsmith/')?.file).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://briefsmith/assets/a.js')).toEqual({ file: path.join(root, 'assets', 'a.js'), mime: 'text/javascript; charset=utf-8' });
  });
  it('rejects path traversal in every spelling', () => {
    for (const u of [
      'app://briefsmith/../secret.txt',
      'app://briefsmith/%2e%2e/secret.txt',
      'app://briefsmith/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://briefsmith/assets/..%2F..%2Fsecret.txt',
      'app://briefsmith/%252e%252e/secret.txt',
      'app://briefsmith/..%5c..%5csecret.txt',
      `app://briefsmith/${encodeURIComponent(path.join(tmp, 'secret.txt'))}`,
    ]) {
      expect(inside(u), u).toBe(true);
    }
    expect(resolveAppFile(root, 'app://briefsmith/a%5c..%5c..%5csecret.txt')).toBeNull();
    expect(resolveAppFile(root, 'app://briefsmith/index.html%00.png')).toBeNull();
    expect(resolveAppFile(root, 'app://briefsmith/%E0%A4%A')).toBeNull();
  });
  it('serves nothing for another host, scheme or credentials', () => {
    for (const u of ['app://other/index.html', 'app://briefsmith.evil/index.html', 'app://user@briefsmith/index.html', 'https://briefsmith/index.html', 'file:///index.html']) {
      expect(resolveAppFile(root, u), u).toBeNull();
    }
  });
  it('sends nosniff and no referrer with each file', () => {
    const h = responseHeaders('text/html; charset=utf-8');
    expect(h['X-Content-Type-Options']).toBe('nosniff');
    expect(h['Referrer-Policy']).toBe('no-referrer');
  });
});

describe('7 · IPC sender validation', () => {
  it('trusts only the top frame of the app page', () => {
    expect(isTrustedSender({ url: APP_ENTRY, parent: null })).toBe(true);
    for (const frame of [
      null,
      undefined,
      { url: APP_ENTRY, parent: { url: APP_ENTRY } },
      { url: 'https://evil.example/', parent: null },
      { url: 'app://briefsmith.evil/index.html', parent: null },
      { url: 'app://user:pw@briefsmith/index.html', parent: null },
      { url: 'file:///index.html', parent: null },
      { url: 'about:blank', parent: null },
      { url: 'not a url', parent: null },
    ]) {
      expect(isTrustedSender(frame), JSON.stringify(frame)).toBe(false);
    }
  });

  it('every registered channel refuses an untrusted sender before its handler runs', async () => {
    const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
    const ipc: IpcMainLike = { handle: (c, l) => void handlers.set(c, l), on: () => undefined };
    let calls = 0;
    const api = Object.fromEntries(API_METHODS.map((m) => [m, async (): Promise<Result<unknown>> => (calls++, ok(m))])) as unknown as BriefsmithApi;
    registerApi(ipc, api);
    expect([...handlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
    for (const [channel, h] of handlers) {
      const r = (await h({ senderFrame: { url: 'https://evil.example/', parent: null } }, {})) as Result<unknown>;
      expect(r.ok, channel).toBe(false);
      const sub = (await h({ senderFrame: { url: APP_ENTRY, parent: { url: APP_ENTRY } } }, {})) as Result<unknown>;
      expect(sub.ok, channel).toBe(false);
    }
    expect(calls).toBe(0);
  });
});
