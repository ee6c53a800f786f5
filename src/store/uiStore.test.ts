import { beforeEach, describe, expect, it } from 'vitest';
import { initialUiState, useUiStore } from './uiStore';

describe('uiStore', () => {
  beforeEach(() => useUiStore.setState(initialUiState()));

  it('starts in the sandbox, modern era, nothing selected, all panels open', () => {
    const state = useUiStore.getState();
    expect(state.mode).toBe('sandbox');
    expect(state.era).toBe('modern');
    expect(state.selectedPart).toBeNull();
    expect(Object.values(state.collapsedPanels)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('changes mode, theme, era and selection', () => {
    const { setMode, setTheme, setEra, selectPart } = useUiStore.getState();
    setMode('lessons');
    setTheme('dark');
    setEra('split');
    selectPart('shim');
    expect(useUiStore.getState()).toMatchObject({
      mode: 'lessons',
      theme: 'dark',
      era: 'split',
      selectedPart: 'shim',
    });
  });

  it('shows the host diagram first and switches to the Build view', () => {
    expect(useUiStore.getState().view).toBe('host');
    useUiStore.getState().setView('build');
    expect(useUiStore.getState().view).toBe('build');
  });

  it('collapses one panel at a time and ignores no-op changes', () => {
    const before = useUiStore.getState().collapsedPanels;
    useUiStore.getState().setPanelCollapsed('terminal', false);
    expect(useUiStore.getState().collapsedPanels).toBe(before);
    useUiStore.getState().setPanelCollapsed('terminal', true);
    expect(useUiStore.getState().collapsedPanels).toEqual({
      narration: false,
      terminal: true,
      api: false,
      processes: false,
      events: false,
      inspector: false,
    });
  });

  it('shows only the panels an embed names, in their usual order, open', () => {
    useUiStore.getState().setPanelCollapsed('inspector', true);
    useUiStore.getState().showOnlyPanels(['inspector', 'narration']);
    const state = useUiStore.getState();
    expect(state.shownPanels).toEqual(['narration', 'inspector']);
    expect(state.collapsedPanels.inspector).toBe(false);
  });
});
