/**
 * The security decisions of the main process, as plain functions and data so the tests can
 * check them in Node (no top-level Electron import here: types only).
 * Follows Electron's security checklist: packaged content only, isolation + sandbox, strict
 * CSP, no navigation, no new windows, no permissions, allow-listed external links.
 */
import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';

/** The renderer is served from this custom protocol and host, never from file:// or http. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'briefsmith';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Sent as a response header for every renderer file (and repeated in index.html's meta tag). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // React's style attributes and the preview's own <style> need inline styles; no inline scripts.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'self' about:",
  "frame-ancestors 'none'",
].join('; ');

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Briefsmith',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: undefined,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Chromium's spellchecker downloads dictionaries from the network on Windows and Linux:
      // off, so the app never reaches out (the offline promise).
      spellcheck: false,
      safeDialogs: true,
    },
  };
}

/** True when `url` is a page of the packaged renderer. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/** `will-navigate` / `will-redirect`: the window never leaves the app page. Returns true to block. */
export function shouldBlockNavigation(currentUrl: string, targetUrl: string): boolean {
  if (!isAppUrl(targetUrl)) return true;
  // Reloading the same page is fine; anything else inside the app is a bug or an attack.
  const strip = (u: string) => u.split('#')[0];
  return strip(currentUrl) !== strip(targetUrl);
}

/** Hosts `shell.openExternal` may open (help links). Everything else is refused. */
export const EXTERNAL_ALLOW_LIST: readonly string[] = ['github.com', 'www.electronjs.org'];

/** Parses and checks an external link: https only, allow-listed host, no credentials or odd ports. */
export function externalUrlAllowed(url: string, allow: readonly string[] = EXTERNAL_ALLOW_LIST): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === 'https:' && allow.includes(u.hostname) && u.username === '' && u.password === '' && (u.port === '' || u.port === '443');
}

/** `setWindowOpenHandler`: never a new window; allow-listed https links go to the system browser. */
export function windowOpenDecision(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: externalUrlAllowed(url) };
}

/** Every permission request (camera, notifications, clipboard-read, …) is refused. */
export function permissionDecision(_permission: string): false {
  return false;
}

/** An event whose default action can be cancelled (navigation, webview attach). */
export interface PreventableEvent {
  preventDefault(): void;
}

/** The subset of Electron's `WebContents` the navigation guard uses (so the tests can pass a stand-in). */
export interface WebContentsLike {
  getURL(): string;
  on(event: string, listener: (...args: never[]) => void): unknown;
}

/**
 * Puts the navigation guards on one web contents (main registers it for every one created):
 * `will-navigate` and `will-redirect` are cancelled unless they reload the app page, and a
 * `<webview>` is never attached. New windows are refused by main's `setWindowOpenHandler`
 * through `windowOpenDecision` (kept in main.ts, where the security scan verifies it).
 */
export function guardNavigation(wc: WebContentsLike): void {
  const blockUnlessSamePage = (event: PreventableEvent, url: string) => {
    if (shouldBlockNavigation(wc.getURL(), url)) event.preventDefault();
  };
  wc.on('will-navigate', blockUnlessSamePage);
  wc.on('will-redirect', blockUnlessSamePage);
  wc.on('will-attach-webview', (event: PreventableEvent) => event.preventDefault());
}

/** The subset of Electron's `Session` the permission guard uses. */
export interface SessionLike {
  setPermissionRequestHandler(handler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null): void;
  setPermissionCheckHandler(handler: ((webContents: unknown, permission: string) => boolean) | null): void;
}

/** Every permission request is answered no, and every permission check says not granted. */
export function guardSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionDecision(permission)));
  session.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));
}

/** The minimal shape of an IPC event's sender frame that sender validation needs. */
export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown | null;
}

/** IPC is accepted only from the top frame of the packaged app page. */
export function isTrustedSender(frame: SenderFrameLike | null | undefined): boolean {
  if (!frame) return false;
  if (frame.parent !== null && frame.parent !== undefined) return false;
  return isAppUrl(frame.url);
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/**
 * Maps an `app://briefsmith/...` request to a file inside the packaged renderer folder.
 * Null for anything else (other hosts, `..` escapes, encoded separators).
 */
export function resolveAppFile(rendererRoot: string, requestUrl: string): { file: string; mime: string } | null {
  if (!isAppUrl(requestUrl)) return null;
  const u = new URL(requestUrl);
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  if (rel === '/' || rel === '') rel = '/index.html';
  const root = path.resolve(rendererRoot);
  const file = path.resolve(root, '.' + rel);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return { file, mime: MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream' };
}

/** Headers for every renderer response. */
export function responseHeaders(mime: string): Record<string, string> {
  return {
    'Content-Type': mime,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}

/** Window title: "● Name — Briefsmith" while there are unsaved changes. */
export function windowTitle(name: string, dirty: boolean): string {
  const base = name.trim() ? `${name.trim()} — Briefsmith` : 'Briefsmith';
  return dirty ? `● ${base}` : base;
}
