/**
 * Lesson 2: what `docker run` really does, request by request: the CLI's Engine API calls
 * (create, attach and wait for a foreground run, start), dockerd's gRPC calls to containerd,
 * containerd's ttRPC calls to the shim, the shim's runc invocations. True to FACTS.md §5
 * (Endpoints: `docker run` in CLI order, the 404 and pull), §3 (`docker start` inside dockerd,
 * `docker create` touches only dockerd) and §2 (shim v2: launcher, ttRPC, TaskExit, Wait).
 */
import type { LessonInput } from '../schema';

export const runChain: LessonInput = {
  schemaVersion: 1,
  id: 'run-chain',
  title: 'What docker run really does',
  summary:
    'One command, a chain of requests: the CLI calls the Engine API, dockerd calls containerd over gRPC, containerd calls the shim over ttRPC, and the shim runs runc. Follow them one by one.',
  level: 'beginner',
  minutes: 12,
  start: { era: 'modern', liveRestore: false, setup: ['docker pull nginx', 'docker pull alpine'] },
  steps: [
    {
      id: 'client-and-server',
      narration:
        'The `docker` command is only a client. It turns what you type into HTTP requests to the **Engine API**, which dockerd serves on the Unix socket `/var/run/docker.sock`. Every command starts with `HEAD /_ping` to agree on an API version, then sends versioned paths such as `/v1.51/version`. `docker version` shows both ends: the client, and the server with the containerd and runc it uses.',
      run: ['docker version'],
      questions: [
        {
          prompt: 'You type `docker run`. Which program creates the container’s namespaces?',
          choices: [
            { text: 'the docker CLI', correct: false },
            { text: 'dockerd', correct: false },
            { text: 'containerd', correct: false },
            { text: 'runc, started by the shim', correct: true },
          ],
          explanation:
            'The CLI only sends HTTP requests. dockerd asks containerd (gRPC), containerd asks the container’s shim (ttRPC), and the shim runs runc, which sets up namespaces, cgroups and the root filesystem.',
        },
      ],
    },
    {
      id: 'create-only',
      narration:
        '`docker run` is several requests. The first is `POST /containers/create`: dockerd stores the container’s configuration and prepares its writable layer, and that is all: no containerd container or task, no shim, no runc; nothing runs yet. (When the image is missing, dockerd answers 404 “No such image”; the CLI then pulls it with `POST /images/create` and sends create again.)',
      task: {
        goal: 'Make the CLI send POST /containers/create without starting anything: a container `web` from nginx, left in state created.',
        check: {
          kind: 'all',
          checks: [
            { kind: 'traced', message: 'http-request', label: 'POST /containers/create' },
            { kind: 'container', name: 'web', state: 'created' },
          ],
        },
        hints: [
          '`docker create` takes the same options as `docker run`, and stops after the first request.',
          '`docker create --name web nginx`',
        ],
        solution: ['docker create --name web nginx'],
        par: 1,
      },
    },
    {
      id: 'start-goes-down',
      narration:
        '`docker start web` is a single request, `POST /containers/web/start`, and the rest happens below the API:\n\n- dockerd to containerd (gRPC): `Containers.Create`, `Tasks.Create`\n- containerd runs `containerd-shim-runc-v2 start`, a launcher that leaves one long-lived shim and exits\n- containerd to the shim (ttRPC): `Create`; the shim runs `runc create`\n- dockerd sets up the network namespace, then `Tasks.Start`, ttRPC `Start`, and the shim runs `runc start`\n\nWatch the diagram as it travels down.',
      task: {
        goal: 'Start web, and see the request travel down to runc.',
        check: {
          kind: 'all',
          checks: [
            { kind: 'container', name: 'web', state: 'running' },
            { kind: 'traced', message: 'http-request', label: 'POST /containers/web/start' },
            { kind: 'traced', message: 'grpc', label: 'Tasks.Start' },
            { kind: 'traced', message: 'ttrpc', label: 'Start' },
            { kind: 'traced', message: 'exec', label: 'runc start' },
          ],
        },
        hints: ['The container exists already: it only needs starting.', '`docker start web`'],
        solution: ['docker start web'],
        par: 1,
      },
      questions: [
        {
          prompt: 'Which protocol does containerd use to talk to a container’s shim?',
          choices: [
            { text: 'HTTP, like the Engine API', correct: false },
            { text: 'gRPC, like dockerd to containerd', correct: false },
            { text: 'ttRPC, a lighter gRPC-like protocol on a Unix socket', correct: true },
            { text: 'None: containerd runs runc itself', correct: false },
          ],
          explanation:
            'The CLI speaks HTTP to dockerd, dockerd speaks gRPC to containerd, and containerd speaks ttRPC to each shim. containerd never runs runc itself: the shim does.',
        },
      ],
    },
    {
      id: 'detached-run',
      narration:
        '`docker run -d` chains the same requests: `POST /containers/create`, then `POST /containers/{id}/wait?condition=next-exit`, then `POST /containers/{id}/start`. The CLI asks to wait *before* it starts, so it is already waiting when the container runs. With `-d` it prints the ID and returns once start succeeds. Look at the requests in the API panel.',
      run: ['docker run -d --name web2 nginx', 'docker ps'],
    },
    {
      id: 'foreground-run',
      narration:
        'Without `-d` the CLI also attaches: `POST /containers/{id}/attach` is answered with `101 UPGRADED`, and the HTTP connection becomes a stream that carries the container’s output (and input, with `-i`). Then come wait and start. When the process exits, the shim reaps it and publishes **TaskExit**; containerd tells dockerd, dockerd answers the held `/wait` with the exit status, and the CLI exits with that same code.',
      task: {
        goal: 'Run alpine in the foreground as `once`, with the command `sh -c "exit 3"`, and let its exit code travel back up to the CLI.',
        check: {
          kind: 'all',
          checks: [
            { kind: 'exitCode', name: 'once', code: 3 },
            { kind: 'traced', message: 'http-request', label: '/attach' },
            { kind: 'traced', message: 'http-request', label: '/wait?condition=next-exit' },
          ],
        },
        hints: [
          'Leave out `-d`: the CLI then attaches and waits.',
          'The command goes after the image: `alpine sh -c "exit 3"`.',
          '`docker run --name once alpine sh -c "exit 3"`, then `echo $?` shows the CLI’s own exit code.',
        ],
        solution: ['docker run --name once alpine sh -c "exit 3"'],
        par: 1,
      },
      questions: [
        {
          prompt: 'In what order does the CLI send the requests of `docker run alpine echo hi`?',
          choices: [
            { text: 'create, start, attach, wait', correct: false },
            { text: 'create, attach, wait, start', correct: true },
            { text: 'start, then create if the container does not exist', correct: false },
            { text: 'one request: POST /run', correct: false },
          ],
          explanation:
            'create first (pulling the image on a 404), then attach (the output stream), then wait, and only then start. With `--rm` the wait is `condition=removed`; with `-d` there is no attach.',
        },
      ],
    },
  ],
};
