/**
 * `docker service ls|ps|inspect` and `docker node ps` against a scripted swarm manager
 * (FakeSwarm): the requests and the tables are the real CLI's (REPLICAS `3/3`, PORTS
 * `*:8080->80/tcp`, task history under ` \_ `, CURRENT STATE `Running 5 seconds ago`).
 */
import { describe, expect, it } from 'vitest';
import { fakeSwarmShell } from '../../cluster/testing';
import { servicePorts } from './serviceList';

const V = '/v1.51';
const ID = 's001xxxxxxxxxxxxxxxxxxxxx';
/** Go's tabwriter pads the empty ERROR cell too: real lines end in spaces. */
const PAD = ' '.repeat(13);
const filter = (json: object): string => encodeURIComponent(JSON.stringify(json));

function withWeb() {
  const made = fakeSwarmShell();
  made.t.run('docker swarm init');
  made.t.run('docker service create --name web -p 8080:80 --replicas 3 nginx', 20_000);
  return made;
}

describe('docker service ls', () => {
  it('asks with status=true and prints the table', () => {
    const { t } = withWeb();
    const r = t.run('docker service ls');
    expect(r.requests).toEqual(['HEAD /_ping', `GET ${V}/services?status=true`]);
    expect(r.stdout).toBe(
      'ID             NAME      MODE         REPLICAS   IMAGE          PORTS\n' +
        's001xxxxxxxx   web       replicated   3/3        nginx:latest   *:8080->80/tcp\n',
    );
  });

  it('-q asks without status and prints short IDs; -f is sent as filters', () => {
    const { t } = withWeb();
    const quiet = t.run('docker service ls -q');
    expect(quiet.requests).toEqual(['HEAD /_ping', `GET ${V}/services`]);
    expect(quiet.stdout).toBe('s001xxxxxxxx\n');
    const filtered = t.run('docker service ls -f name=api');
    expect(filtered.requests[1]).toBe(
      `GET ${V}/services?filters=${filter({ name: { api: true } })}&status=true`,
    );
    expect(filtered.stdout).toBe('ID        NAME      MODE      REPLICAS   IMAGE     PORTS\n');
  });

  it('a filter without = is a flag error with the usage, exit 125', () => {
    const { t } = withWeb();
    const r = t.run('docker service ls -f web');
    expect(r.stderr).toBe(
      'invalid argument "web" for "-f, --filter" flag: bad format of filter (expected name=value)\n\nUsage:  docker service ls [OPTIONS]\n\nRun \'docker service ls --help\' for more information\n',
    );
    expect(r.status).toBe(125);
  });

  it('groups consecutive ingress ports as the CLI does', () => {
    const port = (published: number, target: number) => ({
      Protocol: 'tcp',
      PublishedPort: published,
      TargetPort: target,
      PublishMode: 'ingress',
    });
    expect(servicePorts([port(81, 81), port(80, 80), port(82, 80)])).toBe(
      '*:80-81->80-81/tcp, *:82->80/tcp',
    );
    expect(servicePorts([{ ...port(8080, 80), PublishMode: 'host' }])).toBe('');
  });
});

describe('docker service ps', () => {
  it('finds the service by ID and name, lists its tasks, and names their nodes', () => {
    const { t } = withWeb();
    const r = t.run('docker service ps web');
    expect(r.requests).toEqual([
      'HEAD /_ping',
      `GET ${V}/services?filters=${filter({ id: { web: true } })}`,
      `GET ${V}/services?filters=${filter({ name: { web: true } })}`,
      `GET ${V}/tasks?filters=${filter({ service: { [ID]: true } })}`,
      `GET ${V}/services/${ID}?insertDefaults=false`,
      `GET ${V}/nodes/n1aaaaaaaaaaaaaaaaaaaaaaa`,
      `GET ${V}/nodes/n2bbbbbbbbbbbbbbbbbbbbbbb`,
      `GET ${V}/nodes/n3ccccccccccccccccccccccc`,
    ]);
    expect(r.stdout).toBe(
      [
        'ID             NAME      IMAGE          NODE      DESIRED STATE   CURRENT STATE           ERROR     PORTS',
        `t002xxxxxxxx   web.1     nginx:latest   node-1    Running         Running 5 seconds ago${PAD}`,
        `t003xxxxxxxx   web.2     nginx:latest   node-2    Running         Running 5 seconds ago${PAD}`,
        `t004xxxxxxxx   web.3     nginx:latest   node-3    Running         Running 5 seconds ago${PAD}`,
        '',
      ].join('\n'),
    );
  });

  it('after an update the old tasks are the history of their slot, newest first', () => {
    const { t } = withWeb();
    t.run('docker service update --image nginx:1.27 web', 20_000);
    const lines = t.run('docker service ps web').stdout.split('\n');
    expect(lines[1]).toMatch(
      /^t005xxxxxxxx {3}web\.1 {7}nginx:1\.27 {5}node-1 {4}Running {9}Running /,
    );
    expect(lines[2]).toMatch(
      /^t002xxxxxxxx {4}\\_ web\.1 {3}nginx:latest {3}node-1 {4}Shutdown {8}Shutdown /,
    );
  });

  it('-f desired-state=running is sent along; -q prints full task IDs', () => {
    const { t } = withWeb();
    t.run('docker service update --image nginx:1.27 web', 20_000);
    const r = t.run('docker service ps -q -f desired-state=running web');
    expect(r.requests[3]).toBe(
      `GET ${V}/tasks?filters=${filter({ 'desired-state': { running: true }, service: { [ID]: true } })}`,
    );
    expect(r.stdout).toBe(
      't005xxxxxxxxxxxxxxxxxxxxx\nt006xxxxxxxxxxxxxxxxxxxxx\nt007xxxxxxxxxxxxxxxxxxxxx\n',
    );
  });

  it('an unknown service is the CLI own error', () => {
    const { t } = withWeb();
    const r = t.run('docker service ps api');
    expect(r.stderr).toBe('no such service: api\n');
    expect(r.status).toBe(1);
  });
});

describe('docker node ps', () => {
  it('lists the tasks on this node (self), by its ID from /info', () => {
    const { t } = withWeb();
    const r = t.run('docker node ps');
    expect(r.requests.slice(0, 4)).toEqual([
      'HEAD /_ping',
      `GET ${V}/info`,
      `GET ${V}/nodes/n1aaaaaaaaaaaaaaaaaaaaaaa`,
      `GET ${V}/tasks?filters=${filter({ node: { n1aaaaaaaaaaaaaaaaaaaaaaa: true } })}`,
    ]);
    expect(r.stdout.split('\n').slice(1, -1)).toEqual([
      `t002xxxxxxxx   web.1     nginx:latest   node-1    Running         Running 5 seconds ago${PAD}`,
    ]);
  });
});

describe('docker service inspect', () => {
  it('asks with insertDefaults=true and prints the JSON array', () => {
    const { t } = withWeb();
    const r = t.run('docker service inspect web');
    expect(r.requests).toEqual(['HEAD /_ping', `GET ${V}/services/web?insertDefaults=true`]);
    const parsed = JSON.parse(r.stdout) as { ID: string }[];
    expect(parsed.map((s) => s.ID)).toEqual([ID]);
    expect(r.stdout.split('\n')[1]).toBe('    {');
  });

  it('an unknown service reads Error: no such service, after the empty array', () => {
    const { t } = withWeb();
    const r = t.run('docker service inspect api');
    expect(r.stdout).toBe('[]\n');
    expect(r.stderr).toBe('Error: no such service: api\n');
    expect(r.status).toBe(1);
  });

  it('--pretty prints the human-friendly text with literal tabs', () => {
    const { t } = withWeb();
    const r = t.run('docker service inspect --pretty web');
    expect(r.stdout).toBe(
      [
        '',
        `ID:\t\t${ID}`,
        'Name:\t\tweb',
        'Service Mode:\tReplicated',
        ' Replicas:\t3',
        'Placement:',
        'ContainerSpec:',
        ` Image:\t\tnginx:latest@sha256:${'d'.repeat(64)}`,
        ' Init:\t\tfalse',
        'Resources:',
        'Endpoint Mode:\tvip',
        'Ports:',
        ' PublishedPort = 8080',
        '  Protocol = tcp',
        '  TargetPort = 80',
        '  PublishMode = ingress ',
        '',
        '',
      ].join('\n'),
    );
  });

  it('--pretty with --format is refused before any request', () => {
    const { t } = withWeb();
    const r = t.run("docker service inspect --pretty -f '{{.ID}}' web");
    expect(r.stderr).toBe('--format is incompatible with human friendly format\n');
    expect(r.requests).toEqual(['HEAD /_ping']);
  });
});
