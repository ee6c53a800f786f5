/**
 * Lesson 12: Kubernetes without dockerd. dockershim left the kubelet in Kubernetes 1.24; the
 * kubelet talks CRI (gRPC) to containerd's CRI plugin, which runs one containerd-shim-runc-v2
 * per pod and, in it, a pause container holding the pod's namespaces (network via CNI), then
 * the app's containers. Deployment -> ReplicaSet -> Pods; a powered-off node is NotReady after
 * the node-monitor grace (50 s) and its pods are evicted 300 s later and made again elsewhere.
 * True to FACTS.md §0 (orchestration row), §2 (one shim per pod, namespaces), §4 (timeline:
 * dockershim) and §7 (Kubernetes); the timings are those of src/sim/kube/defaults.ts.
 */
import type { LessonInput } from '../schema';

export const kubernetes: LessonInput = {
  schemaVersion: 1,
  id: 'kubernetes',
  title: 'Kubernetes without dockerd',
  summary:
    'The kubelet talks CRI to containerd, not to Docker. Create a Deployment, look inside a pod (one shim, a pause container), and power off a node to see when Kubernetes gives up on its pods.',
  level: 'intermediate',
  minutes: 20,
  start: { world: 'kubernetes', workers: 2, setup: [] },
  steps: [
    {
      id: 'no-docker',
      narration:
        'This terminal is your laptop: `kubectl` sends requests to the API server on the control-plane node. The nodes run no Docker Engine. The kubelet, the agent on each node, talks **CRI**, a gRPC API, to a container runtime; here that is containerd, through its built-in CRI plugin. Docker Engine does not speak CRI: the kubelet’s adapter for it, dockershim, was removed in Kubernetes **1.24**.',
      run: ['docker ps', 'kubectl get nodes -o wide'],
      questions: [
        {
          prompt: 'On these nodes, what does the kubelet call to start a pod’s containers?',
          choices: [
            { text: 'dockerd, through the Engine API', correct: false },
            { text: 'containerd’s CRI plugin, through CRI (gRPC)', correct: true },
            { text: 'runc, directly', correct: false },
          ],
          explanation:
            'Since 1.24 the kubelet only speaks CRI. containerd (as the CONTAINER-RUNTIME column shows) and CRI-O implement it; Docker Engine can still be used only through the separate cri-dockerd adapter.',
        },
      ],
    },
    {
      id: 'deployment',
      narration:
        'A **Deployment** is desired state, like a Swarm service: an image and a number of replicas. The API server stores it; controllers in the control plane make it true, the scheduler picks a node for each pod, and that node’s kubelet runs it.',
      task: {
        goal: 'Create a Deployment `web` that runs 3 replicas of nginx.',
        check: { kind: 'deployment', name: 'web', ready: 3 },
        hints: [
          '`kubectl create deployment NAME --image=IMAGE --replicas=N`',
          '`kubectl create deployment web --image=nginx --replicas=3`',
        ],
        solution: ['kubectl create deployment web --image=nginx --replicas=3'],
        par: 1,
      },
    },
    {
      id: 'three-layers',
      narration:
        'The Deployment did not create pods itself: it created a **ReplicaSet** (`web-` and a hash of the pod template), and the ReplicaSet created the **Pods** (that name, a dash and a random suffix). The ReplicaSet keeps the number of pods: delete them all and it makes new ones at once, with new names.',
      run: ['kubectl get all', 'kubectl delete pods --all', 'kubectl get pods -o wide'],
      questions: [
        {
          prompt: 'Which object noticed the deleted pods and created new ones?',
          choices: [
            { text: 'The Deployment', correct: false },
            { text: 'The ReplicaSet', correct: true },
            { text: 'The kubelet of the node the pods ran on', correct: false },
          ],
          explanation:
            'A ReplicaSet keeps the desired number of pods running and replaces those that go. The Deployment manages ReplicaSets (a new one for each change of the pod template, for rolling updates); the kubelet only runs the pods bound to its own node.',
        },
      ],
    },
    {
      id: 'inside-a-pod',
      narration:
        'For each pod its kubelet makes CRI calls: **RunPodSandbox**, then PullImage, CreateContainer and StartContainer. RunPodSandbox starts one **containerd-shim-runc-v2** for the pod and, through runc, a tiny **pause** container that holds the namespaces the pod’s containers share; the CRI plugin gives its network namespace the pod’s IP through CNI. nginx is then started by the same shim, inside those namespaces: select a worker’s card in the cluster view to see them.',
      task: {
        goal: 'Scale web to 5 replicas and watch the CRI calls that start the new pods.',
        check: { kind: 'deployment', name: 'web', ready: 5 },
        hints: [
          '`kubectl scale deployment NAME --replicas=N`',
          '`kubectl scale deployment web --replicas=5`',
        ],
        solution: ['kubectl scale deployment web --replicas=5'],
        par: 1,
      },
      questions: [
        {
          prompt:
            'A worker runs 3 pods of web, one nginx container each. How many containerd-shim-runc-v2 processes serve them?',
          choices: [
            { text: '1, one per node', correct: false },
            { text: '3, one per pod', correct: true },
            { text: '6, one per container, pause containers included', correct: false },
          ],
          explanation:
            'The runc v2 shim groups containers by their sandbox ID, so a pod’s pause container and app containers share one shim. Docker sets no such group, so under Docker there is one shim per container. These containers live in containerd’s `k8s.io` namespace; Docker’s are in `moby`.',
        },
        {
          prompt: 'Old notes say “containerd handles networking”. Which is right?',
          choices: [
            { text: 'Yes: containerd sets up the networks of Docker containers', correct: false },
            {
              text: 'Only its CRI plugin does, for pods, through CNI plugins; Docker’s networks are made by dockerd (libnetwork)',
              correct: true,
            },
          ],
          explanation:
            'containerd lists networking as out of its scope. The exception is the CRI plugin used by Kubernetes, which sets up pod networks through CNI; under Docker, libnetwork inside dockerd creates bridges, veths and firewall rules.',
        },
      ],
    },
    {
      id: 'node-lost',
      narration:
        'Each kubelet renews its node’s Lease every 10 s. When a lease is about 50 s old, the node controller marks the node **NotReady** and taints it unreachable; its pods show 0/1 ready but are not replaced yet. Pods tolerate that taint for **300 s** by default; only then are they evicted, and their ReplicaSet makes new ones on a node that is up.',
      run: [
        { fault: 'powerOff', node: 'worker-1' },
        'sleep 60',
        'kubectl get nodes',
        'kubectl get pods -o wide',
      ],
      task: {
        goal: 'Leave worker-1 off and wait until web has 5 ready pods again.',
        check: { kind: 'deployment', name: 'web', ready: 5 },
        hints: [
          'There is nothing to type but time: `sleep 60`, and `kubectl get pods -o wide` now and then.',
          'Five minutes is long: the **+5 min** button of the cluster’s clock lets them pass at once.',
        ],
        solution: ['sleep 360'],
      },
    },
    {
      id: 'back-again',
      narration:
        'The evicted pods stayed Terminating: only worker-1’s kubelet can confirm they are gone. Power it back on and it does so, and the node is Ready again. Like Swarm, Kubernetes does not move running pods back: worker-1 runs no pod of web until new ones are scheduled.',
      run: [
        'kubectl get pods -o wide',
        { fault: 'restore', node: 'worker-1' },
        'sleep 15',
        'kubectl get nodes',
        'kubectl get pods -o wide',
      ],
      questions: [
        {
          prompt:
            'A machine loses power. How long, with the defaults, before its work is running elsewhere?',
          choices: [
            {
              text: 'Swarm: about 15 s (heartbeat grace). Kubernetes: about 50 s to NotReady, then 300 s more',
              correct: true,
            },
            { text: 'Both at once: the machine reports that it is shutting down', correct: false },
            { text: 'Neither: someone must reschedule the work by hand', correct: false },
          ],
          explanation:
            'A machine without power tells nobody, so both wait for silence. Swarm replaces a Down node’s tasks at once; Kubernetes first marks the node NotReady and then lets pods tolerate the unreachable taint for 300 s before it evicts them.',
        },
      ],
    },
  ],
};
