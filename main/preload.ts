/**
 * Preload: exposes `window.briefsmith`, one function per method of `CHANNELS` plus event
 * subscriptions. `ipcRenderer` itself is never exposed; listeners receive only the payload.
 * Bundled into one self-contained file (the sandbox allows no other requires).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, CHANNELS, EVENT_CHANNELS, SEND_CHANNELS, type MenuCommand } from '../src/services/channels';
import type { BriefsmithBridge, ProgressEvent } from '../src/services/api';

const api: Record<string, unknown> = {};
for (const method of API_METHODS) {
  const channel = CHANNELS[method];
  api[method] = (req: unknown) => ipcRenderer.invoke(channel, req ?? {});
}

function subscribe<T>(channel: string, listener: (value: T) => void): () => void {
  const wrapped = (_event: unknown, value: T) => listener(value);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const events: Pick<BriefsmithBridge, 'onProgress' | 'onMenu' | 'onOpenFile' | 'setDirty'> = {
  onProgress: (listener) => subscribe<ProgressEvent>(EVENT_CHANNELS.progress, listener),
  onMenu: (listener) => subscribe<MenuCommand>(EVENT_CHANNELS.menu, listener),
  onOpenFile: (listener) => subscribe<string>(EVENT_CHANNELS.openFile, listener),
  setDirty: (state) => ipcRenderer.send(SEND_CHANNELS.dirty, { dirty: !!state.dirty, title: String(state.title) }),
};

const bridge = { ...api, ...events } as BriefsmithBridge;
contextBridge.exposeInMainWorld('briefsmith', bridge);
