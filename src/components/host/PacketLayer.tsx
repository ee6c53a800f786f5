/**
 * The message in flight: the trace entry at the playback cursor drawn as a labelled packet
 * travelling from its sender's node to its receiver's. Contract: it renders a trace entry and
 * nothing else; with reduced motion the packet does not travel, it is shown at the receiver.
 */
import { packetLabel } from './packetLabel';
import { useLayoutEffect, useRef } from 'react';
import { ViewportPortal } from '@xyflow/react';
import type { TraceEntry } from '../../sim/trace';
import { NODE_HEIGHT, NODE_WIDTH, type HostNode } from './hostGraph';

interface Point {
  readonly x: number;
  readonly y: number;
}

const KIND_CLASS: Readonly<Record<string, string>> = {
  'http-request': 'packet--http',
  'http-response': 'packet--http',
  grpc: 'packet--rpc',
  ttrpc: 'packet--rpc',
  exec: 'packet--exec',
  signal: 'packet--signal',
  exit: 'packet--exit',
  registry: 'packet--registry',
  event: 'packet--event',
  stdio: 'packet--stdio',
  note: 'packet--note',
  state: 'packet--note',
};

function centre(node: HostNode): Point {
  return { x: node.position.x + NODE_WIDTH / 2, y: node.position.y + NODE_HEIGHT / 2 };
}

function translate(p: Point): string {
  return `translate(${p.x}px, ${p.y}px)`;
}

export interface PacketLayerProps {
  readonly entry: TraceEntry | null;
  readonly nodes: readonly HostNode[];
  readonly durationMs: number;
  readonly reducedMotion: boolean;
}

export function PacketLayer({ entry, nodes, durationMs, reducedMotion }: PacketLayerProps) {
  const ref = useRef<HTMLDivElement>(null);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const target = entry ? (byId.get(entry.to) ?? byId.get(entry.from)) : undefined;
  const source = entry ? (byId.get(entry.from) ?? target) : undefined;
  const from = source ? centre(source) : null;
  const to = target ? centre(target) : null;
  const travels = !!entry && !!from && !!to && entry.from !== entry.to && !reducedMotion;

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !travels || !from || !to) return;
    const animation = el.animate([{ transform: translate(from) }, { transform: translate(to) }], {
      duration: Math.max(120, durationMs),
      easing: 'ease-in-out',
      fill: 'forwards',
    });
    return () => animation.cancel();
    // A new packet for every entry: the animation depends on the entry and where it goes.
  }, [entry?.seq, travels, from?.x, from?.y, to?.x, to?.y, durationMs]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!entry || !to) return null;
  const rest = travels && from ? from : to;
  return (
    <ViewportPortal>
      <div
        ref={ref}
        aria-hidden="true"
        className="packet-anchor"
        style={{ transform: translate(rest) }}
        data-testid="packet"
        data-seq={entry.seq}
        data-kind={entry.kind}
      >
        <div className={`packet ${KIND_CLASS[entry.kind] ?? ''}`}>{packetLabel(entry)}</div>
      </div>
    </ViewportPortal>
  );
}
