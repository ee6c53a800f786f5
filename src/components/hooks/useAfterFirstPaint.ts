import { useEffect, useState } from 'react';
import { afterNextPaint } from './afterNextPaint';

let painted = false;

/**
 * False until the page has painted once since it loaded, then true: a part drawn behind it
 * (the diagram, the heaviest part of the first render) lets what is lighter reach the screen
 * first, on a slow machine a few hundred milliseconds sooner. After that first paint it is
 * true at once, so a view switched to later is not held back.
 */
export function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(painted);
  useEffect(() => {
    if (ready) return;
    let live = true;
    void afterNextPaint().then(() => {
      painted = true;
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [ready]);
  return ready;
}
