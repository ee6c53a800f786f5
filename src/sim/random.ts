/**
 * The simulation's only source of randomness: a small seeded generator (sfc32), so that the
 * same seed gives the same container IDs, network IDs and timings, in Node and in browsers.
 */

export interface RandomState {
  a: number;
  b: number;
  c: number;
  d: number;
}

/** Mixes a seed string or number into the generator's four words (splitmix-style). */
export function seedRandom(seed: string | number): RandomState {
  let h = 0x9e3779b9 ^ 0;
  const text = String(seed);
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x85ebca6b);
    h = (h << 13) | (h >>> 19);
  }
  const next = (): number => {
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  const state = { a: next(), b: next(), c: next(), d: next() };
  return state;
}

/** Next 32-bit unsigned integer; advances the state in place. */
export function nextUint32(s: RandomState): number {
  const t = (((s.a + s.b) | 0) + s.d) | 0;
  s.d = (s.d + 1) | 0;
  s.a = s.b ^ (s.b >>> 9);
  s.b = (s.c + (s.c << 3)) | 0;
  s.c = (s.c << 21) | (s.c >>> 11);
  s.c = (s.c + t) | 0;
  return t >>> 0;
}

/** `length` lowercase hex digits, as Docker's IDs are. */
export function randomHex(s: RandomState, length: number): string {
  let out = '';
  while (out.length < length) out += nextUint32(s).toString(16).padStart(8, '0');
  return out.slice(0, length);
}

/** An integer in [min, max]. */
export function randomInt(s: RandomState, min: number, max: number): number {
  return min + (nextUint32(s) % (max - min + 1));
}
