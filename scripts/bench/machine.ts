/** The machine a benchmark ran on: CPU, cores, memory, Node and the Chromium used. */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly node: string;
  readonly chromium: string;
  readonly chromiumPath: string;
}

/** Chromium as the e2e tests and the benchmarks use it (CHROMIUM_PATH, else Debian's). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function chromiumVersion(path: string): string {
  // Debian's /usr/bin/chromium is a shell wrapper that may complain on stderr; stdout has it.
  const out = spawnSync(path, ['--version'], { encoding: 'utf8' });
  return /(\d+\.\d+\.\d+\.\d+)/.exec(out.stdout ?? '')?.[1] ?? 'unknown';
}

export function describeMachine(): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium: chromiumVersion(CHROMIUM_PATH),
    chromiumPath: CHROMIUM_PATH,
  };
}

export function machineLine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node.replace(/^v/, '')}, Chromium ${m.chromium} headless`;
}
