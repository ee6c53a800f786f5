/**
 * A fixed session used to check determinism across runtimes: Node (unit tests, the bridge)
 * and browsers (e2e) must produce the same trace, byte for byte, and so the same digest.
 */
import { digestOf } from '../digest';
import type { Era } from '../eras';
import { Driver } from './driver';

export function standardSession(era: Era = 'modern'): Driver {
  const d = new Driver({ seed: 'determinism', era });
  d.run('nginx', { name: 'web', publish: { '8080': '80/tcp' } });
  d.run('alpine', { name: 'job', cmd: ['sleep', '3'], restart: 'on-failure:2' });
  d.run('redis', { name: 'cache', restart: 'always', init: true });
  d.advance(4000);
  d.signal({ service: 'dockerd' }, 'SIGKILL');
  d.advance(3000);
  if (era !== 'monolith') d.signal({ shim: 'cache' }, 'SIGKILL');
  d.stop('web');
  d.rm('web', { volumes: true });
  return d;
}

/** sha256 of the trace as JSON. */
export function traceDigest(d: Driver): string {
  return digestOf(JSON.stringify(d.sim.trace));
}

/** Digests of the standard session in every era, for comparing runtimes. */
export function sessionDigests(): Record<Era, string> {
  return {
    monolith: traceDigest(standardSession('monolith')),
    split: traceDigest(standardSession('split')),
    modern: traceDigest(standardSession('modern')),
  };
}
