/**
 * AGE as kubectl prints it: duration.HumanDuration's bands, boundaries included, and the
 * second-truncated creation timestamp it is measured from.
 */
import { describe, expect, it } from 'vitest';
import { age, humanDuration } from './duration';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration', () => {
  it.each([
    [0, '0s'],
    [999, '0s'],
    [45 * s, '45s'],
    [119 * s + 999, '119s'],
    [2 * m, '2m'],
    [3 * m + 12 * s, '3m12s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m, '10m'],
    [10 * m + 30 * s, '10m'],
    [42 * m, '42m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [5 * h + 3 * m, '5h3m'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h, '8h'],
    [30 * h, '30h'],
    [47 * h + 59 * m, '47h'],
    [2 * d, '2d'],
    [3 * d + 4 * h, '3d4h'],
    [7 * d + 23 * h, '7d23h'],
    [8 * d, '8d'],
    [200 * d, '200d'],
    [729 * d, '729d'],
    [730 * d, '2y'],
    [730 * d + 30 * d, '2y30d'],
    [8 * 365 * d, '8y'],
    [9 * 365 * d + 100 * d, '9y'],
  ])('%d ms is %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it('reads a second in the future as now, and further as invalid', () => {
    expect(humanDuration(-1500)).toBe('0s');
    expect(humanDuration(-2000)).toBe('<invalid>');
  });
});

describe('age', () => {
  it('measures from the creation stamp without its milliseconds', () => {
    const epoch = Date.UTC(2026, 10, 29, 9, 0, 0);
    // Created at 0.9 s (stored as 0 s), seen at 1.5 s: 1 s old.
    expect(age(epoch, 900, 1500)).toBe('1s');
    // Created before time 0: objects the cluster had before the lesson started.
    expect(age(epoch, -600_000, 0)).toBe('10m');
    expect(age(epoch, -600_000, 12_000)).toBe('10m');
  });
});
