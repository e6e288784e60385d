// The preload, loaded with a stand-in for Electron: it exposes one function per API method
// plus the event subscriptions, forwards each call to its channel, and never hands out
// ipcRenderer or the IPC event object.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS, CHANNELS, EVENT_CHANNELS, SEND_CHANNELS } from '../src/services/channels';

const exposed: Record<string, unknown> = {};
const listeners = new Map<string, (event: unknown, value: unknown) => void>();
const ipcRenderer = {
  invoke: vi.fn(async (channel: string, req: unknown) => ({ ok: true, value: { channel, req } })),
  on: vi.fn((channel: string, l: (event: unknown, value: unknown) => void) => listeners.set(channel, l)),
  removeListener: vi.fn((channel: string) => listeners.delete(channel)),
  send: vi.fn(),
};

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer,
}));

beforeAll(async () => {
  await import('../main/preload');
});

describe('preload bridge', () => {
  it('exposes exactly the API methods and the event helpers', () => {
    const bridge = exposed.briefsmith as Record<string, unknown>;
    expect(Object.keys(exposed)).toEqual(['briefsmith']);
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS, 'onMenu', 'onOpenFile', 'onProgress', 'setDirty'].sort());
    for (const v of Object.values(bridge)) {
      expect(typeof v).toBe('function');
      expect(v).not.toBe(ipcRenderer.invoke);
      expect(v).not.toBe(ipcRenderer.on);
    }
  });

  it('forwards each method to its channel with one request object', async () => {
    const bridge = exposed.briefsmith as Record<string, (req?: unknown) => Promise<unknown>>;
    for (const m of API_METHODS) {
      await bridge[m]!({ probe: m });
      expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(CHANNELS[m], { probe: m });
    }
    await bridge.listTemplates!();
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(CHANNELS.listTemplates, {});
  });

  it('hands listeners the payload only, and unsubscribes', () => {
    const bridge = exposed.briefsmith as { onProgress(l: (...args: unknown[]) => void): () => void; setDirty(s: unknown): void };
    const got: unknown[][] = [];
    const off = bridge.onProgress((...args) => got.push(args));
    listeners.get(EVENT_CHANNELS.progress)!({ sender: 'secret ipc event' }, { job: 'j', done: 1, total: 2, label: 'x' });
    expect(got).toEqual([[{ job: 'j', done: 1, total: 2, label: 'x' }]]);
    off();
    expect(listeners.has(EVENT_CHANNELS.progress)).toBe(false);
    bridge.setDirty({ dirty: 1, title: 7, extra: 'dropped' });
    expect(ipcRenderer.send).toHaveBeenLastCalledWith(SEND_CHANNELS.dirty, { dirty: true, title: '7' });
  });
});
