/**
 * The walk over lz-string's codes tells how long a packed text unpacks to, exactly for what
 * lz-string packed, never more than lz-string would build from anything else, and stops at
 * its budget before a small link can stand for a huge text.
 */
import fc from 'fast-check';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { unpackedLength, URI_ALPHABET } from './unpackedLength';

/** What lz-string itself makes of `packed`: its text, or null for none (or a throw). */
function lzText(packed: string): string | null {
  try {
    return decompressFromEncodedURIComponent(packed) || null;
  } catch {
    return null;
  }
}

describe('unpackedLength', () => {
  it('gives the unpacked length of anything lz-string packed, in UTF-16 units', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => {
        expect(unpackedLength(compressToEncodedURIComponent(text), 1e9)).toBe(text.length);
      }),
      { numRuns: 500 },
    );
  });

  it('on any other text, agrees with lz-string or refuses it', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...URI_ALPHABET, ' ', '!', 'é'), maxLength: 300 }),
        (packed) => {
          const length = unpackedLength(packed, 1e9);
          // Refused (null, or 0 for an empty text) where lz-string may build nonsense; never a
          // length other than what lz-string builds.
          if (length !== null && length !== 0) expect(lzText(packed)?.length).toBe(length);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('refuses text cut short and an empty text', () => {
    const packed = compressToEncodedURIComponent('{"app":"docker-anatomy","version":1}');
    expect(unpackedLength(packed.slice(0, packed.length / 2), 1e9)).toBeNull();
    expect(unpackedLength('', 1e9)).toBeNull();
  });

  it('stops at the budget: a small packed text can stand for a huge one', () => {
    const bomb = compressToEncodedURIComponent('a'.repeat(200_000));
    expect(bomb.length).toBeLessThan(1500);
    expect(unpackedLength(bomb, 200_000)).toBe(200_000);
    expect(unpackedLength(bomb, 10_000)).toBe('over');
  });
});
