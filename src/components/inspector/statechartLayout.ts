/**
 * Where a statechart's boxes and arrows go, computed by dagre (top to bottom, as the host
 * diagram is), never placed by hand. Box sizes do not depend on which state is current, so
 * the chart holds still while the part changes state; only the lit box changes.
 */
import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import type { Statechart } from './statechart';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box extends Point {
  readonly width: number;
  readonly height: number;
}

export interface ArrowLayout {
  readonly from: string;
  readonly to: string;
  readonly events: readonly string[];
  /** Points along the arrow; for a loop, the start, two control points and the end. */
  readonly points: readonly Point[];
  /** A transition back to the same state, drawn as a loop on the box's right side. */
  readonly loop: boolean;
  /** Centre of the label. */
  readonly label: Point;
}

export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  /** Top-left corner and size of each state's box. */
  readonly boxes: ReadonlyMap<string, Box>;
  readonly arrows: readonly ArrowLayout[];
}

/** Text metrics of the chart's monospace fonts, in px: per character, and line height. */
export const NAME_FONT = { char: 7.3, line: 16 } as const;
export const MARK_FONT = { char: 6.1, line: 14 } as const;
export const LABEL_FONT = { char: 6.1, line: 12 } as const;
const STATE_PADDING = 18;
/** Two lines: the state's name, and its mark (initial, final, current state). */
export const STATE_HEIGHT = NAME_FONT.line + MARK_FONT.line + 8;

/** An arrow's label, one line per event, a guard on a line of its own (narrower arrows). */
export function labelLines(events: readonly string[]): string[] {
  return events.flatMap((event) => {
    const guard = event.indexOf(' [');
    return guard < 0 ? [event] : [event.slice(0, guard), event.slice(guard + 1)];
  });
}

/** `markChars`: the longest mark a box may show, so every box has room for it. */
export function layoutStatechart(chart: Statechart, markChars: number): ChartLayout {
  const graph = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>();
  // Tight spacing: the chart has to fit a side panel; arrows and labels still keep apart.
  graph.setGraph({ rankdir: 'TB', nodesep: 14, ranksep: 26, edgesep: 8, marginx: 4, marginy: 4 });
  for (const state of chart.states) {
    const width = Math.max(state.id.length * NAME_FONT.char, markChars * MARK_FONT.char);
    graph.setNode(state.id, { width: Math.ceil(width) + STATE_PADDING, height: STATE_HEIGHT });
  }
  for (const t of chart.transitions) {
    const lines = labelLines(t.events);
    graph.setEdge(t.from, t.to, {
      width: Math.max(...lines.map((line) => line.length)) * LABEL_FONT.char + 6,
      height: lines.length * LABEL_FONT.line + 2,
      labelpos: 'c',
    });
  }
  dagre.layout(graph);

  const boxes = new Map<string, Box>();
  for (const state of chart.states) {
    const { x = 0, y = 0, width = 0, height = 0 } = graph.node(state.id);
    boxes.set(state.id, { x: x - width / 2, y: y - height / 2, width, height });
  }
  const { height = 0 } = graph.graph();
  // Widened below when a loop's label sits further right than dagre reserved.
  let width = graph.graph().width ?? 0;
  const arrows = chart.transitions.map((t): ArrowLayout => {
    const edge = graph.edge(t.from, t.to);
    const box = boxes.get(t.from);
    if (t.from === t.to && box) {
      // dagre leaves a self-transition a zigzag beside the box; a loop reads better. It keeps
      // within the box's height, with its label just right of it (room dagre reserved).
      const right = box.x + box.width;
      const middle = box.y + box.height / 2;
      const labelWidth = edge.width ?? 0;
      const label = { x: right + LOOP_REACH + 4 + labelWidth / 2, y: middle };
      width = Math.max(width, label.x + labelWidth / 2 + 4);
      return {
        from: t.from,
        to: t.to,
        events: t.events,
        loop: true,
        points: [
          { x: right, y: middle - 8 },
          { x: right + LOOP_REACH, y: middle - 26 },
          { x: right + LOOP_REACH, y: middle + 26 },
          { x: right, y: middle + 8 },
        ],
        label,
      };
    }
    const points = (edge.points ?? []).map(({ x, y }) => ({ x, y }));
    const label = { x: edge.x ?? points[0]?.x ?? 0, y: edge.y ?? points[0]?.y ?? 0 };
    return { from: t.from, to: t.to, events: t.events, loop: false, points, label };
  });
  return { width: Math.ceil(width), height: Math.ceil(height), boxes, arrows };
}

/** How far a loop reaches right of its box, in px. */
const LOOP_REACH = 26;

const xy = (p: Point) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`;

/** An SVG path for an arrow: a cubic curve for a loop, else straight ends and rounded bends. */
export function arrowPath(points: readonly Point[], loop = false): string {
  const [first, ...rest] = points;
  if (!first) return '';
  if (loop && rest.length === 3) return `M${xy(first)} C${rest.map(xy).join(' ')}`;
  const last = rest.pop();
  let d = `M${first.x.toFixed(1)},${first.y.toFixed(1)}`;
  rest.forEach((p, i) => {
    const next = rest[i + 1] ?? last ?? p;
    d += ` Q${p.x.toFixed(1)},${p.y.toFixed(1)} ${((p.x + next.x) / 2).toFixed(1)},${((p.y + next.y) / 2).toFixed(1)}`;
  });
  if (last) d += ` L${last.x.toFixed(1)},${last.y.toFixed(1)}`;
  return d;
}
