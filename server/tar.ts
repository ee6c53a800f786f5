/**
 * Unpacks the build context the docker CLI sends to `POST /build` (classic builder): a tar
 * archive, plain or gzip-compressed (`docker build --compress`), into the `{path: content}`
 * shape the simulation's build route takes.
 *
 * Contract: `untar(bytes, limit)` returns `{ files }` or `{ error }` (a sentence for the 400
 * answer). Regular files become UTF-8 text; directories, links and devices are left out
 * (the simulated builder only reads files). Handles ustar prefixes, PAX `path` records and GNU
 * long names, which the Go archive/tar writer in the CLI emits for long paths.
 */
import { gunzipSync } from 'node:zlib';

const BLOCK = 512;

export type Untarred = { files: Record<string, string> } | { error: string };

function text(block: Buffer, start: number, length: number): string {
  const field = block.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? field.length : end).toString('utf8');
}

/** A numeric field: octal text, or base-256 when the high bit of the first byte is set. */
function number(block: Buffer, start: number, length: number): number {
  const field = block.subarray(start, start + length);
  if (((field[0] ?? 0) & 0x80) !== 0) {
    let value = (field[0] ?? 0) & 0x7f;
    for (let i = 1; i < field.length; i++) value = value * 256 + (field[i] ?? 0);
    return value;
  }
  const digits = text(block, start, length).trim();
  return digits === '' ? 0 : parseInt(digits, 8);
}

function validChecksum(block: Buffer): boolean {
  const stored = number(block, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0);
  return Number.isFinite(stored) && stored === sum;
}

/** PAX extended header records: `<len> key=value\n`. */
function paxRecords(data: Buffer): Record<string, string> {
  const records: Record<string, string> = {};
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    if (space === -1) break;
    const length = parseInt(data.subarray(at, space).toString('ascii'), 10);
    if (!Number.isFinite(length) || length <= 0) break;
    const record = data.subarray(space + 1, at + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) records[record.slice(0, eq)] = record.slice(eq + 1);
    at += length;
  }
  return records;
}

function cleanPath(path: string): string {
  return path.replace(/^(\.\/)+/, '').replace(/^\/+/, '');
}

export function untar(input: Buffer, limit: number): Untarred {
  let bytes = input;
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: limit });
    } catch (e) {
      const tooBig = (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
      return {
        error: tooBig
          ? `the build context unpacks to more than ${limit} bytes`
          : `the build context is gzip data that does not decompress: ${(e as Error).message}`,
      };
    }
  }
  if (bytes.length === 0) return { files: {} };
  const files: Record<string, string> = {};
  let longName: string | null = null;
  let pax: Record<string, string> = {};
  let at = 0;
  let first = true;
  while (at + BLOCK <= bytes.length) {
    const block = bytes.subarray(at, at + BLOCK);
    if (block.every((b) => b === 0)) return { files }; // the end-of-archive blocks
    if (!validChecksum(block))
      return {
        error: first
          ? 'the build context is not a tar archive (send the context as a tar stream, as `docker build` does)'
          : `the build context's tar archive is damaged at byte ${at} (bad header checksum)`,
      };
    first = false;
    const size = number(block, 124, 12);
    const type = String.fromCharCode(block[156] ?? 0);
    const dataStart = at + BLOCK;
    const dataEnd = dataStart + size;
    if (dataEnd > bytes.length)
      return { error: `the build context's tar archive ends inside an entry at byte ${at}` };
    const data = bytes.subarray(dataStart, dataEnd);
    at = dataStart + Math.ceil(size / BLOCK) * BLOCK;

    if (type === 'x') {
      pax = paxRecords(data);
      continue;
    }
    if (type === 'g') continue; // global PAX headers carry nothing the builder needs
    if (type === 'L') {
      longName = text(data, 0, data.length);
      continue;
    }
    const ustar = text(block, 257, 6) === 'ustar';
    const prefix = ustar ? text(block, 345, 155) : '';
    const base = text(block, 0, 100);
    const name = cleanPath(pax['path'] ?? longName ?? (prefix ? `${prefix}/${base}` : base));
    longName = null;
    pax = {};
    if ((type === '0' || type === '\0' || type === '7') && name !== '' && !name.endsWith('/'))
      files[name] = data.toString('utf8');
  }
  // Go's writer always ends with two zero blocks; a stream cut short still yields its files.
  if (first) return { error: 'the build context is not a tar archive (no tar header found)' };
  return { files };
}
