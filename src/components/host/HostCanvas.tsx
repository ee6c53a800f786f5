/**
 * The host view: a React Flow diagram of the components Docker runs in the chosen era.
 * Contract: derives nodes and edges from hostGraph() and the store; keeps no state of its own.
 * Nodes are not draggable (layout is computed) but are focusable and selectable, and the
 * selection goes to the store, where the inspector reads it.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
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
import { useUiStore } from '../../store/uiStore';
import { useResolvedTheme } from '../hooks/useResolvedTheme';
import { nodeAccessibleName } from './accessibleName';
import { hostGraph, type HostEdge, type HostNode } from './hostGraph';
import { HostNodeView } from './HostNodeView';
import { selectionFromChanges } from './selection';
import { useFlowAriaLabels } from './useFlowAriaLabels';

const nodeTypes: NodeTypes = { host: HostNodeView };
const FIT_VIEW_OPTIONS = { padding: 0.08, maxZoom: 1.25 };

/** Refits the diagram whenever its pane changes size (panel resized, window, iframe). */
function FitViewOnResize() {
  const { fitView } = useReactFlow();
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  const isFirst = useRef(true);
  useEffect(() => {
    // The first fit is React Flow's own `fitView` prop, once the nodes are measured.
    if (isFirst.current) {
      isFirst.current = false;
      return;
    }
    void fitView(FIT_VIEW_OPTIONS);
  }, [fitView, width, height]);
  return null;
}

export function HostCanvas({ descriptionId }: { descriptionId: string }) {
  const { t } = useTranslation();
  const era = useUiStore((state) => state.era);
  const selected = useUiStore((state) => state.selectedComponent);
  const selectComponent = useUiStore((state) => state.selectComponent);
  const colorMode = useResolvedTheme();
  const ariaLabelConfig = useFlowAriaLabels();

  const graph = useMemo(() => hostGraph({ era }), [era]);
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
        // The arrowhead takes the edge colour of the current theme from React Flow's CSS variable.
        markerEnd: {
          type: MarkerType.ArrowClosed,
          width: 18,
          height: 18,
          color: 'var(--xy-edge-stroke-default)',
        },
      })),
    [graph, t],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<HostNode>[]) => {
      const next = selectionFromChanges(changes, selected);
      if (next !== undefined) selectComponent(next);
    },
    [selected, selectComponent],
  );

  return (
    <ReactFlow<HostNode, HostEdge>
      // A new era is a new diagram: remounting fits it to the view from scratch.
      key={era}
      aria-label={t('canvas.label')}
      aria-describedby={descriptionId}
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      colorMode={colorMode}
      ariaLabelConfig={ariaLabelConfig}
      fitView
      fitViewOptions={FIT_VIEW_OPTIONS}
      minZoom={0.2}
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
      <FitViewOnResize />
    </ReactFlow>
  );
}
