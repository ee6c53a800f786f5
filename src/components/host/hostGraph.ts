/**
 * The host diagram as data: nodes for the parts on the host at this moment (hostParts), and
 * where they sit. Contract: a pure function of its input (no React, no DOM, no t()).
 *
 * Layout is computed once per session over every part the session ever shows (all containers
 * it ever had), and only the parts present now are drawn, so nodes do not jump as runc comes
 * and goes or containers are created and removed.
 */
import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import type { Edge, Node } from '@xyflow/react';
import type { Era } from '../../sim/eras';
import {
  COMPONENT_KIND,
  componentName,
  componentNote,
  type ComponentKind,
  type ComponentNote,
} from './componentCatalog';
import type { HostPart, PartRole } from './hostParts';

export interface HostGraphInput {
  readonly era: Era;
  /** Parts present now (hostParts of the world at the cursor). */
  readonly parts: readonly HostPart[];
  /** Every container the session has had, oldest first: the layout reserves a column for each. */
  readonly containerIds: readonly string[];
}

export interface HostNodeData extends Record<string, unknown> {
  readonly part: HostPart;
  readonly kind: ComponentKind;
  readonly note: ComponentNote | null;
  /**
   * A placeholder for a per-container program that runs nowhere yet (no container exists):
   * it shows the era's binary name, drawn as absent, never as running.
   */
  readonly placeholder: boolean;
}

export type HostNode = Node<HostNodeData, 'host'>;

/** Keys under `edges.` in the locale files. */
export type EdgeLabelKey = 'http' | 'grpc' | 'ttrpc' | 'starts' | 'execs' | 'pull' | 'reaps';

export interface HostEdgeData extends Record<string, unknown> {
  readonly labelKey: EdgeLabelKey | null;
}

export type HostEdge = Edge<HostEdgeData>;

export interface HostGraph {
  readonly nodes: HostNode[];
  readonly edges: HostEdge[];
}

export const NODE_WIDTH = 224;
export const NODE_HEIGHT = 76;

export type Side = 'top' | 'bottom' | 'left' | 'right';

interface EdgeSpec {
  readonly source: string;
  readonly target: string;
  readonly labelKey: EdgeLabelKey | null;
  readonly weight?: number;
  readonly minlen?: number;
  /** Laid out pointing the other way (stores beside the daemon, not below it). */
  readonly layoutReversed?: boolean;
  /** Used for the layout only, never drawn. */
  readonly layoutOnly?: boolean;
  /** Drawn, but left out of the layout (it would pull the chain out of its column). */
  readonly drawOnly?: boolean;
}

const CHAIN = 8;

/** Per-container node ids; without containers a placeholder column shows the shim and runc. */
const PLACEHOLDER = 'none';

function containerEdges(era: Era, id: string): EdgeSpec[] {
  if (era === 'monolith')
    return [
      { source: 'dockerd', target: `container:${id}`, labelKey: 'starts', weight: 2, minlen: 2 },
    ];
  return [
    {
      source: 'containerd',
      target: `shim:${id}`,
      labelKey: era === 'modern' ? 'ttrpc' : 'starts',
      weight: CHAIN / 2,
    },
    { source: `shim:${id}`, target: `runc:${id}`, labelKey: 'execs', weight: CHAIN / 2 },
    { source: `runc:${id}`, target: `container:${id}`, labelKey: null, weight: CHAIN / 2 },
    { source: `shim:${id}`, target: `container:${id}`, labelKey: 'reaps', minlen: 2 },
  ];
}

function edgeSpecs(era: Era, containerIds: readonly string[]): EdgeSpec[] {
  // Two columns: the request chain on the left, dockerd's stores in a column on the right
  // (registry, images, networks, volumes), systemd beside the host shell at the top.
  const specs: EdgeSpec[] = [
    { source: 'user', target: 'cli', labelKey: null, layoutOnly: true },
    { source: 'cli', target: 'api', labelKey: 'http', weight: CHAIN },
    { source: 'api', target: 'dockerd', labelKey: null, weight: CHAIN },
    { source: 'systemd', target: 'dockerd', labelKey: null, drawOnly: true },
    { source: 'registry', target: 'images', labelKey: 'pull' },
    { source: 'images', target: 'networks', labelKey: null, layoutOnly: true },
    { source: 'networks', target: 'volumes', labelKey: null, layoutOnly: true },
    { source: 'dockerd', target: 'images', labelKey: null, drawOnly: true },
    { source: 'dockerd', target: 'networks', labelKey: null, drawOnly: true },
    { source: 'dockerd', target: 'volumes', labelKey: null, drawOnly: true },
  ];
  if (era !== 'monolith') {
    specs.push({ source: 'dockerd', target: 'containerd', labelKey: 'grpc', weight: CHAIN });
    if (era === 'modern')
      specs.push({
        source: 'systemd',
        target: 'containerd',
        labelKey: null,
        drawOnly: true,
      });
  }
  const ids = containerIds.length > 0 ? containerIds : [PLACEHOLDER];
  for (const id of ids) specs.push(...containerEdges(era, id));
  return specs;
}

export function edgeSides(source: Node, target: Node): { from: Side; to: Side } {
  const dx = target.position.x - source.position.x;
  const dy = target.position.y - source.position.y;
  if (Math.abs(dy) >= NODE_HEIGHT / 2)
    return dy > 0 ? { from: 'bottom', to: 'top' } : { from: 'top', to: 'bottom' };
  return dx > 0 ? { from: 'right', to: 'left' } : { from: 'left', to: 'right' };
}

export type Positions = ReadonlyMap<string, { x: number; y: number }>;

/** dagre over every node the session can show. Memoise it per session: it is the slow part. */
export function layoutHost(era: Era, containerIds: readonly string[]): Positions {
  const specs = edgeSpecs(era, containerIds);
  const graph = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>();
  graph.setGraph({ rankdir: 'TB', align: 'DL', nodesep: 36, ranksep: 44, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  const ids = new Set([...specs.flatMap((s) => [s.source, s.target])]);
  for (const id of ids) graph.setNode(id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const s of specs) {
    if (s.drawOnly) continue;
    const label = { weight: s.weight ?? 1, minlen: s.minlen ?? 1 };
    if (s.layoutReversed) graph.setEdge(s.target, s.source, label);
    else graph.setEdge(s.source, s.target, label);
  }
  dagre.layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const id of ids) {
    const { x = 0, y = 0 } = graph.node(id);
    positions.set(id, { x: Math.round(x - NODE_WIDTH / 2), y: Math.round(y - NODE_HEIGHT / 2) });
  }
  return positions;
}

function placeholders(era: Era): HostPart[] {
  const make = (role: 'shim' | 'runc'): HostPart | null => {
    const name = componentName(era, role);
    return name === null
      ? null
      : {
          id: `${role}:${PLACEHOLDER}`,
          role,
          name,
          status: 'down',
          machine: null,
          machineState: null,
          pid: null,
          containerId: null,
          detail: {},
        };
  };
  return [make('shim'), make('runc')].filter((p): p is HostPart => p !== null);
}

function kindOf(role: PartRole): ComponentKind {
  if (role === 'user' || role === 'systemd' || role === 'container') return 'process';
  return COMPONENT_KIND[role];
}

function noteOf(era: Era, role: PartRole): ComponentNote | null {
  if (role === 'user' || role === 'systemd' || role === 'container') return null;
  return componentNote(era, role);
}

export function hostGraph(
  { era, parts, containerIds }: HostGraphInput,
  positions: Positions = layoutHost(era, containerIds),
): HostGraph {
  const shown = containerIds.length === 0 ? [...parts, ...placeholders(era)] : parts;
  const nodes: HostNode[] = shown.flatMap((part) => {
    const position = positions.get(part.id);
    if (!position) return [];
    return [
      {
        id: part.id,
        type: 'host',
        position,
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        data: {
          part,
          kind: kindOf(part.role),
          note: noteOf(era, part.role),
          placeholder: part.id.endsWith(`:${PLACEHOLDER}`),
        },
      },
    ];
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges: HostEdge[] = edgeSpecs(era, containerIds).flatMap((spec) => {
    const from = byId.get(spec.source);
    const to = byId.get(spec.target);
    if (spec.layoutOnly || !from || !to) return [];
    const sides = edgeSides(from, to);
    return [
      {
        id: `${spec.source}->${spec.target}`,
        source: spec.source,
        target: spec.target,
        sourceHandle: `${sides.from}-source`,
        targetHandle: `${sides.to}-target`,
        data: { labelKey: spec.labelKey },
      },
    ];
  });
  return { nodes, edges };
}

/** Every container a session has had, in order of first appearance in its trace. */
export function sessionContainerIds(trace: readonly { change?: { op: string } }[]): string[] {
  const seen = new Set<string>();
  for (const entry of trace) {
    const change = entry.change as
      { op: string; container?: { id: string }; process?: { containerId?: string } } | undefined;
    if (!change) continue;
    if (change.op === 'container.add' && change.container) seen.add(change.container.id);
    else if (change.op === 'process.spawn' && change.process?.containerId)
      seen.add(change.process.containerId);
  }
  return [...seen];
}
