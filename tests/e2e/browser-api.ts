/**
 * The browser implementation of the preload API: the same `window.briefsmith` shape as
 * `main/preload.ts` builds, but each method POSTs its request to the test server, which
 * calls the handlers main registers. Injected with Playwright's `addInitScript`, so it runs
 * before the renderer's own scripts (the page's CSP does not apply to it).
 */
import { API_METHODS } from '../../src/services/api';

export function browserApiScript(): string {
  const methods = JSON.stringify(API_METHODS);
  return `(() => {
  if (window !== window.top) return;
  const methods = ${methods};
  const api = {};
  for (const m of methods) {
    api[m] = async (req) => {
      const r = await fetch('/api/' + m, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(req ?? {}) });
      if (!r.ok) return { ok: false, error: { code: 'internal', message: m + ': HTTP ' + r.status, file: null } };
      return r.json();
    };
  }
  const listeners = { progress: new Set(), menu: new Set(), openFile: new Set() };
  let source = null;
  const connect = () => {
    if (source) return;
    source = new EventSource('/api/events');
    source.onmessage = (e) => {
      const msg = JSON.parse(e.data);
      for (const l of listeners[msg.type] ?? []) l(msg.payload);
    };
  };
  const on = (kind) => (listener) => {
    connect();
    listeners[kind].add(listener);
    return () => listeners[kind].delete(listener);
  };
  api.onProgress = on('progress');
  api.onMenu = on('menu');
  api.onOpenFile = on('openFile');
  api.setDirty = (state) => { window.__briefsmithDirty = { dirty: !!state.dirty, title: String(state.title) }; };
  Object.defineProperty(window, 'briefsmith', { value: Object.freeze(api), configurable: false, writable: false });
})();`;
}
