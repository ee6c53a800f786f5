/**
 * Memory: the JS heap after playing the lesson set on a loop, against the heap after the first
 * pass. Measured in Node (not the browser) by memoryLoop.ts, in a process of its own with
 * `--expose-gc`, so that each reading follows a full garbage collection.
 *
 * The budget is the issue's: lessons played on a loop as the app plays them, each on a new
 * world, keep nothing from pass to pass. The same lessons replayed on worlds that are kept is
 * reported, not budgeted: a host keeps every moment of its session for playback (step back to
 * any command, by design), so its heap grows with what is typed, and the figure is what each
 * input costs. What grows with time alone (a clock left running) is bounded: the clock rows.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoopResult, MemoryProbe } from './memoryLoop';
import { atMost, num, type Row } from './table';

const PART = 'Memory';
const PASSES = 10;
/** What counts as noise: inline caches and bytecode still warming up, GC slack. */
const NOISE = 0.1;

const mb = (bytes: number) => `${num(bytes / 1e6, 1)} MB`;

function growth(r: LoopResult) {
  const first = r.heap[0] ?? NaN;
  const last = r.heap.at(-1) ?? NaN;
  return { first, last, bytes: last - first, ratio: (last - first) / first };
}

export function memory(): { rows: Row[]; probe: MemoryProbe } {
  const script = fileURLToPath(new URL('./memoryLoop.ts', import.meta.url));
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', script, String(PASSES)],
    { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 },
  );
  if (child.status !== 0) throw new Error(`memory probe failed: ${child.stderr || child.error}`);
  const probe = JSON.parse(child.stdout) as MemoryProbe;
  const fresh = growth(probe.fresh);
  const long = growth(probe.long);
  const entries = (probe.long.traceEntries.at(-1) ?? 0) - (probe.long.traceEntries[0] ?? 0);
  const inputs = (probe.long.loggedInputs.at(-1) ?? 0) - (probe.long.loggedInputs[0] ?? 0);
  const hours = (probe.long.virtualMs.at(-1) ?? 0) / 3_600_000;
  const shown = (g: typeof fresh) =>
    `${g.bytes >= 0 ? '+' : '−'}${mb(Math.abs(g.bytes))} (${g.bytes >= 0 ? '+' : '−'}${num(Math.abs(g.ratio) * 100)}%)`;
  const budget = (g: typeof fresh) => atMost(g.ratio, NOISE, `+${NOISE * 100}% (noise)`);
  return {
    probe,
    rows: [
      {
        part: PART,
        figure: `JS heap, lessons on a loop, new worlds: pass ${PASSES} vs 1`,
        value: fresh.ratio,
        unit: 'ratio',
        shown: shown(fresh),
        budget: budget(fresh),
        how: `Node, heap after a full GC less compiled code; the ${probe.lessons} lessons played headless, each on a new world (as the player does); ${mb(fresh.first)} → ${mb(fresh.last)}`,
      },
      {
        part: PART,
        figure: `JS heap a host keeps for playback, per input (lessons replayed on kept worlds)`,
        value: long.bytes / Math.max(1, inputs),
        unit: 'B',
        shown: `${num(long.bytes / Math.max(1, inputs) / 1000, 1)} KB`,
        how: `each lesson's world kept, its lines replayed, 60 s idle and drawn (worldAt) per pass, ${PASSES} passes, ${num(hours, 1)} h virtual: ${shown(long)} (${mb(long.first)} → ${mb(long.last)}) for +${num(inputs)} inputs and +${num(entries)} trace entries (~${num(long.bytes / Math.max(1, entries))} B each, checkpoints included); every moment is kept for playback, by design`,
      },
      ...probe.clocks.map((clock): Row => {
        const [first, second] = clock.heapBytes;
        // Less than before is collection noise, not memory given back: shown as none kept.
        const kept = (bytes: number) => mb(Math.max(0, bytes));
        return {
          part: PART,
          figure: `JS heap kept with the view open, hour 1 / hour 2: ${clock.world}`,
          value: second / 1e6,
          unit: 'MB',
          shown: `${kept(first)} / ${kept(second)}`,
          how: `its clock left running (idle, 100 ms ticks at 1x) for 2 × ${clock.minutes} virtual minutes: trace +${num(clock.traceEntries / 2)} entries/h (${num(clock.heldEntries)} held at the end), log +${num(clock.loggedInputs / 2)} inputs/h`,
        };
      }),
    ],
  };
}
