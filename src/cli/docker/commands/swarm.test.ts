/**
 * `docker swarm ...` and `docker node ...` against a scripted swarm manager (FakeSwarm): the
 * requests equal the real CLI's (ENGINE-API.md, cli-transcript.txt) and the output is the
 * real CLI's, word for word. On a single host with no swarm, every swarm command gets
 * dockerd's 503 text.
 */
import { describe, expect, it } from 'vitest';
import { fakeSwarmShell } from '../../cluster/testing';
import { ShellHarness } from '../../shell/testing';

const V = '/v1.51';
const NOT_MANAGER =
  'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n';

function initialised() {
  const made = fakeSwarmShell();
  made.t.run('docker swarm init');
  return made;
}

describe('docker swarm init', () => {
  it('sends init, reads the node and the tokens, and prints the join command', () => {
    const { t } = fakeSwarmShell();
    const r = t.run('docker swarm init');
    expect(r.requests).toEqual([
      'HEAD /_ping',
      `POST ${V}/swarm/init`,
      `GET ${V}/nodes/n1aaaaaaaaaaaaaaaaaaaaaaa`,
      `GET ${V}/swarm`,
    ]);
    expect(r.stdout).toBe(
      'Swarm initialized: current node (n1aaaaaaaaaaaaaaaaaaaaaaa) is now a manager.\n\n' +
        'To add a worker to this swarm, run the following command:\n\n' +
        '    docker swarm join --token SWMTKN-1-worker 10.0.0.11:2377\n\n' +
        "To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.\n",
    );
    expect(r.status).toBe(0);
  });

  it('refuses a bad --availability before sending anything', () => {
    const { t } = fakeSwarmShell();
    const r = t.run('docker swarm init --availability sleepy');
    expect(r.stderr).toBe(
      'invalid availability "sleepy", only active, pause and drain are supported\n',
    );
    expect(r.requests).toEqual(['HEAD /_ping']);
  });
});

describe('docker swarm join-token and leave', () => {
  it('-q prints only the token; without it, the join command for the role', () => {
    const { t } = initialised();
    expect(t.run('docker swarm join-token -q worker').stdout).toBe('SWMTKN-1-worker\n');
    const r = t.run('docker swarm join-token manager');
    expect(r.stdout).toBe(
      'To add a manager to this swarm, run the following command:\n\n    docker swarm join --token SWMTKN-1-manager 10.0.0.11:2377\n\n',
    );
    expect(r.requests).toEqual([
      'HEAD /_ping',
      `GET ${V}/swarm`,
      `GET ${V}/info`,
      `GET ${V}/nodes/n1aaaaaaaaaaaaaaaaaaaaaaa`,
      `GET ${V}/swarm`,
    ]);
  });

  it('a manager leaving gets dockerd refusal; --force leaves', () => {
    const { t } = initialised();
    const refused = t.run('docker swarm leave');
    expect(refused.stderr).toMatch(
      /^Error response from daemon: You are attempting to leave the swarm on a node that is participating as a manager\./,
    );
    expect(refused.status).toBe(1);
    const left = t.run('docker swarm leave --force');
    expect(left.requests).toEqual(['HEAD /_ping', `POST ${V}/swarm/leave?force=1`]);
    expect(left.stdout).toBe('Node left the swarm.\n');
  });
});

describe('docker node ls', () => {
  it('lists nodes by hostname with * on this node, after GET /nodes and GET /info', () => {
    const { t } = initialised();
    const r = t.run('docker node ls');
    expect(r.requests).toEqual(['HEAD /_ping', `GET ${V}/nodes`, `GET ${V}/info`]);
    expect(r.stdout).toBe(
      [
        'ID                            HOSTNAME   STATUS    AVAILABILITY   MANAGER STATUS   ENGINE VERSION',
        'n1aaaaaaaaaaaaaaaaaaaaaaa *   node-1     Ready     Active         Leader           28.2.2',
        'n2bbbbbbbbbbbbbbbbbbbbbbb     node-2     Ready     Active                          28.2.2',
        'n3ccccccccccccccccccccccc     node-3     Ready     Active                          28.2.2',
        '',
      ].join('\n'),
    );
  });

  it('-q prints full IDs without asking /info; --format uses the Go template', () => {
    const { t } = initialised();
    const quiet = t.run('docker node ls -q');
    expect(quiet.requests).toEqual(['HEAD /_ping', `GET ${V}/nodes`]);
    expect(quiet.stdout.split('\n')[0]).toBe('n1aaaaaaaaaaaaaaaaaaaaaaa');
    const formatted = t.run("docker node ls --format '{{.Hostname}} {{.Self}}'");
    expect(formatted.stdout).toBe('node-1 true\nnode-2 false\nnode-3 false\n');
  });
});

describe('docker node promote, demote, update, rm', () => {
  it('promote reads the node and writes its spec back with the version', () => {
    const { t } = initialised();
    const r = t.run('docker node promote node-2');
    expect(r.requests).toEqual([
      'HEAD /_ping',
      `GET ${V}/nodes/node-2`,
      `POST ${V}/nodes/n2bbbbbbbbbbbbbbbbbbbbbbb/update?version=9`,
    ]);
    expect(r.stdout).toBe('Node node-2 promoted to a manager in the swarm.\n');
    expect(t.run('docker node promote node-2').stdout).toBe(
      'Node n2bbbbbbbbbbbbbbbbbbbbbbb is already a manager.\n',
    );
    expect(t.run('docker node demote node-2').stdout).toBe(
      'Manager node-2 demoted in the swarm.\n',
    );
  });

  it('update --availability drain prints the node as named; ls shows Drain', () => {
    const { t } = initialised();
    expect(t.run('docker node update --availability drain node-3').stdout).toBe('node-3\n');
    expect(t.run('docker node ls').stdout).toContain('node-3     Ready     Drain');
  });

  it('update --label-rm of a missing label is the CLI own error', () => {
    const { t } = initialised();
    const r = t.run('docker node update --label-rm zone node-2');
    expect(r.stderr).toBe("key zone doesn't exist in node's labels\n");
    expect(r.status).toBe(1);
  });

  it('rm of a node that is up is refused by the daemon; -f removes it', () => {
    const { t } = initialised();
    const refused = t.run('docker node rm node-3');
    expect(refused.stderr).toBe(
      "Error response from daemon: rpc error: code = FailedPrecondition desc = node n3ccccccccccccccccccccccc is not down and can't be removed\n",
    );
    const forced = t.run('docker node rm -f node-3');
    expect(forced.requests).toEqual(['HEAD /_ping', `DELETE ${V}/nodes/node-3?force=1`]);
    expect(forced.stdout).toBe('node-3\n');
  });
});

describe('docker node inspect', () => {
  it('--pretty self asks /info for this node and prints the human-friendly text', () => {
    const { t } = initialised();
    const r = t.run('docker node inspect --pretty self');
    expect(r.requests).toEqual([
      'HEAD /_ping',
      `GET ${V}/info`,
      `GET ${V}/nodes/n1aaaaaaaaaaaaaaaaaaaaaaa`,
    ]);
    expect(r.stdout).toBe(
      [
        'ID:\t\t\tn1aaaaaaaaaaaaaaaaaaaaaaa',
        'Hostname:              \tnode-1',
        'Joined at:             \t2026-01-12 09:00:00 +0000 UTC',
        'Status:',
        ' State:\t\t\tReady',
        ' Availability:         \tActive',
        ' Address:\t\t10.0.0.11',
        'Manager Status:',
        ' Address:\t\t10.0.0.11:2377',
        ' Raft Status:\t\tReachable',
        ' Leader:\t\tYes',
        'Platform:',
        ' Operating System:\tlinux',
        ' Architecture:\t\tx86_64',
        'Resources:',
        ' CPUs:\t\t\t2',
        ' Memory:\t\t2GiB',
        'Plugins:',
        ' Log:\t\tjson-file',
        ' Network:\t\tbridge, overlay',
        'Engine Version:\t\t28.2.2',
        '',
      ].join('\n'),
    );
  });

  it('without --pretty prints the JSON array; -f applies a template', () => {
    const { t } = initialised();
    expect(JSON.parse(t.run('docker node inspect node-2').stdout)[0].ID).toBe(
      'n2bbbbbbbbbbbbbbbbbbbbbbb',
    );
    expect(t.run("docker node inspect -f '{{.Spec.Role}}' node-1 node-2").stdout).toBe(
      'manager\nworker\n',
    );
  });
});

describe('swarm commands on a single host that is in no swarm', () => {
  it('print dockerd 503 text, as the real CLI does', () => {
    const t = new ShellHarness();
    for (const line of [
      'docker node ls',
      'docker service ls',
      'docker swarm join-token worker',
      'docker service ps web',
    ]) {
      const r = t.run(line);
      expect(r.stderr, line).toBe(NOT_MANAGER);
      expect(r.status, line).toBe(1);
    }
  });

  it('service create asks the registry and the daemon, then prints only the 503', () => {
    const t = new ShellHarness();
    const r = t.run('docker service create --name web nginx');
    expect(r.requests).toEqual([
      'HEAD /_ping',
      `GET ${V}/distribution/nginx:latest/json`,
      `POST ${V}/services/create`,
    ]);
    expect(r.stderr).toBe(NOT_MANAGER);
  });
});

describe('Tab completion of the swarm commands', () => {
  it('offers the groups, their subcommands and their flags from the real CLI reference', () => {
    const t = new ShellHarness();
    const complete = (line: string) => t.shell.complete(line, line.length).candidates;
    expect(complete('docker serv')).toEqual(['service']);
    expect(complete('docker service sc')).toEqual(['scale']);
    expect(complete('docker swarm join-')).toEqual(['join-token']);
    expect(complete('docker service create --update-p')).toEqual(['--update-parallelism']);
    expect(complete('docker node update --avail')).toEqual(['--availability']);
    // Services and nodes live in the managers' store: no container names are offered.
    t.run('docker run -d --name web nginx');
    expect(complete('docker service rm ')).toEqual([]);
  });
});
