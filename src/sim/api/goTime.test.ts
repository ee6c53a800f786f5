/**
 * Go's time layouts as dockerd prints them: `docker logs -t` columns (RFC3339NanoFixed) and the
 * `Created`/`StartedAt` of inspect (RFC3339Nano, trailing zeros dropped).
 */
import { describe, expect, it } from 'vitest';
import { rfc3339Nano, rfc3339NanoFixed, rfc3339NanoOf } from './goTime';

const AT = Date.UTC(2026, 10, 29, 5, 48, 59, 652);

describe('RFC3339NanoFixed (docker logs --timestamps)', () => {
  it('has nine fractional digits, never a second dot', () => {
    expect(rfc3339NanoFixed(AT)).toBe('2026-11-29T05:48:59.652000000Z');
    expect(rfc3339NanoFixed(AT - 652)).toBe('2026-11-29T05:48:59.000000000Z');
    expect(rfc3339NanoFixed(AT - 2)).toBe('2026-11-29T05:48:59.650000000Z');
  });
});

describe('RFC3339Nano (Created, StartedAt, image configs)', () => {
  it('drops trailing zeros, and the dot on a whole second', () => {
    expect(rfc3339Nano(AT)).toBe('2026-11-29T05:48:59.652Z');
    expect(rfc3339Nano(AT - 2)).toBe('2026-11-29T05:48:59.65Z');
    expect(rfc3339Nano(AT - 652)).toBe('2026-11-29T05:48:59Z');
  });

  it('rewrites stored ISO times; leaves what it cannot parse', () => {
    expect(rfc3339NanoOf('2025-10-08T11:04:54Z')).toBe('2025-10-08T11:04:54Z');
    expect(rfc3339NanoOf('2026-01-12T09:00:01.500Z')).toBe('2026-01-12T09:00:01.5Z');
    expect(rfc3339NanoOf('not a time')).toBe('not a time');
  });
});
