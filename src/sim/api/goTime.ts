/**
 * Go's time layouts, as dockerd writes times, for Unix milliseconds of virtual time.
 *
 * - RFC3339Nano (`Created`, `StartedAt`, image configs): the fraction's trailing zeros are
 *   dropped, and so is the dot on a whole second (`...:59.65Z`, `...:59Z`).
 * - RFC3339NanoFixed (moby's jsonmessage; `docker logs --timestamps`): always nine digits, so
 *   that the log lines' columns line up (`...:59.652000000Z`).
 *
 * Contract: pure. Virtual time has millisecond precision, so the last six of the nine
 * nanosecond digits are always zeros.
 */

/** `2026-11-29T05:48:59` and the three millisecond digits of a Unix time in ms. */
function parts(unixMs: number): { seconds: string; millis: string } {
  const iso = new Date(Math.floor(unixMs)).toISOString();
  return { seconds: iso.slice(0, 19), millis: iso.slice(20, 23) };
}

/** Go's time.RFC3339Nano in UTC: `2026-11-29T05:48:59.652Z`, `2026-11-29T05:48:59Z`. */
export function rfc3339Nano(unixMs: number): string {
  const { seconds, millis } = parts(unixMs);
  const fraction = millis.replace(/0+$/, '');
  return fraction === '' ? `${seconds}Z` : `${seconds}.${fraction}Z`;
}

/** moby's jsonmessage.RFC3339NanoFixed in UTC: `2026-11-29T05:48:59.652000000Z`. */
export function rfc3339NanoFixed(unixMs: number): string {
  const { seconds, millis } = parts(unixMs);
  return `${seconds}.${millis}000000Z`;
}

/** An ISO 8601 time (as the simulation stores `created`) in Go's RFC3339Nano; as is if unparsable. */
export function rfc3339NanoOf(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? rfc3339Nano(ms) : iso;
}
