/**
 * The one place IPC channels are registered. Every channel of `CHANNELS` goes through
 * `registerApi`, which checks the sender frame and the payload before the handler runs and
 * always answers with a `Result` (errors as data, since Electron passes only messages).
 * Takes an `ipcMain`-like object so the tests can drive it without Electron.
 */
import { CHANNELS, DirtyStateSchema, SEND_CHANNELS, type ApiMethod, type BriefsmithApi } from '../src/services/api';
import { validateRequest } from '../src/services/handlers';
import type { Result } from '../src/model/result';
import { isTrustedSender, type SenderFrameLike } from './security';

export interface IpcEventLike {
  readonly senderFrame: SenderFrameLike | null;
}

/** The subset of Electron's `ipcMain` used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  on(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => void): unknown;
}

export interface RegisterOptions {
  /** Called for every refused call (logging). */
  onRefused?: (channel: string, reason: string) => void;
}

const refused = (message: string): Result<never> => ({ ok: false, error: { code: 'invalid-input', message, file: null } });

/** Registers every API method; returns the channels registered. */
export function registerApi(ipc: IpcMainLike, handlers: BriefsmithApi, options: RegisterOptions = {}): string[] {
  const channels: string[] = [];
  for (const method of Object.keys(CHANNELS) as ApiMethod[]) {
    const channel = CHANNELS[method];
    const handler = handlers[method] as (req: unknown) => Promise<Result<unknown>>;
    ipc.handle(channel, async (event, ...args) => {
      if (!isTrustedSender(event.senderFrame)) {
        options.onRefused?.(channel, 'untrusted sender');
        return refused(`${method}: refused a request from an untrusted page.`);
      }
      if (args.length !== 1) {
        options.onRefused?.(channel, 'wrong argument count');
        return refused(`${method}: expected one request object.`);
      }
      // Validated here once; the handler recognises the parsed object and does not parse it again.
      const parsed = validateRequest(method, args[0]);
      if (!parsed.ok) {
        options.onRefused?.(channel, 'invalid payload');
        return refused(parsed.message);
      }
      try {
        return await handler(parsed.data);
      } catch (e) {
        return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e), file: null } } satisfies Result<never>;
      }
    });
    channels.push(channel);
  }
  return channels;
}

/** The renderer's one-way "unsaved changes" message, checked like the rest. */
export function registerDirtyListener(ipc: IpcMainLike, onDirty: (state: { dirty: boolean; title: string }) => void): void {
  ipc.on(SEND_CHANNELS.dirty, (event, payload) => {
    if (!isTrustedSender(event.senderFrame)) return;
    const parsed = DirtyStateSchema.safeParse(payload);
    if (parsed.success) onDirty(parsed.data);
  });
}
