/**
 * Lesson 7: stop, kill and exit codes. `docker stop` sends the stop signal (STOPSIGNAL,
 * default SIGTERM; nginx's image sets SIGQUIT), then
 * SIGKILL after 10 s; 128 + N for a death by signal N (137 = SIGKILL, 143 = SIGTERM); a PID 1
 * without a SIGTERM handler ignores it, which `--init` fixes. True to FACTS.md (exit codes,
 * the PID 1 gotcha).
 */
import type { LessonInput } from '../schema';

export const signals: LessonInput = {
  schemaVersion: 1,
  id: 'signals',
  title: 'Stop, kill and exit codes',
  summary:
    'docker stop asks with the stop signal (SIGTERM by default) and insists with SIGKILL after 10 s. Read the exit codes 0, 137 and 143, and see why PID 1 is special.',
  level: 'beginner',
  minutes: 10,
  start: { era: 'modern', liveRestore: false, setup: [] },
  steps: [
    {
      id: 'clean-stop',
      narration:
        '`docker stop` sends the image’s stop signal first: SIGTERM unless the image sets `STOPSIGNAL`. The nginx image sets SIGQUIT, nginx’s graceful shutdown, so nginx finishes and exits with its own code, 0. Only if the container still runs after the timeout (10 s by default) does dockerd send SIGKILL.',
      task: {
        goal: 'Run nginx as `web`, then stop it: it exits with 0.',
        check: { kind: 'exitCode', name: 'web', code: 0 },
        hints: ['`docker run -d --name web nginx`', 'then `docker stop web`'],
        solution: ['docker run -d --name web nginx', 'docker stop web'],
        par: 2,
      },
    },
    {
      id: 'pid-one-ignores',
      narration:
        'In its PID namespace the container’s first process is PID 1, and PID 1 only receives the signals it installed a handler for. `sleep` installs none, so SIGTERM does nothing; after 10 s dockerd sends SIGKILL, which cannot be ignored: exit code 128 + 9 = **137**.',
      task: {
        goal: 'Run `sleep 600` in alpine as `nap`, stop it, and see exit code 137.',
        check: { kind: 'exitCode', name: 'nap', code: 137 },
        hints: ['`docker run -d --name nap alpine sleep 600`', '`docker stop nap` waits 10 s'],
        solution: ['docker run -d --name nap alpine sleep 600', 'docker stop nap'],
        par: 2,
      },
    },
    {
      id: 'init-forwards',
      narration:
        'With `--init`, Docker runs `docker-init` (tini) as PID 1 and your program as its child. tini forwards SIGTERM, and `sleep`, no longer PID 1, dies of it at once: 128 + 15 = **143**.',
      task: {
        goal: 'Run the same sleep with --init as `nap2`, stop it: exit code 143, at once.',
        check: { kind: 'exitCode', name: 'nap2', code: 143 },
        hints: ['`--init` goes before the image name.'],
        solution: ['docker run -d --init --name nap2 alpine sleep 600', 'docker stop nap2'],
        par: 2,
      },
      questions: [
        {
          prompt: 'A container exits with 137. What happened to its main process?',
          choices: [
            { text: 'It returned 137 itself, after a clean shutdown', correct: false },
            { text: 'It was killed by SIGKILL (signal 9)', correct: true },
            { text: 'It was killed by SIGTERM (signal 15)', correct: false },
          ],
          explanation:
            'A death by signal N is reported as 128 + N: 137 is SIGKILL (docker kill, the end of docker stop’s timeout, or the kernel’s out-of-memory killer); 143 is SIGTERM.',
        },
      ],
    },
  ],
};
