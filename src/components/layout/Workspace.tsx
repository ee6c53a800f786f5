/**
 * The area below the header: the host diagram beside a column of panels (the main landmark).
 * Contract: layout only. Wide screens put the panels to the right of the diagram; narrow
 * ones (phones, a slim iframe) stack them below. Every split is resizable by mouse and keys.
 */
import { Fragment, useId, type ComponentType } from 'react';
import { Group, Panel } from 'react-resizable-panels';
import { useTranslation } from 'react-i18next';
import { PANEL_IDS, type PanelId } from '../../store/uiStore';
import { HostCanvas } from '../host/HostCanvas';
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
const PANELS: Readonly<Record<PanelId, { defaultSize: string; Content: ComponentType }>> = {
  narration: { defaultSize: '14%', Content: NarrationPanel },
  terminal: { defaultSize: '30%', Content: TerminalPanel },
  api: { defaultSize: '18%', Content: ApiPanel },
  processes: { defaultSize: '14%', Content: ProcessTreePanel },
  events: { defaultSize: '12%', Content: EventLogPanel },
  inspector: { defaultSize: '12%', Content: InspectorPanel },
};

/** Below this width the panels go under the diagram instead of beside it. */
const SIDE_BY_SIDE = '(min-width: 40rem)';

export function Workspace() {
  const { t } = useTranslation();
  const sideBySide = useMediaQuery(SIDE_BY_SIDE);
  const orientation = sideBySide ? 'horizontal' : 'vertical';
  const titleId = useId();
  const descriptionId = useId();
  const canvasLabel = t('canvas.label');

  return (
    // One main landmark around diagram and panels: the separators between them are content
    // too, and landmarks may not nest, so the panels are labelled regions inside it.
    <main id={MAIN_ID} tabIndex={-1} className="flex min-h-0 flex-1 flex-col outline-none">
      <Group key={orientation} orientation={orientation} className="min-h-0 flex-1">
        <Panel
          id="canvas"
          defaultSize={sideBySide ? '62%' : '50%'}
          minSize="30%"
          style={{ overflow: 'hidden' }}
        >
          <section aria-labelledby={titleId} className="relative h-full">
            <h2 id={titleId} className="sr-only">
              {canvasLabel}
            </h2>
            <p id={descriptionId} className="sr-only">
              {t('canvas.description')}
            </p>
            <PanelErrorBoundary name={canvasLabel}>
              <HostCanvas descriptionId={descriptionId} />
            </PanelErrorBoundary>
          </section>
        </Panel>
        <ResizeHandle label={t('panels.resizeWorkspace')} />
        <Panel
          id="side"
          defaultSize={sideBySide ? '38%' : '50%'}
          minSize="16rem"
          style={{ overflow: 'hidden' }}
        >
          <Group orientation="vertical" className="h-full">
            {PANEL_IDS.map((id, index) => {
              const { defaultSize, Content } = PANELS[id];
              const before = PANEL_IDS[index - 1];
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
                  <CollapsiblePanel id={id} defaultSize={defaultSize}>
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
