/**
 * One part of the host in the diagram: role, name, status badge and a detail line.
 * Contract: renders only what `data` holds (a HostPart from the world at the cursor). A
 * node's state shows as words and a symbol, and in its border style, not by colour alone.
 */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { ComponentKind } from './componentCatalog';
import type { HostNode, Side } from './hostGraph';
import type { PartStatus } from './hostParts';
import { detailText, statusText } from './partText';

const HANDLE_POSITIONS: Readonly<Record<Side, Position>> = {
  top: Position.Top,
  bottom: Position.Bottom,
  left: Position.Left,
  right: Position.Right,
};

const KIND_CLASSES: Readonly<Record<ComponentKind, string>> = {
  process: 'bg-white dark:bg-slate-900',
  endpoint: 'bg-sky-50 dark:bg-sky-950',
  store: 'border-dashed bg-slate-50 dark:bg-slate-900',
  remote: 'border-dotted bg-slate-50 dark:bg-slate-900',
};

/** Symbol and colours per status; the symbol and the word carry the meaning. */
const STATUS_LOOK: Readonly<Record<PartStatus, { symbol: string; badge: string; frame: string }>> =
  {
    up: {
      symbol: '●',
      badge: 'text-emerald-800 dark:text-emerald-300',
      frame: 'border-emerald-700 dark:border-emerald-400',
    },
    running: {
      symbol: '●',
      badge: 'text-emerald-800 dark:text-emerald-300',
      frame: 'border-emerald-700 dark:border-emerald-400',
    },
    starting: {
      symbol: '◐',
      badge: 'text-amber-800 dark:text-amber-300',
      frame: 'border-amber-600 dark:border-amber-400',
    },
    restarting: {
      symbol: '↻',
      badge: 'text-amber-800 dark:text-amber-300',
      frame: 'border-amber-600 border-dashed dark:border-amber-400',
    },
    stopping: {
      symbol: '◑',
      badge: 'text-amber-800 dark:text-amber-300',
      frame: 'border-amber-600 dark:border-amber-400',
    },
    paused: {
      symbol: '❚❚',
      badge: 'text-sky-800 dark:text-sky-300',
      frame: 'border-sky-700 border-double dark:border-sky-400',
    },
    created: {
      symbol: '○',
      badge: 'text-slate-700 dark:text-slate-300',
      frame: 'border-slate-500 border-dashed',
    },
    exited: {
      symbol: '■',
      badge: 'text-slate-700 dark:text-slate-300',
      frame: 'border-slate-500 border-dashed opacity-80',
    },
    removing: {
      symbol: '✕',
      badge: 'text-slate-700 dark:text-slate-300',
      frame: 'border-slate-500 border-dashed',
    },
    dead: {
      symbol: '✕',
      badge: 'text-red-800 dark:text-red-300',
      frame: 'border-red-700 border-dashed dark:border-red-400',
    },
    down: {
      symbol: '○',
      badge: 'text-red-800 dark:text-red-300',
      frame: 'border-slate-400 border-dashed opacity-75 dark:border-slate-500',
    },
    present: { symbol: '', badge: '', frame: 'border-slate-400 dark:border-slate-500' },
  };

function SideHandles() {
  return Object.entries(HANDLE_POSITIONS).flatMap(([side, position]) =>
    (['source', 'target'] as const).map((type) => (
      <Handle
        key={`${side}-${type}`}
        id={`${side}-${type}`}
        type={type}
        position={position}
        isConnectable={false}
        className="host-node__handle"
      />
    )),
  );
}

function HostNodeViewImpl({ data, selected }: NodeProps<HostNode>) {
  const { t } = useTranslation();
  const status: PartStatus = data.placeholder ? 'down' : data.part.status;
  const look = STATUS_LOOK[status];
  const word = statusText(data, t);
  return (
    <div
      data-status={status}
      className={`host-node flex h-full w-full flex-col justify-center gap-0.5 rounded-lg border-2 px-3 py-1 text-left shadow-sm ${KIND_CLASSES[data.kind]} ${
        selected
          ? 'border-sky-700 ring-2 ring-sky-700 dark:border-sky-300 dark:ring-sky-300'
          : look.frame
      }`}
    >
      <SideHandles />
      <span className="flex items-center justify-between gap-2 text-[12px] font-medium tracking-wide uppercase">
        <span className="text-slate-600 dark:text-slate-300">
          {t(`components.${data.part.role}`)}
        </span>
        {word && (
          <span className={`normal-case ${look.badge}`}>
            <span aria-hidden="true">{look.symbol} </span>
            {word}
          </span>
        )}
      </span>
      <span
        className="truncate font-mono text-[13px] font-semibold text-slate-900 dark:text-slate-50"
        title={data.part.name}
      >
        {data.part.name}
      </span>
      <span className="truncate text-[12px] text-slate-600 dark:text-slate-300">
        {detailText(data, t)}
      </span>
    </div>
  );
}

export const HostNodeView = memo(HostNodeViewImpl);
