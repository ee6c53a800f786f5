/**
 * One component of the host in the diagram: its role, the name it runs as, a short note.
 * Contract: renders only what `data` holds; the state-look (running, crashed, exited) will be
 * added from the simulation snapshot (issue #4) through `data`, never invented here.
 */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { ComponentKind } from './componentCatalog';
import type { HostNode, Side } from './hostGraph';

const HANDLE_POSITIONS: Readonly<Record<Side, Position>> = {
  top: Position.Top,
  bottom: Position.Bottom,
  left: Position.Left,
  right: Position.Right,
};

const KIND_CLASSES: Readonly<Record<ComponentKind, string>> = {
  process: 'border-solid bg-white dark:bg-slate-900',
  endpoint: 'border-solid bg-sky-50 dark:bg-sky-950',
  store: 'border-dashed bg-slate-50 dark:bg-slate-900',
  remote: 'border-dotted bg-slate-50 dark:bg-slate-900',
};

/** Invisible anchors on all four sides; hostGraph picks which ones each edge uses. */
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
  const note = data.note;
  return (
    <div
      className={`flex h-full w-full flex-col justify-center gap-0.5 rounded-lg border-2 px-3 py-1 text-left shadow-sm ${KIND_CLASSES[data.kind]} ${
        selected
          ? 'border-sky-700 ring-2 ring-sky-700 dark:border-sky-300 dark:ring-sky-300'
          : 'border-slate-400 dark:border-slate-500'
      }`}
    >
      <SideHandles />
      <span className="text-[11px] font-medium tracking-wide text-slate-600 uppercase dark:text-slate-300">
        {t(`components.${data.role}`)}
      </span>
      <span
        className="truncate font-mono text-[13px] font-semibold text-slate-900 dark:text-slate-50"
        title={data.name}
      >
        {data.name}
      </span>
      {note && (
        <span className="truncate text-[11px] text-slate-600 dark:text-slate-300">
          {t(`notes.${note.key}`, note.values)}
        </span>
      )}
    </div>
  );
}

export const HostNodeView = memo(HostNodeViewImpl);
