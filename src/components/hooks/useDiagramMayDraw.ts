import { useEffect, useState } from 'react';
import { diagramMayDraw, textRendered } from '../../store/firstText';

let shown = false;

/**
 * False until the host diagram may be drawn (store/firstText.ts: once the first screen's text
 * is on screen, and on a lesson link once the lesson's world is), then true: the diagram, the
 * heaviest part of the first render, and its code, let the text reach the screen first, on a
 * slow link or machine a second or more sooner; and a lesson link draws its own world once,
 * not a fresh host first. After that it is true at once, so a view switched to later is not
 * held back.
 */
export function useDiagramMayDraw(): boolean {
  const [ready, setReady] = useState(shown);
  useEffect(() => {
    if (ready) return;
    let live = true;
    textRendered('page');
    void diagramMayDraw().then(() => {
      shown = true;
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [ready]);
  return ready;
}
