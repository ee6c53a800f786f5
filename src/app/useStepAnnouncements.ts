/**
 * Screen-reader narration of the diagram: as playback moves on, each state change it passes
 * (a daemon going down or up, a container's new state, a process re-parented) is announced
 * once, in words, through the polite live region. Packets themselves are not announced: at
 * playback speed they would drown everything else.
 */
import { useEffect } from 'react';
import type { TraceEntry } from '../sim/trace';
import { useAnnouncementStore } from '../store/announcementStore';
import { useSessionStore } from '../store/sessionStore';

function spoken(entry: TraceEntry): string | null {
  const change = entry.change;
  if (!change) return null;
  if (change.op === 'process.reparent') return entry.label;
  if (change.op === 'service' && change.patch.state)
    return `${change.service} ${change.patch.state}`;
  if (change.op === 'container.update' && change.patch.state) return entry.label;
  return null;
}

export function useStepAnnouncements(): void {
  const announce = useAnnouncementStore((s) => s.announce);
  useEffect(
    () =>
      useSessionStore.subscribe((state, previous) => {
        if (state.sim !== previous.sim || state.cursor <= previous.cursor) return;
        const said = state.sim.trace
          .slice(previous.cursor + 1, state.cursor + 1)
          .map(spoken)
          .filter((text): text is string => text !== null);
        if (said.length > 0) announce(said.slice(-3).join('. '));
      }),
    [announce],
  );
}
