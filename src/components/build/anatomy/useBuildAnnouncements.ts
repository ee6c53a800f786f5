/**
 * Screen-reader narration of a build: as playback moves forward over a build step or the
 * build's end, it is said once through the polite live region ("Step 5/7 COPY app.js
 * index.html ./: new layer, 206B"; "Build failed: ... (Dockerfile line 3)").
 *
 * Contract: listens to the session store's cursor, not to renders, so each trace entry is
 * announced once however often the view re-renders; moving back or scrubbing to another
 * session announces nothing. At most the last three messages of one move are said.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TraceEntry } from '../../../sim/trace';
import type { World } from '../../../sim/types';
import { useAnnouncementStore } from '../../../store/announcementStore';
import { useSessionStore, worldAtCursor } from '../../../store/sessionStore';
import { outcomeText, stepName } from './BuildSteps';
import { latestStepNote, stepView } from './buildProgress';

type Say = (entry: TraceEntry, trace: readonly TraceEntry[], world: World) => string | null;

export function useBuildAnnouncements(): void {
  const { t } = useTranslation();
  const announce = useAnnouncementStore((s) => s.announce);
  useEffect(() => {
    const say: Say = (entry, trace, world) => {
      const change = entry.change;
      if (change?.op === 'build.step') {
        const total = latestStepNote(trace, entry.seq, change.id)?.total ?? null;
        const step = stepView(world, change.step);
        return `${stepName(t, step.n, total)} ${step.instruction}: ${outcomeText(t, step)}`;
      }
      if (change?.op !== 'build.end') return null;
      const build = world.builds.find((b) => b.id === change.id);
      const tags = build?.tags.join(', ') || t('anatomy.build.untagged');
      if (!change.error) return t('anatomy.build.state.done', { tags });
      const { message, line } = change.error;
      return `${t('anatomy.build.state.failed', { tags })}: ${
        line === null ? message : t('anatomy.build.errorAt', { message, line })
      }`;
    };
    return useSessionStore.subscribe((state, previous) => {
      if (state.sim !== previous.sim || state.cursor <= previous.cursor) return;
      const entries = state.sim.trace.slice(previous.cursor + 1, state.cursor + 1);
      if (!entries.some((e) => e.change?.op === 'build.step' || e.change?.op === 'build.end'))
        return;
      const world = worldAtCursor(state);
      const said = entries
        .map((entry) => say(entry, state.sim.trace, world))
        .filter((text): text is string => text !== null);
      if (said.length > 0) announce(said.slice(-3).join('. '));
    });
  }, [announce, t]);
}
