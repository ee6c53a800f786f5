/**
 * The simulation's engine (src/sim/engine.ts, the bulk of the simulation) in the app: the
 * first screen draws a fresh host without it, and main.tsx fetches it right after; an action
 * that comes first waits for it here.
 * Contract: `loadSimulationEngine` resolves once inputs can be applied, and rejects if the
 * chunk cannot be fetched (a later call tries again).
 */
import { hostEngineLoaded } from '../sim/simulation';

let loading: Promise<unknown> | null = null;

export function loadSimulationEngine(): Promise<void> {
  if (hostEngineLoaded()) return Promise.resolve();
  loading ??= import('../sim/engine').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading.then(() => undefined);
}

export { hostEngineLoaded };

/**
 * Runs `act` now if the engine is loaded (so a click stays synchronous), else once it is;
 * `failed` is called instead if it cannot be fetched. For whatever acts from the first screen.
 */
export function withEngine(act: () => void, failed: () => void): void {
  if (hostEngineLoaded()) act();
  else void loadSimulationEngine().then(act, failed);
}
