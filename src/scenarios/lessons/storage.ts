/**
 * Lesson 10: volumes and networks. A named volume outlives `docker rm`; the default bridge
 * (docker0) has no name resolution, a user-defined bridge has dockerd's embedded DNS server
 * (127.0.0.11); `-p` publishes a port on the host, and a host port can be taken only once.
 * Corrects the seed notes' claim that containerd does networking: dockerd's libnetwork does.
 * True to FACTS.md §8 (networking: the default `bridge`/`docker0`, names only on user-defined
 * bridges, all done by dockerd/libnetwork; port publishing: all host addresses unless an IP is
 * given, "insecure by default"; storage: volumes under /var/lib/docker/volumes persist after
 * `docker rm`, named volumes are never removed automatically, anonymous ones only with `--rm`
 * or `rm -v`), §2 (containerd's SCOPE.md puts networking and volumes out of scope) and §3
 * (dockerd manages networks and volumes). FACTS.md does not name 127.0.0.11: the embedded DNS
 * server's address is from Docker's networking docs ("Embedded DNS server", since 1.10).
 */
import type { LessonInput } from '../schema';

export const volumesNetworks: LessonInput = {
  schemaVersion: 1,
  id: 'volumes-networks',
  title: 'Volumes and networks',
  summary:
    'Keep data in a named volume that outlives its container, see why containers on the default bridge cannot find each other by name, give them a network with DNS, and publish a port.',
  level: 'beginner',
  minutes: 12,
  start: { era: 'modern', liveRestore: false, setup: [] },
  steps: [
    {
      id: 'named-volume',
      narration:
        'A container’s writable layer is deleted with the container. A **volume** is storage that dockerd creates and manages apart from any container (under `/var/lib/docker/volumes`, with the `local` driver); `-v NAME:/path` mounts it into the container, creating it if it does not exist yet. Redis keeps its data in `/data`.',
      task: {
        goal: 'Run redis in the background as `db`, with a named volume `dbdata` mounted at /data.',
        check: {
          kind: 'all',
          checks: [
            { kind: 'volume', name: 'dbdata', present: true },
            { kind: 'container', name: 'db', state: 'running' },
          ],
        },
        hints: [
          '`-v dbdata:/data` mounts the volume `dbdata` at /data.',
          '`docker run -d --name db -v dbdata:/data redis`',
        ],
        solution: ['docker run -d --name db -v dbdata:/data redis'],
        par: 1,
      },
    },
    {
      id: 'survives-rm',
      narration:
        'Write a file into the volume, then remove the container with `docker rm -f`. The container is gone, but `docker volume ls` still lists `dbdata`: a **named volume is never removed automatically**. (An anonymous volume, from `-v /data` with no name, is removed with its container only by `docker run --rm` or `docker rm -v`.)',
      run: [
        "docker exec db sh -c 'echo keep > /data/keep.txt'",
        'docker rm -f db',
        'docker volume ls',
      ],
      task: {
        goal: 'Start a new redis container `db2` on the same volume, and read /data/keep.txt in it.',
        check: {
          kind: 'all',
          checks: [
            { kind: 'noContainer', name: 'db' },
            { kind: 'volume', name: 'dbdata', present: true },
            { kind: 'container', name: 'db2', state: 'running' },
          ],
        },
        hints: [
          'Mount `dbdata` at /data again, in a container named db2.',
          '`docker run -d --name db2 -v dbdata:/data redis`, then `docker exec db2 cat /data/keep.txt`.',
        ],
        solution: [
          'docker run -d --name db2 -v dbdata:/data redis',
          'docker exec db2 cat /data/keep.txt',
        ],
        par: 2,
      },
      questions: [
        {
          prompt: 'Which data is gone after `docker rm -f db2`?',
          choices: [
            { text: 'The files in the volume dbdata', correct: false },
            { text: 'Files db2 wrote outside its volumes, in its writable layer', correct: true },
            { text: 'Both', correct: false },
          ],
          explanation:
            'The writable layer belongs to the container and is deleted with it. The named volume stays until you remove it with `docker volume rm` (or prune it).',
        },
      ],
    },
    {
      id: 'default-bridge',
      narration:
        'Networking is **dockerd’s** job: its libnetwork library creates the bridges, the veth pairs and the firewall rules. The old notes that credit containerd with networking are wrong: containerd lists networking as out of scope (only its CRI plugin, for Kubernetes, sets up pod networks through CNI).\n\nWhen dockerd starts it creates the default network `bridge` (the Linux bridge `docker0`), and a container joins it unless told otherwise. On the default bridge, containers reach each other **only by IP address**: the container’s `/etc/resolv.conf` just lists the host’s name servers, which know nothing of containers.',
      run: [
        'docker network ls',
        'docker run -d --name a1 alpine sleep 1000',
        'docker exec a1 cat /etc/resolv.conf',
      ],
    },
    {
      id: 'user-defined-bridge',
      narration:
        'A **user-defined bridge**, made with `docker network create`, is what Docker recommends: only the containers you attach share it, and they can find each other **by name**. `--network` attaches a container to it when it is created.',
      task: {
        goal: 'Create a bridge network `appnet` and run redis on it in the background as `cache`.',
        check: {
          kind: 'all',
          checks: [
            { kind: 'attached', name: 'cache', network: 'appnet' },
            { kind: 'container', name: 'cache', state: 'running' },
          ],
        },
        hints: [
          '`docker network create appnet`',
          '`docker run -d --name cache --network appnet redis`',
        ],
        solution: [
          'docker network create appnet',
          'docker run -d --name cache --network appnet redis',
        ],
        par: 2,
      },
    },
    {
      id: 'embedded-dns',
      narration:
        'Start a second container on `appnet` and read its `/etc/resolv.conf`: its name server is **127.0.0.11**, dockerd’s embedded DNS server. It answers with the addresses of the containers on the same network, by the names listed in `DNSNames` (the container’s name and short ID), and forwards every other name to the host’s name servers. So `api` can reach `cache` at `cache:6379` while `a1`, on the default bridge, cannot resolve `cache` at all.',
      run: [
        'docker run -d --name api --network appnet alpine sleep 1000',
        'docker exec api cat /etc/resolv.conf',
        "docker inspect -f '{{json .NetworkSettings.Networks.appnet.DNSNames}}' cache",
      ],
      questions: [
        {
          prompt: 'Two containers on the default bridge need to talk. What works?',
          choices: [
            { text: 'Each other’s container name: Docker’s DNS resolves it', correct: false },
            {
              text: 'Each other’s IP address, or better, putting both on a user-defined network',
              correct: true,
            },
            { text: 'Nothing: containers on the default bridge are isolated', correct: false },
          ],
          explanation:
            'The default bridge has no name resolution between containers; they reach each other by IP only. On a user-defined bridge, the embedded DNS server (127.0.0.11) resolves container names.',
        },
      ],
    },
    {
      id: 'publish-ports',
      narration:
        'Containers are not reachable from outside the host unless you **publish** a port: `-p 8080:80` has dockerd set up NAT rules that send host port 8080, on all the host’s addresses (IPv4 and IPv6), to port 80 in the container; `-p 127.0.0.1:8080:80` limits it to the host itself. A host port can be published only once on the same address, so a second `-p 8080:…` fails and its container is left **Created**. Note that `cache` shows `6379/tcp` unpublished: reachable on its network, not from outside.',
      run: [
        'docker run -d --name web -p 8080:80 nginx',
        'docker run -d --name web2 -p 8080:80 nginx',
        "docker ps -a --format '{{.Names}}  {{.Status}}  {{.Ports}}'",
      ],
      task: {
        goal: 'Get `web2` running, publishing container port 80 on host port 8081.',
        check: { kind: 'published', name: 'web2', hostPort: 8081 },
        hints: [
          'The failed web2 still exists, in the Created state: remove it first.',
          '`docker rm web2`, then `docker run -d --name web2 -p 8081:80 nginx`.',
        ],
        solution: ['docker rm web2', 'docker run -d --name web2 -p 8081:80 nginx'],
        par: 2,
      },
    },
  ],
};
