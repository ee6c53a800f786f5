/**
 * Lesson 6: a short history of how Docker runs containers. Docker 1.10's monolith (one
 * `docker` binary, containers as its children), 1.11's split into containerd and runc
 * (`docker-containerd`, `docker-containerd-shim`, `docker-runc`), 1.12's `dockerd` and
 * `--live-restore`, 18.09's unprefixed names, 20.10's `containerd-shim-runc-v2`. Played on
 * the `split` era (Docker 18.06, the last release with the `docker-` names), where
 * docker-containerd is a child of dockerd. True to FACTS.md §4 (timeline) and §3 (dockerd
 * and containerd; live restore), and table §0 (the notes' binary names are dated; containers
 * do not survive any daemon restart).
 */
import type { LessonInput } from '../schema';

export const history: LessonInput = {
  schemaVersion: 1,
  id: 'history',
  title: 'A short history: from one daemon to containerd and runc',
  summary:
    'Docker 1.10 ran containers inside its daemon; 1.11 handed them to containerd and runc. Explore a Docker 18.06 host with the old names, kill its docker-containerd, and see what changed since.',
  level: 'beginner',
  minutes: 12,
  start: { era: 'split', liveRestore: false, setup: ['docker pull nginx'] },
  steps: [
    {
      id: 'the-monolith',
      narration:
        'Up to **Docker 1.10** (February 2016) one `docker` binary was both the client and the daemon, and the daemon ran containers itself: they were its child processes. When the daemon stopped, it stopped them; when it started, it killed any container it had recorded as running and marked it exited with 137. No container could outlive a daemon restart.',
      questions: [
        {
          prompt: 'On a Docker 1.10 host, what was the parent of a container’s main process?',
          choices: [
            { text: 'the docker daemon itself', correct: true },
            { text: 'docker-containerd-shim', correct: false },
            { text: 'runc', correct: false },
            { text: 'systemd (PID 1)', correct: false },
          ],
          explanation:
            'Before 1.11 there was no containerd, shim or runc: the daemon started containers itself, as its own children, and they could not survive it.',
        },
      ],
    },
    {
      id: 'the-split',
      narration:
        '**Docker 1.11** (April 2016) handed the running of containers to containerd and runc, installed next to `docker` as `docker-containerd` (with its `docker-containerd-shim`) and `docker-runc`. **1.12** gave the daemon its own binary, `dockerd`. This host runs **Docker 18.06**, the last release with those names. Here dockerd starts docker-containerd as its own child; `pstree` shows names cut to 15 characters (`docker-containe`), as the kernel keeps them.',
      run: ['docker version', 'pstree -p'],
    },
    {
      id: 'find-the-shim',
      narration:
        'Each container gets its own shim, started by containerd. The shim holds the container’s stdio and waits for its exit; runc creates the container and exits, as it still does today.',
      task: {
        goal: 'Run nginx as `web`, and find its shim under its old name, docker-containerd-shim.',
        check: {
          kind: 'all',
          checks: [
            { kind: 'container', name: 'web', state: 'running' },
            { kind: 'process', name: 'docker-containerd-shim', alive: true },
          ],
        },
        hints: [
          '`docker run -d --name web nginx`',
          '`pstree -p` cuts the names; `ps -ef` or `pgrep -af docker-containerd-shim` shows the whole command line.',
        ],
        solution: ['docker run -d --name web nginx', 'pgrep -af docker-containerd-shim'],
        par: 2,
      },
    },
    {
      id: 'kill-docker-containerd',
      narration:
        'This is what the split was for: the container does not depend on containerd staying alive. Kill docker-containerd and watch: the shim is re-parented, nginx runs on, and dockerd starts a new docker-containerd, which reconnects to the shim.',
      task: {
        goal: 'Kill docker-containerd with SIGKILL, not its shim, and keep web running.',
        check: {
          kind: 'all',
          checks: [
            { kind: 'traced', message: 'signal', label: 'SIGKILL' },
            { kind: 'traced', message: 'grpc', label: 'Connect' },
            { kind: 'container', name: 'web', state: 'running' },
            { kind: 'process', name: 'docker-containerd-shim', alive: true },
            { kind: 'daemon', service: 'dockerd', state: 'up' },
          ],
        },
        hints: [
          '`pkill -x docker-containerd` matches nothing: the kernel keeps only 15 characters of a name, `docker-containe`, and the shim has the same ones.',
          '`pgrep -af docker-containerd` lists both with their command lines: the daemon’s starts with `docker-containerd --config`. `pkill -f` matches a regular expression on the command line.',
          "`pkill -9 -f '^docker-containerd --config'`",
        ],
        solution: ["pkill -9 -f '^docker-containerd --config'"],
        par: 1,
      },
      questions: [
        {
          prompt: 'Why did web survive the death of docker-containerd?',
          choices: [
            { text: 'dockerd took over the container until containerd came back', correct: false },
            {
              text: 'its shim, not containerd, holds the container and waits for it; containerd only talks to the shim',
              correct: true,
            },
            { text: 'runc kept running as the container’s parent', correct: false },
          ],
          explanation:
            'The shim stays alive on its own (re-parented to PID 1 when containerd dies). A restarted containerd finds the shims and reconnects to them.',
        },
      ],
    },
    {
      id: 'dockerd-still-decides',
      narration:
        'The shim is now a child of PID 1, and dockerd has a new docker-containerd. But the split alone did not make containers survive **dockerd**: 1.12 added `--live-restore` for that, and it is still off by default. Without it, a clean stop of dockerd stops every container, and a crashed dockerd, once restarted, shuts down the containers it finds still running. So the old notes’ claim that containers survive a daemon restart is wrong as a rule: the shim keeps them alive while dockerd is down, but only with live-restore do they stay up once it is back.',
      run: ['pstree -p'],
      task: {
        goal: 'Crash dockerd with SIGKILL and see what the restarted dockerd does to web.',
        check: {
          kind: 'all',
          checks: [
            { kind: 'container', name: 'web', state: 'exited' },
            { kind: 'daemon', service: 'dockerd', state: 'up' },
          ],
        },
        hints: [
          '`pkill -9 dockerd`; systemd restarts it after 2 s.',
          'Then `sleep 5` and `docker ps -a`.',
        ],
        solution: ['pkill -9 dockerd', 'sleep 5', 'docker ps -a'],
        par: 3,
      },
    },
    {
      id: 'then-and-now',
      narration:
        'On this 18.06 host runc is still `docker-runc`: start web again and list it with Docker’s runc root. Since then the names changed twice:\n\n- **18.09** (2018) dropped the prefix: `containerd`, `containerd-shim`, `runc`; containerd became its own systemd service (package `containerd.io`) instead of a child of dockerd.\n- **20.10** (2020) made `containerd-shim-runc-v2` the default shim.\n\nThe roles are the same: dockerd → containerd → one shim per container → runc, which exits.',
      run: ['docker start web', 'docker-runc --root /var/run/docker/runtime-runc/moby list'],
      questions: [
        {
          prompt:
            'Old notes list the Linux binaries as `dockerd`, `docker-containerd`, `docker-containerd-shim`, `docker-runc`. What is true?',
          choices: [
            { text: 'They are today’s names', correct: false },
            {
              text: 'They are the names of Docker 1.12 to 18.06; today they are containerd, containerd-shim-runc-v2 and runc',
              correct: true,
            },
            { text: 'They are Docker 1.10’s names', correct: false },
          ],
          explanation:
            '1.11 introduced the `docker-` names (its daemon still ran as `docker`; `dockerd` came in 1.12). 18.09 dropped the prefix, and since 20.10 the shim is `containerd-shim-runc-v2`. 1.10 had no containerd or runc at all.',
        },
        {
          prompt:
            'On a current install from Docker’s packages, which process is the parent of containerd?',
          choices: [
            { text: 'dockerd, as in 18.06', correct: false },
            { text: 'systemd: containerd has been its own service since 18.09', correct: true },
            { text: 'the shim', correct: false },
          ],
          explanation:
            'Since 18.09 containerd ships in its own package and runs as its own systemd service; packaged dockerd connects to it. dockerd starts its own containerd child only when there is no system containerd.',
        },
      ],
    },
  ],
};
