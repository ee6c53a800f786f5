/**
 * Lesson 11: Swarm orchestration. A service is a desired state kept by the managers (Raft);
 * the orchestrator and the scheduler on the leader turn it into tasks, one container each;
 * a powered-off worker is marked Down after the heartbeat grace and its task is replaced by a
 * new one elsewhere (never moved, never moved back); 3 managers tolerate 1 failure, and with
 * 2 of 3 down there is no leader: nothing changes, but running containers keep running.
 * True to FACTS.md §7 (Orchestration: Swarm mode, Quorum); the heartbeat timings are
 * SwarmKit's dispatcher defaults (src/sim/cluster/defaults.ts).
 */
import type { LessonInput } from '../schema';

export const swarm: LessonInput = {
  schemaVersion: 1,
  id: 'swarm',
  title: 'Swarm: desired state, failures and quorum',
  summary:
    'A service is a desired state that the managers keep true. Scale it, power off a worker and see its task replaced, then lose two of three managers and see what still works.',
  level: 'intermediate',
  minutes: 20,
  start: { world: 'swarm', managers: 3, workers: 2, setup: [] },
  steps: [
    {
      id: 'desired-state',
      narration:
        'This terminal is on **node-1**, one of three managers; node-4 and node-5 are workers, and by default managers run tasks too. In Swarm you do not start containers one by one: you declare a **service**, a desired state (an image, a number of replicas), and the managers keep it in the cluster state they replicate with Raft.',
      run: ['docker node ls'],
      task: {
        goal: 'Create a service `web` that runs 3 replicas of nginx.',
        check: { kind: 'service', name: 'web', running: 3 },
        hints: [
          '`docker service create` takes `--name`, `--replicas` and an image.',
          '`docker service create --name web --replicas 3 nginx`',
        ],
        solution: ['docker service create --name web --replicas 3 nginx'],
        par: 1,
      },
    },
    {
      id: 'a-task-per-replica',
      narration:
        'On the leader, the **orchestrator** compared desired (3) with actual (0) and created one **task** per replica; the **scheduler** gave each task a node; each node’s agent then ran it through its own dockerd, containerd and runc. A task is exactly one container. `docker service ps` lists the tasks of the whole swarm; `docker ps` on node-1 shows only node-1’s own container, named after its task.',
      run: ['docker service ps web', 'docker ps'],
      questions: [
        {
          prompt: 'What is a Swarm task?',
          choices: [
            {
              text: 'A container that the swarm moves from node to node as needed',
              correct: false,
            },
            { text: 'Exactly one container, for one replica, assigned to one node', correct: true },
            { text: 'A copy of the service definition kept on each manager', correct: false },
          ],
          explanation:
            'A task is the atomic scheduling unit: one container on one node. When a task fails or its node is lost, the orchestrator creates a new task; the old one is never moved.',
        },
      ],
    },
    {
      id: 'scale',
      narration:
        'Scaling changes only the desired state. The orchestrator sees 5 wanted and 3 there and creates two tasks; the scheduler prefers the nodes that run the fewest tasks of the service, so the new ones go to the idle workers.',
      task: {
        goal: 'Scale web to 5 replicas.',
        check: { kind: 'service', name: 'web', running: 5 },
        hints: ['`docker service scale NAME=N`', '`docker service scale web=5`'],
        solution: ['docker service scale web=5'],
        par: 1,
      },
    },
    {
      id: 'worker-down',
      narration:
        'Each node’s agent sends the managers a heartbeat about every 5 s. A node that stays silent for three periods (some 15 s) is marked **Down**; until then `docker node ls` still shows it Ready. A machine that loses power gets no chance to say goodbye.',
      task: {
        goal: 'Power off the worker node-5 and wait until the swarm marks it Down.',
        check: { kind: 'node', node: 'node-5', state: 'down' },
        hints: [
          'Select node-5 in the cluster view: its **Power off** button cuts the machine at once.',
          'Then let time pass (`sleep 25`) and look with `docker node ls`.',
        ],
        solution: [{ fault: 'powerOff', node: 'node-5' }, 'sleep 25'],
        par: 2,
      },
    },
    {
      id: 'rescheduled',
      narration:
        'With node-5 Down, the orchestrator counted 4 running tasks for 5 wanted and created a **new** task for slot 5, on a live node. The old task stays in the history with desired state Shutdown; its current state still says Running, because node-5 cannot report. Nothing moves back later either: Swarm does not rebalance running tasks, it only places new ones.',
      run: ['docker service ps web'],
      task: {
        goal: 'Power node-5 back on, then scale web to 6 replicas.',
        check: {
          kind: 'all',
          checks: [
            { kind: 'node', node: 'node-5', state: 'ready' },
            { kind: 'service', name: 'web', running: 6 },
          ],
        },
        hints: [
          'Select node-5 in the cluster view and press **Restore** to power it on.',
          'When `docker node ls` shows it Ready again: `docker service scale web=6`.',
        ],
        solution: [
          { fault: 'restore', node: 'node-5' },
          'sleep 5',
          'docker node ls',
          'docker service scale web=6',
        ],
        par: 4,
      },
      questions: [
        {
          prompt:
            'node-5 is back and runs nothing, while another node runs the replacement for slot 5. What does Swarm do with that replacement?',
          choices: [
            { text: 'It moves it back to node-5 as soon as node-5 is Ready', correct: false },
            { text: 'Nothing: it keeps running where it is', correct: true },
            { text: 'It stops it, since the old task on node-5 is running again', correct: false },
          ],
          explanation:
            'Swarm does not rebalance running tasks. The old container on node-5 died with the power, and its task was shut down when node-5 reported in; only new tasks, like the sixth replica, are placed on the idle node.',
        },
      ],
    },
    {
      id: 'quorum',
      narration:
        'Scaled once node-5 was Ready, the sixth task went to node-5, which ran the fewest. Now the managers: every change (a new service, a scale, a node marked Down) needs a **majority** of them to agree through Raft. With 3 managers the majority is 2, so one may fail: power off node-3 and node-1 stays leader. Power off node-2 as well and there is no majority, so no leader.',
      run: [
        'docker node ps node-5',
        { fault: 'powerOff', node: 'node-3' },
        'sleep 20',
        'docker node ls',
        { fault: 'powerOff', node: 'node-2' },
        'sleep 20',
        'docker service ls',
        'docker ps',
      ],
      questions: [
        {
          prompt:
            'Without a leader, `docker service ls` fails. What happens to the containers already running?',
          choices: [
            { text: 'They are stopped until a leader is elected', correct: false },
            { text: 'They keep running; only changes to the swarm are impossible', correct: true },
            { text: 'They are moved to the remaining manager', correct: false },
          ],
          explanation:
            'Losing quorum stops the managers from changing the cluster state: nothing can be created, scaled or updated, and lost nodes are not even marked Down. The containers on live machines are not touched: `docker ps` on node-1 still lists them.',
        },
        {
          prompt: 'A swarm has 5 managers. How many can fail while it still accepts changes?',
          choices: [
            { text: '1', correct: false },
            { text: '2', correct: true },
            { text: '3', correct: false },
            { text: '4', correct: false },
          ],
          explanation:
            'N managers tolerate (N − 1) / 2 failures, rounded down: 3 tolerate 1, 5 tolerate 2, 7 tolerate 3. An even number adds nothing: 4 managers still tolerate only 1, which is why odd numbers are recommended.',
        },
      ],
    },
    {
      id: 'regain-quorum',
      narration:
        'A majority of 3 is 2, so one manager back is enough: the Raft members hold an election (this takes some seconds, since election timeouts are randomised) and the swarm can change again. If managers are lost for good, `docker swarm init --force-new-cluster` on a surviving manager restarts the swarm from its copy of the state, with itself as the only manager.',
      task: {
        goal: 'Bring one manager back and, once there is a leader, create a service `api` with 2 replicas of nginx.',
        check: { kind: 'service', name: 'api', running: 2 },
        hints: [
          'Select node-2 (or node-3) and press **Restore**.',
          'Wait until `docker node ls` answers again.',
          '`docker service create --name api --replicas 2 nginx`',
        ],
        solution: [
          { fault: 'restore', node: 'node-2' },
          'sleep 20',
          'docker node ls',
          'docker service create --name api --replicas 2 nginx',
        ],
        par: 4,
      },
    },
  ],
};
