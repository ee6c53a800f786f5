/**
 * A resizable side panel with a header button that collapses it to its title bar.
 * Contract: the store's `collapsedPanels[id]` is the truth. The button writes the store and
 * the panel follows; a drag or keyboard resize that collapses the panel writes it back, so
 * `aria-expanded` always says what is on screen. A column too full for one more open panel
 * folds the others to make room (an accordion), and a panel that cannot open says so.
 */
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Panel, useParentGroup, usePanelRef, type ParentGroup } from 'react-resizable-panels';
import { useTranslation } from 'react-i18next';
import { useUiStore, type PanelId } from '../../store/uiStore';
import { useIsScrollable } from '../hooks/useIsScrollable';
import { PanelErrorBoundary } from '../PanelErrorBoundary';

/** Height of a panel's title bar; a collapsed panel keeps exactly this much. */
const TITLE_BAR = '2.5rem';

interface Props {
  readonly id: PanelId;
  /** Undefined: whatever room the panels with a default size leave. */
  readonly defaultSize: string | undefined;
  /**
   * The panel the column's room is for first: opened at the first layout if that left it no
   * room (a short window), folding the others.
   */
  readonly lead: boolean;
  /**
   * Opening it folds every other panel of the column, whatever room is left (under the
   * diagram, on a phone, where a column has room for one panel worth reading).
   */
  readonly accordion: boolean;
  readonly children: ReactNode;
}

export function CollapsiblePanel({ id, defaultSize, lead, accordion, children }: Props) {
  const { t } = useTranslation();
  const panelRef = usePanelRef();
  const collapsed = useUiStore((state) => state.collapsedPanels[id]);
  const setPanelCollapsed = useUiStore((state) => state.setPanelCollapsed);
  const title = t(`panels.${id}`);
  const titleId = useId();
  const contentId = `${id}-panel-content`;
  const contentRef = useRef<HTMLDivElement>(null);
  const scrollable = useIsScrollable(contentRef);
  // A panel's content is first rendered when the panel is first open after the first layout,
  // and then kept: a lesson that starts with the event log and the inspector collapsed does
  // not build them, and neither does a phone, where the first layout collapses the panels that
  // do not fit (the terminal alone is ~190 KB of code). The stores keep the state, so nothing
  // is lost by mounting late. The lead panel is open whatever the layout (see onResize), so
  // its content comes with the first render, and is on screen with the first paint.
  const [laidOutOnce, setLaidOutOnce] = useState(false);
  const [opened, setOpened] = useState(() => lead && !collapsed);
  if (laidOutOnce && !collapsed && !opened) setOpened(true);

  const column = useParentGroup();

  // Opens the folded panel; a full column has no room for one more, so the others fold to
  // make it, as in an accordion (an accordion column always does). True when the panel is open.
  const open = useCallback((): boolean => {
    const panel = panelRef.current;
    if (!panel) return false;
    if (!accordion) panel.expand();
    if (panel.isCollapsed() && column) foldOthersFor(column, id);
    return !panel.isCollapsed();
  }, [accordion, column, id, panelRef]);

  // Store -> panel: collapse or expand when someone (button, lesson, reset) changes the flag.
  // Where no room can be made, the flag is put back, so that `aria-expanded` never says open
  // about a panel that is not. Before the first layout there is nothing to fold or open: that
  // layout settles it (see onResize).
  useEffect(() => {
    const panel = panelRef.current;
    if (!panel || !laidOutOnce || panel.isCollapsed() === collapsed) return;
    if (collapsed) panel.collapse();
    else if (!open()) setPanelCollapsed(id, true);
  }, [collapsed, id, laidOutOnce, open, panelRef, setPanelCollapsed]);

  // Panel -> store: a drag or a keyboard resize may collapse or expand it too.
  // The first resize is the group's first layout, from the default sizes. A panel asked
  // collapsed before it (e.g. by ?panels=) is collapsed then, not reopened by it; the lead
  // panel is opened; any other the layout had to collapse (no room, as on a phone) is written
  // back as collapsed, as any is.
  const laidOut = useRef(false);
  const onResize = useCallback(() => {
    const panel = panelRef.current;
    if (!panel) return;
    const first = !laidOut.current;
    laidOut.current = true;
    if (first) {
      setLaidOutOnce(true);
      const asked = useUiStore.getState().collapsedPanels[id];
      if (asked && !panel.isCollapsed()) return panel.collapse();
      if (!asked && panel.isCollapsed() && lead && open()) return;
    }
    setPanelCollapsed(id, panel.isCollapsed());
  }, [id, lead, open, panelRef, setPanelCollapsed]);

  return (
    <Panel
      id={id}
      panelRef={panelRef}
      collapsible
      collapsedSize={TITLE_BAR}
      minSize="5rem"
      defaultSize={defaultSize}
      onResize={onResize}
      style={{ overflow: 'hidden' }}
      className="flex min-h-0 flex-col"
    >
      <section aria-labelledby={titleId} className="flex min-h-0 flex-1 flex-col">
        <h2 id={titleId} className="h-10 shrink-0 border-b border-slate-200 dark:border-slate-700">
          <button
            type="button"
            aria-expanded={!collapsed}
            aria-controls={contentId}
            onClick={() => setPanelCollapsed(id, !collapsed)}
            className="flex h-full w-full items-center gap-2 px-3 text-left text-sm font-semibold hover:bg-slate-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-700 dark:hover:bg-slate-800 dark:focus-visible:outline-sky-300"
          >
            <svg
              aria-hidden="true"
              viewBox="0 0 16 16"
              className={`size-3 shrink-0 fill-current transition-transform ${collapsed ? '-rotate-90' : ''}`}
            >
              <path d="M2 5l6 6 6-6z" />
            </svg>
            {title}
          </button>
        </h2>
        <div
          ref={contentRef}
          id={contentId}
          hidden={collapsed}
          // Focusable while its text is longer than the panel, so the keyboard can scroll it
          // (axe: scrollable-region-focusable); jsx-a11y's rule does not know scrollers.
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={scrollable ? 0 : undefined}
          className="min-h-0 flex-1 overflow-auto p-3 text-sm focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-700 dark:focus-visible:outline-sky-300"
        >
          {opened && <PanelErrorBoundary name={title}>{children}</PanelErrorBoundary>}
        </div>
      </section>
    </Panel>
  );
}

/**
 * Gives panel `id` (folded) the room of every other open panel in its column, folding them
 * to their title bars. Each folded panel writes its own flag back when it is resized.
 */
function foldOthersFor(column: ParentGroup, id: string): void {
  const layout = column.getLayout();
  const titleBar = layout[id];
  if (titleBar === undefined) return;
  const next: Record<string, number> = {};
  let others = 0;
  for (const [other, size] of Object.entries(layout)) {
    if (other === id) continue;
    next[other] = Math.min(size, titleBar);
    others += next[other];
  }
  next[id] = 100 - others;
  column.setLayout(next);
}
