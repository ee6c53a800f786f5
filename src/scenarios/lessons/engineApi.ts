/**
 * Lesson 8: the Engine API and remote access. The CLI is an HTTP client of dockerd on the Unix
 * socket /var/run/docker.sock (root-equivalent); TCP 2375 is the conventional plain,
 * unauthenticated port (the notes' "2375 must be TLS" is wrong), 2376 the mutual-TLS one; which
 * certificate goes where, and the errors the real CLI prints. Ends with the bridge, which
 * serves this simulation to the learner's own docker CLI. True to FACTS.md §5 (transport,
 * ports, mutual TLS, security, versioning, endpoints) and table §0; the error texts are the
 * real CLI's (docs ENGINE-API.md, server/cliTls.test.ts); the bridge's commands are those
 * server/main.ts prints.
 */
import type { LessonInput } from '../schema';

export const engineApi: LessonInput = {
  schemaVersion: 1,
  id: 'engine-api',
  title: 'The Engine API: the socket, port 2375 and mutual TLS',
  summary:
    'Every docker command is an HTTP request to dockerd. See them on the Unix socket, learn why plain TCP on 2375 is root for anyone who reaches it, and which certificate goes where for TLS on 2376.',
  level: 'intermediate',
  minutes: 15,
  start: {
    era: 'modern',
    liveRestore: false,
    setup: ['docker run -d --name web nginx', 'docker run --name once alpine echo hi'],
  },
  steps: [
    {
      id: 'http-on-a-socket',
      narration:
        'The `docker` CLI is an HTTP client. By default it talks to dockerd over the Unix socket `/var/run/docker.sock`, with no TCP at all (`-H unix:///var/run/docker.sock` spells out that default). Each command first sends `HEAD /_ping` to agree on an API version, then versioned requests such as `GET /v1.51/containers/json`. The API panel shows every request and its answer.',
      run: ['ls -l /var/run/docker.sock', 'docker -H unix:///var/run/docker.sock ps'],
      task: {
        goal: 'Make the CLI send GET /version.',
        check: { kind: 'traced', message: 'http-request', label: 'GET /version' },
        hints: [
          'The command that prints the client’s and the server’s versions.',
          '`docker version`',
        ],
        solution: ['docker version'],
        par: 1,
      },
    },
    {
      id: 'commands-are-requests',
      narration:
        'Most commands map to one request: `docker ps` is `GET /containers/json`, `docker images` is `GET /images/json`, `docker stop web` is `POST /containers/web/stop`. Options become query parameters or a JSON body. (`docker run` is the exception: several requests.)',
      task: {
        goal: 'List every container, the exited `once` too: the CLI adds all=1 to GET /containers/json.',
        check: { kind: 'traced', message: 'http-request', label: 'GET /containers/json?all=1' },
        hints: [
          '`docker ps` lists only running containers; one flag adds the others.',
          '`docker ps -a`',
        ],
        solution: ['docker ps -a'],
        par: 1,
      },
    },
    {
      id: 'stop-by-request',
      narration:
        'A request that changes things works the same way. dockerd answers `204 No Content` when it has done it, `304 Not Modified` when there was nothing to do, and `404` or `409` with a message that the CLI prints after `Error response from daemon:`.',
      task: {
        goal: 'Stop web: the CLI sends POST /containers/web/stop.',
        check: {
          kind: 'all',
          checks: [
            { kind: 'traced', message: 'http-request', label: 'POST /containers/web/stop' },
            { kind: 'container', name: 'web', state: 'exited' },
          ],
        },
        hints: ['`docker stop web`'],
        solution: ['docker stop web'],
        par: 1,
      },
    },
    {
      id: 'the-socket-is-root',
      narration:
        'The socket belongs to root and the group `docker` (`srw-rw----`). Whoever can write to it controls dockerd, and dockerd runs as root: it will start a privileged container with the host’s `/` mounted for anyone who asks. Docker’s docs say it plainly: the `docker` group grants root-level privileges.',
      questions: [
        {
          prompt:
            'A user who is not root is added to the `docker` group so they can run docker without sudo. What have they been given?',
          choices: [
            { text: 'Access to their own containers only', correct: false },
            { text: 'Read-only access to the Engine API', correct: false },
            { text: 'The equivalent of root on the host', correct: true },
          ],
          explanation:
            'The group can write to /var/run/docker.sock, and the API lets its caller run any container, privileged and with any host path mounted, as root.',
        },
      ],
    },
    {
      id: 'plain-tcp-2375',
      narration:
        'dockerd can listen on TCP too (`-H tcp://0.0.0.0:2375`). By convention **2375 is plain HTTP** and **2376 is TLS**. The old notes say 2375 “must be TLS”: that is wrong, and the truth is worse: 2375 has no encryption and no authentication, so anyone who can reach it has full Docker access, which is root on the host. Unauthenticated TCP is deprecated since Engine 26.0, and dockerd logs a warning when it binds without `--tlsverify`. This terminal only has the socket; try `-H` and see.',
      run: ['docker -H tcp://127.0.0.1:2375 ps'],
      questions: [
        {
          prompt:
            'A server’s dockerd listens on 0.0.0.0:2375, with no TLS options. Who can use it?',
          choices: [
            { text: 'Nobody: 2375 requires TLS', correct: false },
            { text: 'Only users in the host’s docker group', correct: false },
            {
              text: 'Anyone who can reach the port, with full Docker access: root on that host',
              correct: true,
            },
          ],
          explanation:
            '2375 is the conventional port for plain, unauthenticated HTTP. Group permissions apply to the Unix socket, not to TCP. Use the socket, SSH (`ssh://user@host`), or mutual TLS on 2376.',
        },
      ],
    },
    {
      id: 'mutual-tls-2376',
      narration:
        'With `--tlsverify` both sides prove who they are, with certificates from one CA:\n\n- daemon: `dockerd --tlsverify --tlscacert=ca.pem --tlscert=server-cert.pem --tlskey=server-key.pem -H=0.0.0.0:2376`\n- client: `docker --tlsverify --tlscacert=ca.pem --tlscert=cert.pem --tlskey=key.pem -H=tcp://HOST:2376 ps`, or `DOCKER_HOST`, `DOCKER_TLS_VERIFY=1` and `DOCKER_CERT_PATH` (default `~/.docker`)\n\nThe client checks that the server’s certificate comes from the CA and names the address it dialled; the daemon refuses a client without a certificate from its CA.',
      questions: [
        {
          prompt: 'Which three files does the docker CLI need for mutual TLS on 2376?',
          choices: [
            {
              text: 'ca.pem, cert.pem, key.pem (the CA, its client certificate and key)',
              correct: true,
            },
            { text: 'ca.pem, server-cert.pem, server-key.pem', correct: false },
            { text: 'ca.pem and ca-key.pem', correct: false },
            { text: 'only ca.pem', correct: false },
          ],
          explanation:
            'The client trusts the CA (ca.pem) and proves itself with its own certificate and key. server-cert.pem and server-key.pem stay on the daemon. The CA’s key is needed only to sign certificates: keep it off both.',
        },
        {
          prompt: 'Why must the server certificate name the host (for example `IP:127.0.0.1`)?',
          choices: [
            {
              text: 'The client checks the name it dialled against the certificate, or it refuses the server',
              correct: true,
            },
            { text: 'dockerd reads its listening address from it', correct: false },
            { text: 'It does not matter with --tlsverify', correct: false },
          ],
          explanation:
            'Without a matching name the client stops with an x509 error, such as `cannot validate certificate for 127.0.0.1 because it doesn’t contain any IP SANs`.',
        },
      ],
    },
    {
      id: 'typical-errors',
      narration:
        'What the real CLI prints when a piece is missing:\n\n- plain HTTP to the TLS port (no `--tlsverify`): `Error response from daemon: Client sent an HTTP request to an HTTPS server.`\n- `--tlsverify` without a client certificate: `error during connect: Get "https://…": remote error: tls: certificate required`\n- the client does not trust the server’s CA: `tls: failed to verify certificate: x509: certificate signed by unknown authority`\n- TLS to the plain port: `http: server gave HTTP response to HTTPS client`',
      questions: [
        {
          prompt:
            '`docker -H tcp://host:2376 ps` prints `Client sent an HTTP request to an HTTPS server.` What is missing?',
          choices: [
            { text: 'The client’s TLS options: `--tlsverify` and the three files', correct: true },
            { text: 'The daemon’s TLS options', correct: false },
            { text: 'The right port: it should be 2375', correct: false },
          ],
          explanation:
            'The daemon speaks TLS on 2376 and received plain HTTP. Add `--tlsverify --tlscacert --tlscert --tlskey`, or set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH. Dropping to 2375 would “work” only by giving up the protection.',
        },
      ],
    },
    {
      id: 'your-own-cli',
      narration:
        'You can drive this same simulation with your own docker CLI (no Docker daemon needed). In the project folder run `npm run bridge`: it serves the Engine API on 127.0.0.1, plain on 2375 and mutual TLS on 2376, makes a CA and certificates in `.bridge/certs` on first start, and prints the commands to use (with the folder’s full path). From the project folder they read:\n\n- `docker -H tcp://127.0.0.1:2375 ps`\n- `docker --tlsverify --tlscacert .bridge/certs/ca.pem --tlscert .bridge/certs/cert.pem --tlskey .bridge/certs/key.pem -H tcp://127.0.0.1:2376 ps`\n- `export DOCKER_HOST=tcp://127.0.0.1:2376 DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH=$PWD/.bridge/certs`\n\nOpen the app with `?bridge=http://127.0.0.1:2375` (or Connect to bridge) to watch your requests go through dockerd, containerd, the shim and runc.',
    },
  ],
};
