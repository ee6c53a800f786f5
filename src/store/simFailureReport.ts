/**
 * What a simulation failure (simFailure.ts) reports: its input log, one line per input, with
 * the inputs of the failing entry marked, and for the host a permalink (permalink.ts) that
 * replays the whole log, failing input included, so a developer gets the failure again.
 * Contract: pure reads of a failure; nothing here replays or changes a world.
 */
import { describeClusterInput } from '../sim/cluster/inputs';
import { describeInput } from '../sim/inputs';
import { describeKubeInput } from '../sim/kube/inputs';
import { PERMALINK_MAX_CHARS, PERMALINK_PARAM, permalinkFragment } from './permalinkFragment';
import type { FailedLog, SimFailure } from './simFailure';
import { terminalColumns } from './terminalTranscript';

export interface FailureLogLine {
  /** 1-based position in the log. */
  readonly number: number;
  /** Virtual time the input arrived at, in ms. */
  readonly at: number;
  /** The input as the trace labels it (`$ docker ps`, `time passes`). */
  readonly label: string;
  /** The logged entry as JSON: what a replay needs, exactly. */
  readonly json: string;
  /** Part of the entry that failed: the restored session goes back to before it. */
  readonly failed: boolean;
}

function describe(source: FailedLog, index: number): string {
  switch (source.world) {
    case 'host': {
      const entry = source.log[index];
      return entry ? describeInput(entry.input) : '';
    }
    case 'swarm': {
      const entry = source.log[index];
      return entry ? describeClusterInput(entry.input) : '';
    }
    case 'kubernetes': {
      const entry = source.log[index];
      return entry ? describeKubeInput(entry.input) : '';
    }
  }
}

/** The input's trace label; its kind alone where labelling fails too (the bug may be there). */
function label(source: FailedLog, index: number): string {
  try {
    return describe(source, index);
  } catch {
    return source.log[index]?.input.kind ?? '';
  }
}

/**
 * The failed world's log, line by line. The failing entry added the inputs after `before`;
 * an idle spell merged into the last input before it changed that one too.
 */
export function failureLogLines(failure: SimFailure): FailureLogLine[] {
  const { source } = failure;
  const log: readonly { readonly at: number }[] = source.log;
  const before: readonly unknown[] = source.before;
  const kept = before.length;
  const lastChanged = kept > 0 && log[kept - 1] !== before[kept - 1];
  return log.map((entry, i) => ({
    number: i + 1,
    at: entry.at,
    label: label(source, i),
    json: JSON.stringify(entry),
    failed: i >= kept || (lastChanged && i === kept - 1),
  }));
}

/**
 * The fragment (`#session=...`) that replays a failed host's log, or null: the clusters have
 * no links, and a log too long for a link is only in the report's text.
 */
export function failurePermalink(failure: SimFailure): string | null {
  const { source } = failure;
  if (source.world !== 'host') return null;
  const fragment = permalinkFragment(source, { columns: terminalColumns() });
  const length = fragment.length - PERMALINK_PARAM.length - 2;
  return length > PERMALINK_MAX_CHARS ? null : fragment;
}
