/**
 * A resizable side panel with a header button that collapses it to its title bar.
 * Contract: the store's `collapsedPanels[id]` is the truth. The button writes the store and
 * the panel follows; a drag or keyboard resize that collapses the panel writes it back, so
 * `aria-expanded` always says what is on screen.
 */
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Panel, usePanelRef } from 'react-resizable-panels';
import { useTranslation } from 'react-i18next';
import { useUiStore, type PanelId } from '../../store/uiStore';
import { useIsScrollable } from '../hooks/useIsScrollable';
import { PanelErrorBoundary } from '../PanelErrorBoundary';

/** Height of a panel's title bar; a collapsed panel keeps exactly this much. */
const TITLE_BAR = '2.5rem';

interface Props {
  readonly id: PanelId;
  readonly defaultSize: string;
  readonly children: ReactNode;
}

export function CollapsiblePanel({ id, defaultSize, children }: Props) {
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
  // is lost by mounting late.
  const [laidOutOnce, setLaidOutOnce] = useState(false);
  const [opened, setOpened] = useState(false);
  if (laidOutOnce && !collapsed && !opened) setOpened(true);

  // Store -> panel: collapse or expand when someone (button, lesson, reset) changes the flag.
  useEffect(() => {
    const panel = panelRef.current;
    if (!panel || panel.isCollapsed() === collapsed) return;
    if (collapsed) panel.collapse();
    else panel.expand();
  }, [collapsed, panelRef]);

  // Panel -> store: a drag or a keyboard resize may collapse or expand it too.
  // The first resize is the group's first layout, from the default sizes. A panel asked
  // collapsed before it (e.g. by ?panels=) is collapsed then, not reopened by it; a panel the
  // layout had to collapse (no room, as on a phone) is written back as collapsed, as any is.
  const laidOut = useRef(false);
  const onResize = useCallback(() => {
    const panel = panelRef.current;
    if (!panel) return;
    const first = !laidOut.current;
    laidOut.current = true;
    if (first) setLaidOutOnce(true);
    if (first && useUiStore.getState().collapsedPanels[id] && !panel.isCollapsed()) {
      panel.collapse();
      return;
    }
    setPanelCollapsed(id, panel.isCollapsed());
  }, [id, panelRef, setPanelCollapsed]);

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
