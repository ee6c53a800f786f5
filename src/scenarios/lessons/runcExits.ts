/**
 * Lesson 3: runc starts the container and exits. `docker create` touches only dockerd;
 * `docker start` makes the shim run `runc create` (runc init blocks on exec.fifo, state
 * created) and `runc start` (the FIFO is opened, the user program is exec'd in the same PID);
 * runc exits each time and the shim, a subreaper, stays as the parent. There is no stop
 * operation: `docker stop` is `runc kill`, and an exited container gets `runc delete`.
 * True to FACTS.md §1 (states, operations, what runc does, detached mode), §2 (shim v2,
 * subreaper) and §3 (`docker start` inside dockerd; the state table).
 */
import type { LessonInput } from '../schema';

const RUNC = 'runc --root /run/docker/runtime-runc/moby';

export const runcExits: LessonInput = {
  schemaVersion: 1,
  id: 'runc-exits',
  title: 'runc starts the container, then exits',
  summary:
    'runc is not a daemon: each operation is one short run. See runc create leave the container waiting on exec.fifo, runc start release it, and the shim stay behind as its parent.',
  level: 'intermediate',
  minutes: 12,
  start: { era: 'modern', liveRestore: false, setup: ['docker pull nginx'] },
  steps: [
    {
      id: 'docker-created',
      narration:
        'Docker’s state **created** is not runc’s. After `docker create`, dockerd has stored the container’s configuration and prepared its writable layer, and no shim or runc has run. runc is not a daemon: what it knows is a state directory. The shim points runc at `/run/docker/runtime-runc/moby` with `--root`, so a plain `runc list` (root `/run/runc`) never shows Docker’s containers.',
      task: {
        goal: 'Create `web` from nginx without starting it, then ask runc, with Docker’s --root, which containers it knows.',
        check: { kind: 'container', name: 'web', state: 'created' },
        hints: ['`docker create --name web nginx`', `\`${RUNC} list\``],
        solution: ['docker create --name web nginx', `${RUNC} list`],
        par: 2,
      },
      questions: [
        {
          prompt: '`docker ps -a` shows web as Created. What does runc’s list show for it?',
          choices: [
            { text: 'status created, waiting on exec.fifo', correct: false },
            { text: 'nothing: no runc has run for web yet', correct: true },
            { text: 'status stopped', correct: false },
          ],
          explanation:
            '`docker create` touches only dockerd. The shim, `runc create` and `runc start` all come with `docker start`.',
        },
      ],
    },
    {
      id: 'create-then-start',
      narration:
        '`docker start` runs runc twice, each time a new process that exits:\n\n- `runc create` starts a child, `runc init`, which sets up namespaces, cgroups and the root filesystem, then blocks on a FIFO, `exec.fifo`, in the state directory. runc create exits; the OCI state is **created**.\n- dockerd sets up the container’s network namespace meanwhile.\n- `runc start` opens the FIFO. That unblocks `runc init`, which `execve()`s your program in the same PID. runc start exits; the state is **running**.',
      task: {
        goal: 'Start web, and see the shim run `runc create`, then `runc start`.',
        check: {
          kind: 'all',
          checks: [
            { kind: 'container', name: 'web', state: 'running' },
            { kind: 'traced', message: 'exec', label: 'runc create' },
            { kind: 'traced', message: 'exec', label: 'runc start' },
          ],
        },
        hints: ['`docker start web`'],
        solution: ['docker start web'],
        par: 1,
      },
      questions: [
        {
          prompt: 'nginx runs as the container’s PID 1. Where did that process come from?',
          choices: [
            { text: 'runc start forked it', correct: false },
            {
              text: 'it is the runc init process, which exec’d nginx in the same PID',
              correct: true,
            },
            { text: 'the shim forked it after runc exited', correct: false },
          ],
          explanation:
            '`runc create` leaves `runc init` blocked on exec.fifo; `runc start` opens the FIFO and `runc init` calls `execve()`. Same process, same PID, new program.',
        },
      ],
    },
    {
      id: 'who-is-left',
      narration:
        'No runc process is left: `pgrep runc` finds nothing. nginx’s parent is the **shim**. It made itself a *subreaper*, so when runc exited, the container’s init was re-parented to the shim, which will reap it and report its exit. runc’s state directory still answers for it: `runc list` reads it and shows **running** with nginx’s PID.',
      run: ['pgrep -l runc', 'pstree -p', `${RUNC} list`],
      questions: [
        {
          prompt: 'Which process is the parent of the container’s PID 1 while it runs?',
          choices: [
            { text: 'runc', correct: false },
            { text: 'containerd-shim-runc-v2', correct: true },
            { text: 'containerd', correct: false },
            { text: 'dockerd', correct: false },
          ],
          explanation:
            'runc is gone once `runc start` returns. The shim, a subreaper, inherits the container’s init and waits for it.',
        },
      ],
    },
    {
      id: 'stop-is-kill',
      narration:
        'Notes that say runc “manages the lifecycle: start, stop and delete” are imprecise: each runc run does one operation and exits, the shim supervises the container in between, and the OCI runtime spec has no stop operation at all. `docker stop` becomes `Tasks.Kill` with the image’s stop signal (the nginx image sets SIGQUIT; the default is SIGTERM), and the shim runs `runc kill`. When the process has exited, dockerd deletes the task and the shim runs `runc delete`, which undoes what create did. Each is one more short runc process.',
      task: {
        goal: 'Stop web, and see the shim run `runc kill`, then `runc delete`.',
        check: {
          kind: 'all',
          checks: [
            { kind: 'exitCode', name: 'web', code: 0 },
            { kind: 'traced', message: 'exec', label: 'runc kill' },
            { kind: 'traced', message: 'exec', label: 'runc delete' },
          ],
        },
        hints: ['`docker stop web`'],
        solution: ['docker stop web'],
        par: 1,
      },
    },
    {
      id: 'runc-by-hand',
      narration:
        'You can run runc yourself, as the shim does. On a real host keep to looking (`list`, `state`, `ps`): Docker does not expect changes made behind its back. Here, try `runc kill ID SIGNAL`: it sends a signal to the container’s init and exits. Docker did not ask for it, yet it learns of the exit the usual way: the shim reaps the process and publishes TaskExit. runc names containers by their full ID.',
      task: {
        goal: 'Start web again, then kill it with runc itself (not docker), with SIGKILL: web exits with 137.',
        check: { kind: 'exitCode', name: 'web', code: 137 },
        hints: [
          'runc needs the full ID: `docker inspect -f "{{.Id}}" web` prints it, and `$(...)` puts a command’s output in its place.',
          'The signal comes after the ID: `KILL` or `9`.',
          `\`${RUNC} kill $(docker inspect -f "{{.Id}}" web) KILL\``,
        ],
        solution: ['docker start web', `${RUNC} kill $(docker inspect -f "{{.Id}}" web) KILL`],
        par: 2,
      },
      questions: [
        {
          prompt: 'Which of these is *not* an operation of the OCI runtime spec?',
          choices: [
            { text: 'create', correct: false },
            { text: 'start', correct: false },
            { text: 'kill', correct: false },
            { text: 'stop', correct: true },
            { text: 'delete', correct: false },
          ],
          explanation:
            'The spec defines state, create, start, kill and delete, and no stop. Stopping is kill plus waiting for the exit; Docker adds the timeout and the SIGKILL that follows it.',
        },
      ],
    },
  ],
};
