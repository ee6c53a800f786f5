/**
 * The area below the header: the main view (the host diagram, or the Build view) beside a
 * column of panels (the main landmark).
 * Contract: layout only. Wide screens put the panels to the right of the view; narrow
 * ones (phones, a slim iframe) stack them below. Every split is resizable by mouse and keys.
 * The Build view (CodeMirror) and the Cluster view are loaded the first time they are chosen
 * (header: ViewSwitch).
 */
import { Fragment, lazy, Suspense, useId, type ComponentType } from 'react';
import { Group, Panel } from 'react-resizable-panels';
import { useTranslation } from 'react-i18next';
import { useUiStore, type Mode, type PanelId } from '../../store/uiStore';
import { VisitBanner } from '../host/VisitBanner';
import { useDiagramMayDraw } from '../hooks/useDiagramMayDraw';
import { firstTextShown } from '../../store/firstText';
import { useMediaQuery } from '../hooks/useMediaQuery';
import { ApiPanel } from '../panels/ApiPanel';
import { EventLogPanel } from '../panels/EventLogPanel';
import { InspectorPanel } from '../panels/InspectorPanel';
import { NarrationPanel } from '../panels/NarrationPanel';
import { ProcessTreePanel } from '../panels/ProcessTreePanel';
import { TerminalPanel } from '../panels/TerminalPanel';
import { PanelErrorBoundary } from '../PanelErrorBoundary';
import { MAIN_ID } from '../SkipLink';
import { CollapsiblePanel } from './CollapsiblePanel';
import { ResizeHandle } from './ResizeHandle';

/**
 * The side panels (in PANEL_IDS order, top to bottom) with their share of the column. The
 * terminal gets the most room, with the API exchanges it causes right below; the live views
 * share the rest. Each can be resized or collapsed.
 */
const PANELS: Readonly<Record<PanelId, ComponentType>> = {
  narration: NarrationPanel,
  terminal: TerminalPanel,
  api: ApiPanel,
  processes: ProcessTreePanel,
  events: EventLogPanel,
  inspector: InspectorPanel,
};

/** In Lessons mode the narration (the lesson) and the terminal share most of the column. */
const SIZES: Readonly<Record<Mode, Readonly<Record<PanelId, string>>>> = {
  sandbox: {
    narration: '14%',
    terminal: '30%',
    api: '18%',
    processes: '14%',
    events: '12%',
    inspector: '12%',
  },
  lessons: {
    narration: '38%',
    terminal: '32%',
    api: '13%',
    processes: '11%',
    events: '3%',
    inspector: '3%',
  },
};

const BuildView = lazy(() => import('../build/BuildView'));
// The diagram's code (React Flow, d3 and dagre: a third of the app's first bytes) is fetched
// once the first text is on screen: the header and the panels' words (or a lesson link's
// step) are what a slow link shows first. A lesson link draws it only once its world is in.
const loadHostCanvas = () => import('../host/HostCanvas');
const HostCanvas = lazy(() => loadHostCanvas().then((m) => ({ default: m.HostCanvas })));
void firstTextShown()
  .then(loadHostCanvas)
  .catch(() => undefined);
const ClusterView = lazy(() => import('../cluster/ClusterView'));

/**
 * Below this width the panels go under the diagram instead of beside it, unless the window is
 * wider than it is high (a small embed in a slide, a phone held sideways): then there is more
 * room across than down.
 */
const SIDE_BY_SIDE = '(min-width: 40rem), (min-aspect-ratio: 4/3)';

/**
 * A panel's title bar, an open panel's least height (CollapsiblePanel) and a separator's
 * thickness (ResizeHandle), in rem.
 */
const TITLE_REM = 2.5;
const OPEN_REM = 5;
const HANDLE_REM = 0.375;
/**
 * Under the diagram (a phone), the room of the panel that is open: a few lines of the terminal
 * or the lesson. The page scrolls to it, as pages on a phone do.
 */
const STACKED_OPEN_REM = 12;
/** The diagram's least height when the panels are under it, in rem. */
const CANVAS_REM = 10;

/**
 * The least room the column of `panels` panels needs, in rem: each open, when that is little;
 * for many, every title bar and one panel open with `openRem` (an accordion: opening another
 * folds the rest, see CollapsiblePanel). Less, and a panel asked open could not be.
 */
function columnRem(panels: number, openRem: number): number {
  const allOpen = panels * OPEN_REM;
  const oneOpen = (panels - 1) * TITLE_REM + openRem;
  return Math.min(allOpen, oneOpen) + Math.max(panels - 1, 0) * HANDLE_REM;
}

/**
 * The least height of the workspace, in rem: the column's, and the diagram above it when the
 * panels are stacked. In a window too short for that (a small embed with the full header, a
 * phone) the page scrolls, rather than squeezing the panels to slivers that cover their own
 * titles.
 */
function workspaceMinRem(panels: number, sideBySide: boolean): number {
  return sideBySide
    ? columnRem(panels, OPEN_REM)
    : columnRem(panels, STACKED_OPEN_REM) + HANDLE_REM + CANVAS_REM;
}

/** Each shown panel's share of the column: its share in `mode`, scaled to the shown ones. */
function shares(mode: Mode, shown: readonly PanelId[]): Record<string, string> {
  const sizes = shown.map((id) => parseFloat(SIZES[mode][id]));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  return Object.fromEntries(shown.map((id, i) => [id, `${((sizes[i] ?? 0) * 100) / total}%`]));
}

/**
 * The panel that has the column's room first: the one with the largest share in `mode` that
 * is not folded (the terminal in the sandbox, the lesson in a lesson). Where the first layout
 * has no room for it (a short window), it is opened and the others fold. Under the diagram (a
 * phone) the narration leads where it is shown: it says what the diagram is, and typing at a
 * terminal waits until asked for (with its 190 KB, which a phone then does not fetch at once).
 */
function leadPanel(
  mode: Mode,
  shown: readonly PanelId[],
  folded: Readonly<Record<PanelId, boolean>>,
  stacked: boolean,
): PanelId | undefined {
  const open = shown.filter((id) => !folded[id]);
  if (stacked && open.includes('narration')) return 'narration';
  return [...open].sort((a, b) => parseFloat(SIZES[mode][b]) - parseFloat(SIZES[mode][a]))[0];
}

/**
 * Under the diagram the column is short: the lead panel starts open with all the room (no
 * default size: it takes what the others leave), the others as title bars.
 */
function stackedShares(shown: readonly PanelId[], lead: PanelId | undefined) {
  return Object.fromEntries(shown.map((id) => [id, id === lead ? undefined : `${TITLE_REM}rem`]));
}

export function Workspace() {
  const { t } = useTranslation();
  const sideBySide = useMediaQuery(SIDE_BY_SIDE);
  // The diagram (React Flow and its layout: the heaviest part of the first render) is fetched
  // and drawn once the first screen's text is on screen (the panels', or a lesson link's step;
  // on a lesson link, drawn once its world is in).
  const diagramNow = useDiagramMayDraw();
  const drawing = <p className="text-muted p-3">{t('canvas.loading')}</p>;
  const orientation = sideBySide ? 'horizontal' : 'vertical';
  const titleId = useId();
  const descriptionId = useId();
  const view = useUiStore((state) => state.view);
  const mode = useUiStore((state) => state.mode);
  const shown = useUiStore((state) => state.shownPanels);
  // Read once per layout (the column is keyed below): later folds are the panels' own.
  const lead = leadPanel(mode, shown, useUiStore.getState().collapsedPanels, !sideBySide);
  const sizes: Record<string, string | undefined> = sideBySide
    ? shares(mode, shown)
    : stackedShares(shown, lead);
  const canvasLabel =
    view === 'build'
      ? t('build.label')
      : view === 'cluster'
        ? t('cluster.label')
        : t('canvas.label');

  return (
    // One main landmark around diagram and panels: the separators between them are content
    // too, and landmarks may not nest, so the panels are labelled regions inside it.
    <main
      id={MAIN_ID}
      tabIndex={-1}
      className="flex flex-1 flex-col outline-none"
      style={{ minHeight: `${workspaceMinRem(shown.length, sideBySide)}rem` }}
    >
      <Group key={orientation} orientation={orientation} className="min-h-0 flex-1">
        <Panel
          id="canvas"
          defaultSize={sideBySide ? '62%' : undefined}
          minSize="30%"
          style={{ overflow: 'hidden' }}
        >
          <section aria-labelledby={titleId} className="relative h-full">
            <h2 id={titleId} className="sr-only">
              {canvasLabel}
            </h2>
            {/* Keyed by view: an error caught in one view is not carried into the other. */}
            <PanelErrorBoundary key={view} name={canvasLabel}>
              {view === 'build' ? (
                <Suspense fallback={<p className="text-muted p-3">{t('build.loading')}</p>}>
                  <BuildView />
                </Suspense>
              ) : view === 'cluster' ? (
                <Suspense fallback={<p className="text-muted p-3">{t('cluster.loading')}</p>}>
                  <ClusterView />
                </Suspense>
              ) : (
                <div className="flex h-full flex-col">
                  <p id={descriptionId} className="sr-only">
                    {t('canvas.description')}
                  </p>
                  <VisitBanner />
                  <div className="min-h-0 flex-1">
                    {diagramNow ? (
                      <Suspense fallback={drawing}>
                        <HostCanvas descriptionId={descriptionId} />
                      </Suspense>
                    ) : (
                      drawing
                    )}
                  </div>
                </div>
              )}
            </PanelErrorBoundary>
          </section>
        </Panel>
        <ResizeHandle label={t('panels.resizeWorkspace')} />
        <Panel
          id="side"
          defaultSize={sideBySide ? '38%' : `${columnRem(shown.length, STACKED_OPEN_REM)}rem`}
          minSize={sideBySide ? '16rem' : `${columnRem(shown.length, STACKED_OPEN_REM)}rem`}
          style={{ overflow: 'hidden' }}
        >
          {/* Keyed by mode (and the panels shown): each starts from its own split. */}
          <Group key={`${mode} ${shown.join()}`} orientation="vertical" className="h-full">
            {shown.map((id, index) => {
              const Content = PANELS[id];
              const defaultSize = sizes[id];
              const before = shown[index - 1];
              return (
                <Fragment key={id}>
                  {before && (
                    <ResizeHandle
                      label={t('panels.resizeBetween', {
                        before: t(`panels.${before}`),
                        after: t(`panels.${id}`),
                      })}
                    />
                  )}
                  <CollapsiblePanel
                    id={id}
                    defaultSize={defaultSize}
                    lead={id === lead}
                    accordion={!sideBySide}
                  >
                    <Content />
                  </CollapsiblePanel>
                </Fragment>
              );
            })}
          </Group>
        </Panel>
      </Group>
    </main>
  );
}
