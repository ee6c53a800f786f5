import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERAS } from '../../sim/eras';
import { isJob } from '../shell/types';
import { hostCommands } from './index';
import { hostWith, runArgs } from './testing';

/** Words the commands give meaning to, mixed with arbitrary strings. */
const VOCABULARY = [
  '-',
  '--',
  '-e',
  '-f',
  '-ef',
  'aux',
  'ax',
  '-o',
  'pid,comm',
  '-p',
  '-n',
  '-9',
  '-KILL',
  '-s',
  '-l',
  '-a',
  '-x',
  '-u',
  '-q',
  '-S',
  '-A',
  '-c',
  '-r',
  '-v',
  '-w',
  '-h',
  '--help',
  '--full',
  '--no-pager',
  '--root',
  '/run/docker/runtime-runc/moby',
  '-n',
  'moby',
  'tasks',
  'ls',
  'ps',
  'kill',
  'list',
  'state',
  'status',
  'start',
  'stop',
  'restart',
  'reload',
  'is-active',
  'show',
  'docker',
  'containerd',
  'docker.service',
  'nginx',
  'dockerd',
  'containerd-shim-runc-v2',
  '1',
  '845',
  '812',
  '1187',
  '1150',
  '99999',
  '0',
  '%1',
  '/',
  '/run',
  '/proc/1/status',
  '/proc',
  '/run/containerd/',
  '/var/run',
  '/etc/docker/daemon.json',
  '/sys/fs/cgroup',
  '.',
  '..',
  'root',
  'SIGTERM',
  'HUP',
  '137',
  '-0',
  '--lines=3',
  '-xeu',
  '--signal=KILL',
  '-R',
];

const argv = fc.array(fc.oneof(fc.constantFrom(...VOCABULARY), fc.string({ maxLength: 8 })), {
  maxLength: 6,
});

describe('host commands on random arguments', () => {
  for (const era of ERAS) {
    it(`never throw and always end with an integer status (${era})`, () => {
      const driver = hostWith(era);
      for (const name of Object.keys(hostCommands)) {
        fc.assert(
          fc.property(argv, (args) => {
            const r = runArgs(driver.sim, name, args, { columns: 80 });
            if (isJob(r.status)) {
              const polled = r.status.poll();
              expect(polled === null || Number.isInteger(polled)).toBe(true);
              const stopped = r.status.interrupt();
              expect(stopped === null || Number.isInteger(stopped)).toBe(true);
            } else {
              expect(Number.isInteger(r.status)).toBe(true);
            }
          }),
          { numRuns: 100 },
        );
      }
    });
  }

  it('read-only tools never act on the host', () => {
    const driver = hostWith('modern');
    const readOnly = ['ps', 'pstree', 'pidof', 'pgrep', 'journalctl', 'cat', 'ls', 'uname', 'id'];
    for (const name of readOnly) {
      fc.assert(
        fc.property(argv, (args) => {
          const before = driver.sim.log.length;
          runArgs(driver.sim, name, args);
          expect(driver.sim.log.length).toBe(before);
        }),
        { numRuns: 100 },
      );
    }
  });
});
