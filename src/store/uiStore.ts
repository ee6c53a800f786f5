/**
 * UI state of the shell: mode, theme preference, era, main view, selected component, collapsed
 * panels.
 * Contract: holds only what the user chose in the interface. The simulated world is owned by
 * src/sim and is never copied here. Only the theme is persisted (see themePreference.ts).
 */
import { create } from 'zustand';
import type { Era } from '../sim/eras';
import {
  browserStorage,
  loadThemePreference,
  saveThemePreference,
  type ThemePreference,
} from './themePreference';

export type Mode = 'lessons' | 'sandbox';
export const MODES: readonly Mode[] = ['lessons', 'sandbox'];

/**
 * What the main canvas shows: the host diagram, the Dockerfile editor and image anatomy, or the
 * Swarm cluster (its own simulation, see clusterStore.ts).
 */
export type View = 'host' | 'build' | 'cluster';
export const VIEWS: readonly View[] = ['host', 'build', 'cluster'];

/** Which orchestrator the Cluster view shows: Swarm (in dockerd) or Kubernetes (no dockerd). */
export type Orchestrator = 'swarm' | 'kubernetes';
export const ORCHESTRATORS: readonly Orchestrator[] = ['swarm', 'kubernetes'];

export type PanelId = 'narration' | 'terminal' | 'api' | 'processes' | 'events' | 'inspector';
/** The side panels, top to bottom. */
export const PANEL_IDS: readonly PanelId[] = [
  'narration',
  'terminal',
  'api',
  'processes',
  'events',
  'inspector',
];

export interface UiState {
  mode: Mode;
  theme: ThemePreference;
  era: Era;
  view: View;
  orchestrator: Orchestrator;
  /** The host part (diagram node id, e.g. `dockerd` or `container:<id>`) in the inspector. */
  selectedPart: string | null;
  /** `minimal` in an iframe that asked for it: the header keeps only the name and a link out. */
  chrome: 'full' | 'minimal';
  collapsedPanels: Readonly<Record<PanelId, boolean>>;
  /** The side panels on screen, in PANEL_IDS order: all of them, unless an embed chose. */
  shownPanels: readonly PanelId[];
  /** Presenter mode (projector): larger type, the last command large, clicker keys. */
  presenting: boolean;
  setMode: (mode: Mode) => void;
  setTheme: (theme: ThemePreference) => void;
  setEra: (era: Era) => void;
  setView: (view: View) => void;
  setOrchestrator: (orchestrator: Orchestrator) => void;
  selectPart: (part: string | null) => void;
  setPanelCollapsed: (panel: PanelId, collapsed: boolean) => void;
  /** Shows only these panels (an embed's `?panels=`), open; the others are not drawn. */
  showOnlyPanels: (panels: readonly PanelId[]) => void;
  setPresenting: (presenting: boolean) => void;
  setChrome: (chrome: 'full' | 'minimal') => void;
}

/** The state a fresh visit starts from; the theme comes from storage when there is one. */
export function initialUiState(theme: ThemePreference = 'system') {
  return {
    // Sandbox first: the whole host is worth seeing at once; the lessons are one click away.
    mode: 'sandbox' as Mode,
    theme,
    era: 'modern' as Era,
    view: 'host' as View,
    orchestrator: 'swarm' as Orchestrator,
    selectedPart: null,
    chrome: 'full' as const,
    collapsedPanels: {
      narration: false,
      terminal: false,
      api: false,
      processes: false,
      events: false,
      inspector: false,
    },
    shownPanels: PANEL_IDS,
    presenting: false,
  } satisfies Partial<UiState>;
}

export const useUiStore = create<UiState>()((set) => ({
  ...initialUiState(loadThemePreference(browserStorage())),
  setMode: (mode) =>
    set((state) =>
      state.mode === mode
        ? state
        : {
            mode,
            // A lesson needs room for its text and the terminal; the event log and the
            // inspector wait folded until asked for. Back in the sandbox, everything shows.
            collapsedPanels: {
              ...state.collapsedPanels,
              events: mode === 'lessons',
              inspector: mode === 'lessons',
            },
          },
    ),
  setTheme: (theme) => set({ theme }),
  setEra: (era) => set({ era }),
  setView: (view) => set({ view }),
  setOrchestrator: (orchestrator) => set({ orchestrator }),
  setPresenting: (presenting) => set({ presenting }),
  // Choosing a part to inspect opens the inspector if it was folded (as it is in a lesson).
  selectPart: (selectedPart) =>
    set((state) =>
      selectedPart !== null && state.collapsedPanels.inspector
        ? { selectedPart, collapsedPanels: { ...state.collapsedPanels, inspector: false } }
        : { selectedPart },
    ),
  setChrome: (chrome) => set({ chrome }),
  setPanelCollapsed: (panel, collapsed) =>
    set((state) =>
      state.collapsedPanels[panel] === collapsed
        ? state
        : { collapsedPanels: { ...state.collapsedPanels, [panel]: collapsed } },
    ),
  showOnlyPanels: (panels) =>
    set((state) => ({
      shownPanels: PANEL_IDS.filter((id) => panels.includes(id)),
      collapsedPanels: Object.fromEntries(
        PANEL_IDS.map((id) => [id, panels.includes(id) ? false : state.collapsedPanels[id]]),
      ) as Record<PanelId, boolean>,
    })),
}));

let themeHeld = false;
/** A theme set by an embedding page applies to that page only: it is not saved as the user's. */
export function holdThemePreference(): void {
  themeHeld = true;
}

// Persist the theme whoever changes it (the header's control), unless an embed set it.
useUiStore.subscribe((state, previous) => {
  if (state.theme !== previous.theme && !themeHeld)
    saveThemePreference(browserStorage(), state.theme);
});
