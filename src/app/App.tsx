/**
 * The app shell: skip link, header, workspace (diagram and panels) and the live region.
 * Contract: composition only; state lives in src/store, views in src/components.
 */
import { useLayoutEffect } from 'react';
import { SessionToolbar } from '../components/controls/SessionToolbar';
import { AppHeader } from '../components/header/AppHeader';
import { useResolvedTheme } from '../components/hooks/useResolvedTheme';
import { Workspace } from '../components/layout/Workspace';
import { SimulationFailure } from '../components/errors/SimulationFailure';
import { LiveRegion } from '../components/LiveRegion';
import { SkipLink } from '../components/SkipLink';
import { applyThemeClass } from './themeClass';
import { useAnnouncements } from './useAnnouncements';
import { useBridgeParam } from './useBridgeParam';
import { useSessionSync } from './useSessionSync';
import { useStepAnnouncements } from './useStepAnnouncements';

export function App() {
  const theme = useResolvedTheme();
  useLayoutEffect(() => applyThemeClass(document.documentElement, theme), [theme]);
  useAnnouncements();
  useStepAnnouncements();
  useSessionSync();
  useBridgeParam();
  return (
    <div className="flex h-dvh flex-col overflow-x-hidden overflow-y-auto bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <SkipLink />
      <AppHeader />
      <SessionToolbar />
      <Workspace />
      <LiveRegion />
      <SimulationFailure />
    </div>
  );
}
