/**
 * Reading one regular file with a size limit, for the importers and for any other input of a
 * command (structured data, notes). Its own module: reading a file loads no importer.
 */
import { constants as fsc } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { BriefsmithError } from '../model/result';
import { formatSize } from './limits';

/** What a file that is not a regular file is, for the refusal. */
function specialKind(s: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a pipe (FIFO)';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Reads a regular file, at most `maxBytes`: devices (/dev/zero linked as a.txt), pipes and
 * sockets are refused before opening (and again after, in case the path changed); the file
 * is opened non-blocking, so a pipe can never hang the open; the size is checked on the open
 * file and the read stops at `maxBytes` + 1 even if the file grows.
 */
export async function readRegularFile(p: string, maxBytes: number): Promise<Uint8Array> {
  const refuse = (kind: string): BriefsmithError =>
    new BriefsmithError('unreadable', `${p}: this is ${kind}, not a file${kind === 'a folder' ? '' : '; Briefsmith reads only regular files'}.`, p);
  const tooLarge = (size: number): BriefsmithError =>
    new BriefsmithError('too-large', `${p}: the file is ${size > maxBytes + 1 ? `${formatSize(size)}, over` : 'larger than'} the ${formatSize(maxBytes)} limit for one article.`, p);
  try {
    const s = await stat(p);
    if (!s.isFile()) throw refuse(specialKind(s));
    if (s.size > maxBytes) throw tooLarge(s.size);
    const h = await open(p, fsc.O_RDONLY | (fsc.O_NONBLOCK ?? 0));
    try {
      const st = await h.stat();
      if (!st.isFile()) throw refuse(specialKind(st));
      if (st.size > maxBytes) throw tooLarge(st.size);
      const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
      let n = 0;
      for (;;) {
        const { bytesRead } = await h.read(buf, n, buf.length - n, n);
        if (bytesRead === 0) break;
        n += bytesRead;
        if (n >= buf.length) throw tooLarge(maxBytes + 1);
      }
      return new Uint8Array(buf.buffer, buf.byteOffset, n);
    } finally {
      await h.close();
    }
  } catch (e) {
    throw readError(e, p);
  }
}

export function readError(e: unknown, p: string): BriefsmithError {
  if (e instanceof BriefsmithError) return e;
  const code = e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (code === 'ENOENT') return new BriefsmithError('not-found', `${p}: no such file.`, p);
  if (code === 'EACCES' || code === 'EPERM') return new BriefsmithError('unreadable', `${p}: permission denied.`, p);
  if (code === 'EISDIR') return new BriefsmithError('unreadable', `${p}: this is a folder, not a file.`, p);
  return new BriefsmithError('unreadable', `${p}: cannot be read (${e instanceof Error ? e.message : String(e)}).`, p);
}
