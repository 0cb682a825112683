/**
 * A nearly full disk without root: preloaded into a child process (`--import`), before the store's
 * modules, it makes one folder behave as a small disk in the real write path. `CAMB_TEST_DISK_QUOTA`
 * is `<bytes>:<folder>`; the files in the folder (their sizes in 4 KiB blocks, as a disk counts them) may
 * not pass `bytes`. As Linux does: a write that only partly fits writes what fits and returns the short
 * count, the next one throws ENOSPC; a file cannot be grown past the room; `statfs` reports the room left.
 * conf's writer (atomically, through stubborn-fs) takes its fs functions when it loads, hence a preload.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';

const BLOCK = 4096;
const setting = process.env['CAMB_TEST_DISK_QUOTA'];

function enospc(syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOSPC: no space left on device, ${syscall}`), {
    code: 'ENOSPC',
    errno: -28,
    syscall,
  });
}

const blocks = (bytes: number): number => Math.ceil(bytes / BLOCK) * BLOCK;

if (setting !== undefined) {
  const split = setting.indexOf(':');
  const quota = Number(setting.slice(0, split));
  const folder = path.resolve(setting.slice(split + 1));
  const inside = (file: string): boolean => path.resolve(file).startsWith(`${folder}${path.sep}`);
  const used = (): number =>
    fs
      .readdirSync(folder)
      .map((name) => fs.statSync(path.join(folder, name), { throwIfNoEntry: false })?.size ?? 0)
      .reduce((sum, size) => sum + blocks(size), 0);
  const room = (): number => Math.max(0, quota - used());

  const paths = new Map<number, string>();
  const { openSync, closeSync, writeSync, ftruncateSync, statfsSync } = fs;

  fs.openSync = ((file: fs.PathLike, ...rest: unknown[]) => {
    const fd = (openSync as (...args: unknown[]) => number)(file, ...rest);
    if (inside(String(file))) paths.set(fd, String(file));
    return fd;
  }) as typeof fs.openSync;

  fs.closeSync = ((fd: number) => {
    paths.delete(fd);
    closeSync(fd);
  }) as typeof fs.closeSync;

  fs.writeSync = ((fd: number, data: string | NodeJS.ArrayBufferView, ...rest: unknown[]) => {
    if (!paths.has(fd)) return (writeSync as (...args: unknown[]) => number)(fd, data, ...rest);
    // (fd, string, position?, encoding?) or (fd, buffer, offset?, length?, position?)
    const bytes =
      typeof data === 'string'
        ? Buffer.from(data, (rest[1] as BufferEncoding | undefined) ?? 'utf8')
        : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const offset = typeof data === 'string' ? 0 : ((rest[0] as number | undefined) ?? 0);
    const length =
      typeof data === 'string' ? bytes.length : ((rest[1] as number | undefined) ?? bytes.length - offset);
    const position = (typeof data === 'string' ? rest[0] : rest[2]) as number | null | undefined;
    const size = fs.fstatSync(fd).size;
    const at = position ?? size;
    // Bytes past the file's last block need new blocks: what fits is written, as a short write.
    const allowedEnd = blocks(size) + Math.floor(room() / BLOCK) * BLOCK;
    if (at >= allowedEnd) throw enospc('write');
    return writeSync(fd, bytes, offset, Math.min(length, allowedEnd - at), at);
  }) as typeof fs.writeSync;

  fs.ftruncateSync = ((fd: number, length = 0) => {
    if (paths.has(fd) && blocks(length) - blocks(fs.fstatSync(fd).size) > room()) throw enospc('ftruncate');
    ftruncateSync(fd, length);
  }) as typeof fs.ftruncateSync;

  fs.statfsSync = ((file: fs.PathLike, options?: fs.StatFsOptions) => {
    const real = statfsSync(file, options as { bigint?: false });
    if (!inside(path.join(String(file), 'x'))) return real;
    const free = Math.floor(room() / BLOCK);
    return { ...real, bsize: BLOCK, bavail: free, bfree: free };
  }) as typeof fs.statfsSync;

  syncBuiltinESMExports();
}
