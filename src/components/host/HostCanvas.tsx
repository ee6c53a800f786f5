/**
 * The host view: the simulation's world at the playback cursor, drawn with React Flow, and
 * the message at the cursor travelling along as a packet. Contract: derives everything from
 * the session store (world, trace, cursor) and the UI store (selection); keeps no state.
 */
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import {
  Background,
  Controls,
  MarkerType,
  Panel,
  ReactFlow,
  useReactFlow,
  useStore,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { isStep, STEP_MS } from '../../store/playback';
import { useSessionStore, worldAtCursor } from '../../store/sessionStore';
import { useAnnouncementStore } from '../../store/announcementStore';
import { withEngine } from '../../store/simulationEngine';
import { useUiStore } from '../../store/uiStore';
import { useMediaQuery } from '../hooks/useMediaQuery';
import { useResolvedTheme } from '../hooks/useResolvedTheme';
import {
  hostGraph,
  layoutHost,
  sessionContainerIds,
  type HostEdge,
  type HostNode,
  type Positions,
  NODE_HEIGHT,
  NODE_WIDTH,
} from './hostGraph';
import { hostParts } from './hostParts';
import { HostNodeView } from './HostNodeView';
import { nodeActions, type NodeAction } from './nodeActions';
import { NodeMenu } from './NodeMenu';
import { PacketLayer } from './PacketLayer';
import { nodeAccessibleName } from './partText';
import { selectionFromChanges } from './selection';
import { useFlowAriaLabels } from './useFlowAriaLabels';

const nodeTypes: NodeTypes = { host: HostNodeView };
const FIT_PADDING = 0.06;

/**
 * Fits the whole layout (every place a node of this session can take, not only the nodes
 * drawn now) to the pane, on mount and whenever the pane changes size. Fitting to the drawn
 * nodes would zoom in while a container's column is still empty and cut it off later.
 */
function FitLayout({ positions }: { positions: Positions }) {
  const { fitBounds } = useReactFlow();
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  const bounds = useMemo(() => {
    const xs = [...positions.values()].map((p) => p.x);
    const ys = [...positions.values()].map((p) => p.y);
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return {
      x,
      y,
      width: Math.max(...xs) + NODE_WIDTH - x,
      height: Math.max(...ys) + NODE_HEIGHT - y,
    };
  }, [positions]);
  useEffect(() => {
    if (width > 0 && height > 0) void fitBounds(bounds, { padding: FIT_PADDING });
  }, [fitBounds, bounds, width, height]);
  return null;
}

export function HostCanvas({ descriptionId }: { descriptionId: string }) {
  const { t } = useTranslation();
  const sim = useSessionStore((s) => s.sim);
  const revision = useSessionStore((s) => s.revision);
  const cursor = useSessionStore((s) => s.cursor);
  const speed = useSessionStore((s) => s.speed);
  const selected = useUiStore((s) => s.selectedPart);
  const selectPart = useUiStore((s) => s.selectPart);
  const colorMode = useResolvedTheme();
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const ariaLabelConfig = useFlowAriaLabels();

  const era = sim.world.settings.era;
  // The trace only grows within a session: the container list changes with the revision.
  const containerIds = useMemo(() => sessionContainerIds(sim.trace), [sim, revision]); // eslint-disable-line react-hooks/exhaustive-deps
  const layoutKey = `${era}:${containerIds.join(',')}`;
  const positions = useMemo(() => layoutHost(era, containerIds), [layoutKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const world = worldAtCursor({ sim, cursor, revision });
  const graph = useMemo(
    () => hostGraph({ era, parts: hostParts(world), containerIds }, positions),
    [era, world, containerIds, positions],
  );

  const nodes = useMemo<HostNode[]>(
    () =>
      graph.nodes.map((node) => ({
        ...node,
        selected: node.id === selected,
        ariaLabel: nodeAccessibleName(node.data, t),
      })),
    [graph, selected, t],
  );
  const edges = useMemo<HostEdge[]>(
    () =>
      graph.edges.map((edge) => ({
        ...edge,
        label: edge.data?.labelKey ? t(`edges.${edge.data.labelKey}`) : undefined,
        markerEnd: {
          type: MarkerType.ArrowClosed,
          width: 18,
          height: 18,
          color: 'var(--xy-edge-stroke-default)',
        },
      })),
    [graph, t],
  );

  const entry = cursor >= 0 ? sim.trace[cursor] : undefined;
  const inFlight = entry && isStep(entry) ? entry : null;

  const onNodesChange = useCallback(
    (changes: NodeChange<HostNode>[]) => {
      const next = selectionFromChanges(changes, selected);
      if (next !== undefined) selectPart(next);
    },
    [selected, selectPart],
  );

  // Which node's menu is open, and where: view-local, not simulation state.
  const [menu, setMenu] = useState<{ id: string; x: number; y: number } | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  const announce = useAnnouncementStore((s) => s.announce);
  const menuPart = menu
    ? graph.nodes.find((n) => n.id === menu.id && !n.data.placeholder)?.data.part
    : undefined;
  const menuActions = menuPart ? nodeActions(menuPart, era) : [];

  const openMenuAt = useCallback((id: string, clientX: number, clientY: number) => {
    const box = frame.current?.getBoundingClientRect();
    setMenu({ id, x: clientX - (box?.left ?? 0), y: clientY - (box?.top ?? 0) });
  }, []);
  const onNodeContextMenu = useCallback(
    (event: MouseEvent, node: HostNode) => {
      event.preventDefault();
      openMenuAt(node.id, event.clientX, event.clientY);
    },
    [openMenuAt],
  );
  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if (event.key !== 'ContextMenu' && !(event.shiftKey && event.key === 'F10')) return;
      const focused = (event.target as HTMLElement).closest<HTMLElement>('.react-flow__node');
      const id = focused?.dataset['id'] ?? selected;
      if (!id) return;
      event.preventDefault();
      const box = (focused ?? (event.target as HTMLElement)).getBoundingClientRect();
      openMenuAt(id, box.left + box.width / 2, box.top + box.height / 2);
    },
    [openMenuAt, selected],
  );
  const closeMenu = useCallback(() => {
    const id = menu?.id;
    setMenu(null);
    if (id)
      frame.current
        ?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)
        ?.focus();
  }, [menu]);
  const act = useCallback(
    (action: NodeAction) => {
      const perform = () => {
        const run = useSessionStore.getState().run;
        for (const input of action.inputs) {
          const result = run(input);
          const message =
            result.message ?? (result.response?.body as { message?: string } | undefined)?.message;
          if (message) announce(message);
        }
        closeMenu();
      };
      // Just after the page is drawn the engine may still be on its way: the action waits.
      withEngine(perform, () => announce(t('chaos.notLoaded')));
    },
    [announce, closeMenu, t],
  );

  return (
    <div ref={frame} className="relative h-full w-full">
      <ReactFlow<HostNode, HostEdge>
        // A new container column is a new layout: remounting fits it to the view from scratch.
        key={layoutKey}
        aria-label={t('canvas.label')}
        aria-describedby={descriptionId}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeContextMenu={onNodeContextMenu}
        onKeyDown={onKeyDown}
        colorMode={colorMode}
        ariaLabelConfig={ariaLabelConfig}
        minZoom={0.1}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable
        edgesFocusable={false}
        elementsSelectable
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
      >
        <Background gap={24} />
        <Controls showInteractive={false} position="bottom-left" />
        <Panel position="top-left" className="host-canvas__caption">
          {t(`eras.${era}.short`)}
        </Panel>
        <PacketLayer
          entry={inFlight}
          nodes={graph.nodes}
          durationMs={(STEP_MS * 0.85) / speed}
          reducedMotion={reducedMotion}
        />
        <FitLayout positions={positions} />
      </ReactFlow>
      {menu && menuPart && menuActions.length > 0 && (
        <NodeMenu
          title={t('nodeMenu.label', { name: menuPart.name })}
          actions={menuActions}
          x={menu.x}
          y={menu.y}
          onAct={act}
          onClose={closeMenu}
        />
      )}
    </div>
  );
}
