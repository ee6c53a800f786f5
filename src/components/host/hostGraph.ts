/**
 * The host diagram as data: which components exist in an era, how they connect, and where
 * dagre places them. Contract: a pure function of its input (no React, no DOM, no t()), so it
 * is unit-tested in Node and the same input always gives the same nodes, edges and positions.
 * The input is an object so it can grow (containers, live-restore) when the simulation feeds it.
 */
import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import type { Edge, Node } from '@xyflow/react';
import type { Era } from '../../sim/eras';
import {
  COMPONENT_KIND,
  HOST_ROLES,
  componentName,
  componentNote,
  type ComponentKind,
  type ComponentNote,
  type HostRole,
} from './componentCatalog';

export interface HostGraphInput {
  readonly era: Era;
}

export interface HostNodeData extends Record<string, unknown> {
  readonly role: HostRole;
  /** Binary, socket path or store path, as a student would see it on a real host. */
  readonly name: string;
  readonly kind: ComponentKind;
  readonly note: ComponentNote | null;
}

export type HostNode = Node<HostNodeData, 'host'>;

/** Keys under `edges.` in the locale files. */
export type EdgeLabelKey = 'http' | 'grpc' | 'ttrpc' | 'starts' | 'execs' | 'pull';

export interface HostEdgeData extends Record<string, unknown> {
  readonly labelKey: EdgeLabelKey | null;
}

export type HostEdge = Edge<HostEdgeData>;

export interface HostGraph {
  readonly nodes: HostNode[];
  readonly edges: HostEdge[];
}

/** Every node is drawn at this size, so dagre can lay out before React measures anything. */
export const NODE_WIDTH = 224;
export const NODE_HEIGHT = 68;

export type Side = 'top' | 'bottom' | 'left' | 'right';

interface EdgeSpec {
  readonly source: HostRole;
  readonly target: HostRole;
  readonly labelKey: EdgeLabelKey | null;
  /**
   * Laid out as if pointing the other way. dockerd manages the image store, but placing the
   * store above the daemon (beside the API) keeps the runtime chain a straight column.
   */
  readonly layoutReversed?: boolean;
  /** The runtime chain weighs more, so dagre keeps it a straight column. */
  readonly weight?: number;
}

const CHAIN_WEIGHT = 8;

function edgeSpecs(era: Era): readonly EdgeSpec[] {
  return [
    { source: 'cli', target: 'api', labelKey: 'http', weight: CHAIN_WEIGHT },
    { source: 'api', target: 'dockerd', labelKey: null, weight: CHAIN_WEIGHT },
    { source: 'dockerd', target: 'containerd', labelKey: 'grpc', weight: CHAIN_WEIGHT },
    // ttRPC is documented for the v2 shim (FACTS.md §2); older shims are only "started".
    {
      source: 'containerd',
      target: 'shim',
      labelKey: era === 'modern' ? 'ttrpc' : 'starts',
      weight: CHAIN_WEIGHT,
    },
    { source: 'shim', target: 'runc', labelKey: 'execs', weight: CHAIN_WEIGHT },
    { source: 'registry', target: 'images', labelKey: 'pull' },
    { source: 'dockerd', target: 'images', labelKey: null, layoutReversed: true },
    { source: 'dockerd', target: 'networks', labelKey: null },
    { source: 'dockerd', target: 'volumes', labelKey: null },
  ];
}

/** Which sides of the two boxes an edge should leave from and arrive at. */
export function edgeSides(source: HostNode, target: HostNode): { from: Side; to: Side } {
  const dx = target.position.x - source.position.x;
  const dy = target.position.y - source.position.y;
  if (Math.abs(dy) >= NODE_HEIGHT / 2) {
    return dy > 0 ? { from: 'bottom', to: 'top' } : { from: 'top', to: 'bottom' };
  }
  return dx > 0 ? { from: 'right', to: 'left' } : { from: 'left', to: 'right' };
}

function layout(roles: readonly HostRole[], specs: readonly EdgeSpec[]) {
  const graph = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>();
  // Upper-right alignment (instead of dagre's average of four) keeps the chain one column.
  graph.setGraph({ rankdir: 'TB', align: 'UR', nodesep: 40, ranksep: 48, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const role of roles) graph.setNode(role, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const spec of specs) {
    const label = { weight: spec.weight ?? 1 };
    if (spec.layoutReversed) graph.setEdge(spec.target, spec.source, label);
    else graph.setEdge(spec.source, spec.target, label);
  }
  dagre.layout(graph);
  return (role: HostRole) => {
    const { x = 0, y = 0 } = graph.node(role);
    // dagre gives centres; React Flow wants the top-left corner.
    return { x: Math.round(x - NODE_WIDTH / 2), y: Math.round(y - NODE_HEIGHT / 2) };
  };
}

/** The host's components for an era, laid out top to bottom from the CLI to runc. */
export function hostGraph({ era }: HostGraphInput): HostGraph {
  const named = HOST_ROLES.flatMap((role) => {
    const name = componentName(era, role);
    return name === null ? [] : [{ role, name }];
  });
  const present = new Set(named.map(({ role }) => role));
  const specs = edgeSpecs(era).filter((s) => present.has(s.source) && present.has(s.target));
  const positionOf = layout([...present], specs);

  const nodes: HostNode[] = named.map(({ role, name }) => ({
    id: role,
    type: 'host',
    position: positionOf(role),
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    data: { role, name, kind: COMPONENT_KIND[role], note: componentNote(era, role) },
  }));
  const byId = new Map(nodes.map((node) => [node.id, node]));

  const edges: HostEdge[] = specs.flatMap(({ source, target, labelKey }) => {
    const from = byId.get(source);
    const to = byId.get(target);
    if (!from || !to) return [];
    const sides = edgeSides(from, to);
    return [
      {
        id: `${source}->${target}`,
        source,
        target,
        sourceHandle: `${sides.from}-source`,
        targetHandle: `${sides.to}-target`,
        data: { labelKey },
      },
    ];
  });
  return { nodes, edges };
}
