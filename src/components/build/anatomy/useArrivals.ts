/**
 * Which rows just arrived because the list grew (a build step finished as playback moved on),
 * so only those slide in. A list that was replaced (another image picked, playback stepped
 * back) or shown for the first time has no arrivals: it simply appears.
 *
 * Contract: `keys` in display order with new keys appended; returns the keys that are new
 * since the previous different list, when that list is a prefix of this one.
 */
import { useState } from 'react';

const NONE: ReadonlySet<string> = new Set();

export function useArrivals(keys: readonly string[]): ReadonlySet<string> {
  const signature = keys.join('\n');
  const [seen, setSeen] = useState({ signature, keys, arrived: NONE });
  if (seen.signature !== signature) {
    const grew = keys.length > seen.keys.length && seen.keys.every((key, i) => keys[i] === key);
    // Adjusting state while rendering (React's pattern for state derived from the previous
    // props): the arrivals are known in the same render, so no frame shows them in place first.
    setSeen({
      signature,
      keys,
      arrived: grew ? new Set(keys.slice(seen.keys.length)) : NONE,
    });
  }
  return seen.signature === signature ? seen.arrived : NONE;
}

/**
 * Classes for a row: every row can transition; an arriving one starts above and transparent
 * (CSS @starting-style), and with reduced motion it just appears.
 */
export function arrivalClass(arriving: boolean): string {
  return `transition-[translate,opacity] duration-500 ease-out motion-reduce:transition-none ${
    arriving ? 'starting:-translate-y-4 starting:opacity-0' : ''
  }`;
}
