import { useEffect, useState } from 'react';
import { firstTextShown, textRendered } from '../../store/firstText';

let shown = false;

/**
 * False until the first screen's text is on screen (store/firstText.ts: the page's first
 * paint, or a lesson link's step), then true: a part drawn behind it (the diagram, the
 * heaviest part of the first render, and its code) lets the text reach the screen first, on a
 * slow link or machine a second or more sooner. After that it is true at once, so a view
 * switched to later is not held back.
 */
export function useAfterFirstText(): boolean {
  const [ready, setReady] = useState(shown);
  useEffect(() => {
    if (ready) return;
    let live = true;
    textRendered('page');
    void firstTextShown().then(() => {
      shown = true;
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [ready]);
  return ready;
}
