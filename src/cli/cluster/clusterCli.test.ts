/**
 * The in-app docker CLI on the terminals of a simulated Swarm cluster (src/sim/cluster): each
 * machine's shell talks to the cluster through `clusterHostPort`, so `docker swarm init` on
 * node-1, `docker swarm join` on the others, then `docker service ...` print what the real CLI
 * prints while the managers schedule, start, drain and roll back tasks as virtual time passes.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../sim/cluster/cluster';
import { clusterHostPort } from './hostPort';
import { SwarmShell } from './testing';

const BAR = `[${'='.repeat(50)}>]`;

/** A 3-machine swarm: node-1 the manager, node-2 and node-3 workers; one shell per machine. */
function swarmOfThree() {
  const cluster = new Cluster({ seed: 'cli', nodes: 3 });
  const shell = (node: string) =>
    new SwarmShell(clusterHostPort(cluster, node), (ms) => cluster.advance(ms), 120);
  const [manager, worker, other] = [shell('node-1'), shell('node-2'), shell('node-3')];
  const init = manager.run('docker swarm init --advertise-addr 10.0.0.11');
  const token = manager.run('docker swarm join-token -q worker').stdout.trim();
  const joins = [worker, other].map((t) =>
    t.run(`docker swarm join --token ${token} 10.0.0.11:2377`),
  );
  cluster.advance(3000);
  return { cluster, manager, worker, other, init, token, joins };
}

describe('docker swarm on a cluster', () => {
  it('init prints the worker join command with the real token and address; joins say worker', () => {
    const { init, token, joins } = swarmOfThree();
    expect(token).toMatch(/^SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25}$/);
    expect(init.stdout).toMatch(
      /^Swarm initialized: current node \([0-9a-z]{25}\) is now a manager\.\n\nTo add a worker to this swarm, run the following command:\n\n {4}docker swarm join --token SWMTKN-1-\S+ 10\.0\.0\.11:2377\n\nTo add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions\.\n$/,
    );
    expect(init.stdout).toContain(token);
    for (const join of joins) expect(join.stdout).toBe('This node joined a swarm as a worker.\n');
  });

  it('node ls on the manager marks itself; on a worker the daemon refuses', () => {
    const { manager, worker } = swarmOfThree();
    const lines = manager.run('docker node ls').stdout.split('\n');
    expect(lines[0]).toBe(
      'ID                            HOSTNAME   STATUS    AVAILABILITY   MANAGER STATUS   ENGINE VERSION',
    );
    expect(lines[1]).toMatch(/^[0-9a-z]{25} \* {3}node-1 {5}Ready {5}Active {9}Leader {11}\S+$/);
    expect(lines[2]).toMatch(/^[0-9a-z]{25} {5}node-2 {5}Ready {5}Active {26}\S+$/);
    const refused = worker.run('docker node ls');
    expect(refused.stderr).toMatch(
      /^Error response from daemon: This node is not a swarm manager\. Worker nodes can't be used to view or modify cluster state\./,
    );
    expect(refused.status).toBe(1);
  });
});

describe('docker service on a cluster', () => {
  it('create waits as the tasks start on the nodes, then ls and ps show them', () => {
    const { manager } = swarmOfThree();
    const created = manager.run(
      'docker service create --name web --replicas 3 -p 8080:80 nginx',
      60_000,
    );
    expect(created.busy).toBe(false);
    expect(created.status).toBe(0);
    expect(created.screen.slice(1)).toEqual([
      'overall progress: 3 out of 3 tasks',
      `1/3: running   ${BAR}`,
      `2/3: running   ${BAR}`,
      `3/3: running   ${BAR}`,
      `verify: Service ${created.screen[0]} converged`,
    ]);
    expect(manager.run('docker service ls').stdout.split('\n')[1]).toMatch(
      /^[0-9a-z]{12} {3}web {7}replicated {3}3\/3 {8}nginx:latest {3}\*:8080->80\/tcp$/,
    );
    const ps = manager.run('docker service ps web').stdout.split('\n');
    expect(ps.slice(1, 4).map((l) => l.split(/\s{2,}/).slice(1, 5))).toEqual([
      ['web.1', 'nginx:latest', 'node-1', 'Running'],
      ['web.2', 'nginx:latest', 'node-2', 'Running'],
      ['web.3', 'nginx:latest', 'node-3', 'Running'],
    ]);
  });

  it('draining a node moves its task: the old one stays as history under \\_', () => {
    const { cluster, manager } = swarmOfThree();
    manager.run('docker service create --name web --replicas 3 nginx', 60_000);
    expect(manager.run('docker node update --availability drain node-3').stdout).toBe('node-3\n');
    cluster.advance(10_000);
    const ps = manager.run('docker service ps web').stdout;
    expect(ps).toMatch(/ \\_ web\.3 {3}nginx:latest {3}node-3 {4}Shutdown {8}Shutdown /);
    expect(manager.run('docker node ps node-3').stdout).toMatch(/web\.3 .* Shutdown /);
  });

  it('scale converges; an update to a missing image pauses; rollback restores it', () => {
    const { manager } = swarmOfThree();
    manager.run('docker service create --name web --replicas 2 nginx', 60_000);
    const scaled = manager.run('docker service scale web=4', 60_000);
    expect(scaled.screen[0]).toBe('web scaled to 4');
    expect(scaled.screen.at(-1)).toBe('verify: Service web converged');
    const updated = manager.run('docker service update --image nginx:0.0-missing web', 120_000);
    expect(updated.stderr).toMatch(
      /service update paused: update paused due to failure or early termination of task [0-9a-z]{25}\n$/,
    );
    expect(updated.status).toBe(1);
    const rolled = manager.run('docker service rollback web', 120_000);
    expect(rolled.screen.slice(0, 3)).toEqual([
      'web',
      'rollback: manually requested rollback',
      'overall progress: rolling back update: 4 out of 4 tasks',
    ]);
    expect(rolled.screen.at(-1)).toBe('verify: Service web converged');
    expect(manager.run('docker service ls').stdout).toContain(
      'replicated   4/4        nginx:latest',
    );
  });

  it('the session is in the cluster log: replaying it gives the same trace', () => {
    const { cluster, manager } = swarmOfThree();
    manager.run('docker service create --name web --replicas 2 nginx', 60_000);
    manager.run('docker service rm web');
    const again = Cluster.replay(cluster.options, cluster.log);
    expect([...again.trace].map((e) => e.label)).toEqual([...cluster.trace].map((e) => e.label));
    expect(cluster.log.some((l) => l.input.kind === 'typed')).toBe(true);
  });
});
