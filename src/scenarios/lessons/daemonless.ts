/**
 * Lesson 4: daemonless containers. Kill dockerd and the container keeps running under its
 * shim; what the restarted dockerd then does, without and with live-restore. True to
 * FACTS.md ("Live restore"): without it, the restarted daemon shuts down the containers it
 * finds still running; with it, it reconnects to them.
 */
import type { LessonInput } from '../schema';

export const daemonless: LessonInput = {
  schemaVersion: 1,
  id: 'daemonless',
  title: 'Kill dockerd: who keeps the container alive?',
  summary:
    'The container is not a child of dockerd. See it run on while dockerd is dead, and what the restarted daemon does, without and with live-restore.',
  level: 'intermediate',
  minutes: 10,
  start: { era: 'modern', liveRestore: false, setup: ['docker run -d --name web nginx'] },
  steps: [
    {
      id: 'who-is-the-parent',
      narration:
        'A container `web` runs nginx. Its processes are not children of dockerd: their parent is a **containerd-shim-runc-v2**, one per container, which containerd started and which keeps running when either daemon dies. (`pstree` shows its name cut to 15 characters, `containerd-shim`, as the kernel keeps it.)',
      run: ['pstree -p'],
      questions: [
        {
          prompt: 'Which process is the parent of nginx, the container’s PID 1?',
          choices: [
            { text: 'dockerd', correct: false },
            { text: 'containerd', correct: false },
            { text: 'containerd-shim-runc-v2', correct: true },
            { text: 'runc', correct: false },
          ],
          explanation:
            'runc creates the container and exits; the shim, which asked for it, is the subreaper that stays as its parent.',
        },
      ],
    },
    {
      id: 'kill-dockerd',
      narration:
        'Now kill dockerd the hard way, with SIGKILL, as a crash would. Nothing tells the container.',
      task: {
        goal: 'Kill dockerd with SIGKILL while nginx keeps running.',
        check: {
          kind: 'all',
          checks: [
            { kind: 'process', name: 'nginx', alive: true },
            {
              kind: 'any',
              checks: [
                { kind: 'daemon', service: 'dockerd', state: 'down' },
                { kind: 'daemon', service: 'dockerd', state: 'restarting' },
              ],
            },
          ],
        },
        hints: ['`pkill` sends a signal to processes by name.', 'SIGKILL is signal 9: `-9`.'],
        solution: ['pkill -9 dockerd'],
        par: 1,
      },
    },
    {
      id: 'without-live-restore',
      narration:
        'systemd restarts dockerd after 2 s (`Restart=always`). Without live-restore, the new dockerd finds `web` still running under its shim and **shuts it down**: it sends the stop signal (SIGKILL after the timeout), then applies the restart policy, here none. nginx exits on its stop signal, hence `Exited (0)`.\n\nSo notes that say containers keep running through any daemon restart are wrong. The shim keeps them alive while dockerd is down, but without live-restore the restarted dockerd stops them, and a clean `systemctl stop docker` stops every container before dockerd exits.',
      run: ['sleep 5', 'docker ps -a'],
      questions: [
        {
          prompt:
            'Live-restore is off, and an administrator runs `systemctl restart docker`. What happens to the running containers?',
          choices: [
            { text: 'They keep running under their shims', correct: false },
            {
              text: 'dockerd stops them as it shuts down; when it starts again, it restarts those whose restart policy is always or unless-stopped',
              correct: true,
            },
            { text: 'They are paused until dockerd is back, then resumed', correct: false },
          ],
          explanation:
            'Without live-restore, a clean stop of dockerd stops every running container (the stop signal, then SIGKILL after the timeout). On start, dockerd applies restart policies: always and unless-stopped bring a container back; with the default, no, it stays exited. With live-restore on, the containers would have kept running.',
        },
      ],
    },
    {
      id: 'with-live-restore',
      narration:
        'With `"live-restore": true` in `/etc/docker/daemon.json` (applied with `systemctl reload docker`), a restarted dockerd reconnects to the containers that kept running instead, and a clean stop of dockerd leaves them running too. While dockerd is down they run on, but nothing reads their output: once the log buffer (64 KiB by default) is full, a container that writes more blocks.',
      task: {
        goal: 'Turn live-restore on, start web again, and make it survive another dockerd crash.',
        check: {
          kind: 'all',
          checks: [
            { kind: 'liveRestore', enabled: true },
            { kind: 'container', name: 'web', state: 'running' },
            { kind: 'daemon', service: 'dockerd', state: 'up' },
          ],
        },
        hints: [
          'Write `{"live-restore": true}` into /etc/docker/daemon.json with echo and >.',
          'dockerd reads it again on `systemctl reload docker`.',
          'Then `docker start web`, and crash dockerd again.',
        ],
        solution: [
          'echo \'{"live-restore": true}\' > /etc/docker/daemon.json',
          'systemctl reload docker',
          'docker start web',
          'pkill -9 dockerd',
          'sleep 5',
        ],
        par: 5,
      },
    },
  ],
};
