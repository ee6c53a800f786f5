/**
 * Lesson 5: containerd crashes and reconnects to the shims; a killed shim takes its container
 * with it. True to FACTS.md: the shims outlive containerd, which reconnects to them when
 * systemd restarts it (RestartSec=5); a dead shim's container is killed (`shim delete` runs
 * `runc delete --force`) and reported with 137.
 */
import type { LessonInput } from '../schema';

export const containerdCrash: LessonInput = {
  schemaVersion: 1,
  id: 'containerd-crash',
  title: 'containerd crashes; a shim dies',
  summary:
    'Kill containerd and the container runs on, its shim waiting; containerd comes back and reconnects. Kill the shim and the container goes with it.',
  level: 'intermediate',
  minutes: 8,
  start: { era: 'modern', liveRestore: false, setup: ['docker run -d --name web nginx'] },
  steps: [
    {
      id: 'kill-containerd',
      narration:
        'containerd manages the containers’ tasks, but it is not their parent either: each container’s **shim** is. Kill containerd and see who is still there.',
      task: {
        goal: 'Kill containerd with SIGKILL while nginx keeps running.',
        check: {
          kind: 'all',
          checks: [
            { kind: 'process', name: 'nginx', alive: true },
            { kind: 'process', name: 'containerd-shim-runc-v2', alive: true },
            {
              kind: 'any',
              checks: [
                { kind: 'daemon', service: 'containerd', state: 'down' },
                { kind: 'daemon', service: 'containerd', state: 'restarting' },
              ],
            },
          ],
        },
        hints: [
          'As with dockerd: `pkill -9` and the name.',
          'Careful: `pkill containerd` matches by pattern, and `containerd-shim-runc-v2` contains it. `-x` matches the exact name only.',
        ],
        solution: ['pkill -9 -x containerd'],
        par: 1,
      },
    },
    {
      id: 'reconnect',
      narration:
        'systemd restarts containerd after 5 s. It reads each shim’s saved socket address from its state directory and **reconnects** to them: the container never noticed, and `docker ps` shows it as before.',
      run: ['sleep 7', 'docker ps'],
    },
    {
      id: 'kill-the-shim',
      narration:
        'The shim is different: it holds the container’s stdio and is the one that reaps it. When a shim dies, containerd cleans up with `shim delete`, which runs `runc delete --force`: the container is killed and reported as exit **137**.',
      task: {
        goal: 'Kill the shim of web with SIGKILL and see web end with 137.',
        check: { kind: 'exitCode', name: 'web', code: 137 },
        hints: [
          '`pgrep containerd-shim` prints the shim’s PID.',
          '`kill -9` takes PIDs; `$(...)` puts a command’s output in its place.',
        ],
        solution: ['kill -9 $(pgrep containerd-shim)'],
        par: 1,
      },
    },
  ],
};
