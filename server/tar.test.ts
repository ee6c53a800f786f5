/**
 * The build-context unpacker, on archives written here byte by byte in the forms Go's
 * archive/tar (the docker CLI) produces: ustar with a prefix, PAX `path` records, GNU long
 * names, directories, gzip; and on what is not a tar.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { untar } from './tar';

interface Entry {
  name: string;
  type?: string;
  data?: string;
  prefix?: string;
}

function header(entry: Entry, size: number): Buffer {
  const h = Buffer.alloc(512);
  h.write(entry.name, 0, 100, 'utf8');
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write('00000000000\0', 136);
  h.write(entry.type ?? '0', 156);
  h.write('ustar\0', 257);
  h.write('00', 263);
  if (entry.prefix) h.write(entry.prefix, 345, 155, 'utf8');
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

function tar(entries: Entry[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const data = Buffer.from(e.data ?? '', 'utf8');
    parts.push(header(e, data.length), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

function pax(records: Record<string, string>): string {
  return Object.entries(records)
    .map(([k, v]) => {
      const body = ` ${k}=${v}\n`;
      let n = body.length + 1;
      while (`${n}${body}`.length !== n) n = `${n}${body}`.length;
      return `${n}${body}`;
    })
    .join('');
}

const LIMIT = 1024 * 1024;

describe('untar', () => {
  it('reads files, skips directories, and honours prefixes, PAX paths and GNU long names', () => {
    const long = `${'d'.repeat(120)}/file.txt`;
    const archive = tar([
      { name: 'Dockerfile', data: 'FROM alpine\n' },
      { name: 'app/', type: '5' },
      { name: 'main.js', prefix: 'app/src', data: 'console.log(1)\n' },
      { name: 'PaxHeaders/x', type: 'x', data: pax({ path: 'pax/named.txt' }) },
      { name: 'truncated-name', data: 'via pax\n' },
      { name: '././@LongLink', type: 'L', data: `${long}\0` },
      { name: long.slice(0, 99), data: 'long\n' },
      { name: './dot/slash.txt', data: 'x' },
    ]);
    expect(untar(archive, LIMIT)).toEqual({
      files: {
        Dockerfile: 'FROM alpine\n',
        'app/src/main.js': 'console.log(1)\n',
        'pax/named.txt': 'via pax\n',
        [long]: 'long\n',
        'dot/slash.txt': 'x',
      },
    });
  });

  it('reads a gzip-compressed context (docker build --compress)', () => {
    const archive = gzipSync(tar([{ name: 'Dockerfile', data: 'FROM alpine\n' }]));
    expect(untar(archive, LIMIT)).toEqual({ files: { Dockerfile: 'FROM alpine\n' } });
  });

  it('an empty body or an empty archive is an empty context', () => {
    expect(untar(Buffer.alloc(0), LIMIT)).toEqual({ files: {} });
    expect(untar(Buffer.alloc(1024), LIMIT)).toEqual({ files: {} });
  });

  it('refuses what is not a tar, a damaged tar and a cut-off one', () => {
    expect(untar(Buffer.from('FROM alpine\n'), LIMIT)).toEqual({
      error: 'the build context is not a tar archive (no tar header found)',
    });
    expect(untar(Buffer.from('x'.repeat(2048)), LIMIT)).toEqual({
      error:
        'the build context is not a tar archive (send the context as a tar stream, as `docker build` does)',
    });
    const good = tar([
      { name: 'a', data: 'A' },
      { name: 'b', data: 'B' },
    ]);
    const damaged = Buffer.from(good);
    damaged[1024 + 3] = 0x41; // the second header's name changes, its checksum does not
    expect(untar(damaged, LIMIT)).toEqual({
      error: "the build context's tar archive is damaged at byte 1024 (bad header checksum)",
    });
    const big = tar([{ name: 'a', data: 'A'.repeat(2000) }]);
    expect(untar(big.subarray(0, 1024), LIMIT)).toEqual({
      error: "the build context's tar archive ends inside an entry at byte 0",
    });
  });

  it('a gzip bomb stops at the limit', () => {
    const archive = gzipSync(tar([{ name: 'big', data: 'A'.repeat(2 * LIMIT) }]));
    expect(untar(archive, LIMIT)).toEqual({
      error: `the build context unpacks to more than ${LIMIT} bytes`,
    });
  });
});
