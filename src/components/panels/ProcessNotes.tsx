/**
 * The short notes after a process in the tree: what runc is doing, that runc init waits for
 * `runc start`, which container a shim serves, a container process's PID inside its PID
 * namespace. Each note is text (read aloud as part of the process's name); its colour is only
 * a second cue, so runc and runc init stand out without relying on it.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessNode } from './processTree';

type Tone = 'runtime' | 'container' | 'plain';

export interface ProcessNote {
  readonly text: string;
  readonly tone: Tone;
}

const TONE_CLASS: Readonly<Record<Tone, string>> = {
  runtime:
    'border-amber-600 bg-amber-50 text-amber-900 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-100',
  container:
    'border-sky-600 bg-sky-50 text-sky-900 dark:border-sky-400 dark:bg-sky-950 dark:text-sky-100',
  plain: 'border-slate-400 text-slate-700 dark:border-slate-500 dark:text-slate-200',
};

/** The notes of a process, translated. */
export function useProcessNotes(): (node: ProcessNode) => ProcessNote[] {
  const { t } = useTranslation();
  return useCallback(
    (node: ProcessNode) => {
      const notes: ProcessNote[] = [];
      const container = node.container?.name ?? '';
      if (node.kind === 'runc') {
        const text = node.operation
          ? t('processTree.runc', { operation: node.operation })
          : t('processTree.runcAnyOperation');
        notes.push({ text, tone: 'runtime' });
      } else if (node.kind === 'runc-init') {
        notes.push({ text: t('processTree.runcInit'), tone: 'runtime' });
      } else if (node.kind === 'docker-init') {
        notes.push({ text: t('processTree.dockerInit'), tone: 'plain' });
      }
      if (node.kind === 'shim' && node.container) {
        notes.push({ text: t('processTree.shimOf', { container }), tone: 'plain' });
      } else if (node.container && node.kind !== 'runc') {
        const nsPid = node.container.nsPid;
        const text =
          nsPid === null
            ? t('processTree.inContainerNoPid', { container })
            : t('processTree.inContainer', { nsPid, container });
        notes.push({ text, tone: 'container' });
      }
      return notes;
    },
    [t],
  );
}

export function ProcessNotes({ notes }: { notes: readonly ProcessNote[] }) {
  return notes.map((note) => (
    <span
      key={note.text}
      aria-hidden="true"
      className={`rounded border px-1 font-sans text-[0.7rem] leading-4 ${TONE_CLASS[note.tone]}`}
    >
      {note.text}
    </span>
  ));
}
