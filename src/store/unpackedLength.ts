/**
 * How long a text packed by lz-string's `compressToEncodedURIComponent` unpacks to, found
 * without unpacking it. A few kilobytes of LZ codes can stand for hundreds of megabytes (each
 * code may name a dictionary entry one character longer than the one before), so a link is
 * measured before lz-string builds its text: a hostile link cannot make the page build a
 * string it will only refuse.
 *
 * Contract: walks lz-string 1.5's format code for code as its `_decompress` does, keeping only
 * lengths. Returns the unpacked length in UTF-16 code units, 'over' as soon as it passes
 * `budget`, or null where lz-string would give no text or nonsense (input cut short, a code
 * naming no entry, a first code that is no character). Pure, bounded by the input's length,
 * and never throws.
 */

/** lz-string's URI-safe alphabet: 6 bits per character. */
export const URI_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE = new Map([...URI_ALPHABET].map((char, i) => [char, i]));
const BITS_PER_CHAR = 32; // the highest bit of a 6-bit value, where lz-string starts reading

export function unpackedLength(packed: string, budget: number): number | 'over' | null {
  // lz-string reads a space as '+' (a '+' that a form decoding turned into a space).
  const text = packed.replace(/ /g, '+');
  if (text === '') return null;
  // Past the end (or on a character outside the alphabet) lz-string reads zeros.
  const valueAt = (i: number) => VALUE.get(text.charAt(i)) ?? 0;
  let value = valueAt(0);
  let position = BITS_PER_CHAR;
  let index = 1;
  const read = (count: number) => {
    let bits = 0;
    for (let power = 1, max = 2 ** count; power !== max; power *= 2) {
      const bit = value & position;
      position >>= 1;
      if (position === 0) {
        position = BITS_PER_CHAR;
        value = valueAt(index++);
      }
      if (bit > 0) bits += power;
    }
    return bits;
  };

  // Entry lengths by code; codes 0, 1 and 2 are the format's own (char8, char16, end).
  const lengths: number[] = [0, 0, 0];
  let enlargeIn = 4;
  let numBits = 3;
  const grow = () => {
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  };

  const first = read(2);
  if (first === 2) return 0;
  if (first !== 0 && first !== 1) return null;
  read(first === 0 ? 8 : 16);
  lengths.push(1);
  let previous = 1;
  let total = 1;
  for (;;) {
    if (index > text.length) return null;
    let code = read(numBits);
    if (code === 2) return total;
    if (code === 0 || code === 1) {
      read(code === 0 ? 8 : 16);
      lengths.push(1);
      code = lengths.length - 1;
      grow();
    }
    // A code names an entry, or the one about to be made (the previous entry and its own
    // first character); anything beyond is not lz-string's.
    const length =
      code < lengths.length
        ? (lengths[code] ?? null)
        : code === lengths.length
          ? previous + 1
          : null;
    if (length === null) return null;
    total += length;
    if (total > budget) return 'over';
    lengths.push(previous + 1);
    grow();
    previous = length;
  }
}
