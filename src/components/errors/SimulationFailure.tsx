/**
 * Where the simulation failure dialog (FailureDialog.tsx) lives in the app. Its code loads
 * when a simulation first fails, not with the first screen (a failure should never happen),
 * and it stays mounted from then on, so that closing it hands focus back where it was.
 * Contract: mounted once (App); renders nothing until a failure is kept (src/store/simFailure.ts).
 * Should the dialog fail to load or render, its boundary says so in its place.
 */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSimFailureStore } from '../../store/simFailure';
import { PanelErrorBoundary } from '../PanelErrorBoundary';

const FailureDialog = lazy(() => import('./FailureDialog'));

export function SimulationFailure() {
  const { t } = useTranslation();
  const failed = useSimFailureStore((s) => s.failures.length > 0);
  const [needed, setNeeded] = useState(failed);
  // Latched during render (React's pattern for state derived from a change), not in an effect.
  if (failed && !needed) setNeeded(true);
  if (!needed) return null;
  return (
    <PanelErrorBoundary name={t('errors.simFailure.title')}>
      <Suspense fallback={null}>
        <FailureDialog />
      </Suspense>
    </PanelErrorBoundary>
  );
}
