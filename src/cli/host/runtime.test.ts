import { describe, expect, it } from 'vitest';
import { hostWith, sh } from './testing';

describe('ctr', () => {
  it('lists Docker`s task in namespace moby, nothing in default', () => {
    const d = hostWith('modern');
    const web = d.container('web');
    const r = sh(d, 'ctr -n moby tasks ls');
    expect(r.out).toBe(
      `TASK${' '.repeat(64)}PID     STATUS    \n${web.id}    ${web.pid}    RUNNING\n`,
    );
    expect(sh(d, 'ctr --namespace moby task list').out).toBe(r.out);
    expect(sh(d, 'ctr tasks ls').out).toBe('TASK    PID    STATUS    \n');
    expect(sh(d, 'ctr ns ls').out).toBe('NAME LABELS \nmoby        \n');
    expect(sh(d, 'ctr -n moby containers ls').out).toContain(
      `${web.id}    -        io.containerd.runc.v2    \n`,
    );
  });

  it('ctr -n moby tasks ps ID lists the container`s host PIDs', () => {
    const d = hostWith('modern');
    const web = d.container('web');
    const out = sh(d, `ctr -n moby tasks ps ${web.id}`).out;
    expect(out.split('\n')[0]).toBe('PID     INFO');
    expect(out).toContain(`${web.pid}    -\n`);
  });

  it('fails to dial as the real client does when containerd is down', () => {
    const d = hostWith('modern');
    sh(d, 'pkill -9 -x containerd');
    const refused = sh(d, 'ctr -n moby tasks ls');
    expect(refused.status).toBe(1);
    expect(refused.err).toBe(
      'ctr: failed to dial "/run/containerd/containerd.sock": connection error: desc = "transport: Error while dialing: dial unix /run/containerd/containerd.sock: connect: connection refused"\n',
    );
    d.advance(6_000);
    sh(d, 'systemctl stop containerd');
    expect(sh(d, 'ctr -n moby tasks ls').err).toMatch(/context deadline exceeded: .*timeout"\n$/);
  });

  it('is not there before the modern era', () => {
    expect(sh(hostWith('split'), 'ctr ns ls')).toEqual({
      out: '',
      err: 'bash: ctr: command not found\n',
      status: 127,
    });
    const split = hostWith('split');
    expect(
      sh(
        split,
        'docker-containerd-ctr -a /var/run/docker/containerd/docker-containerd.sock -n moby t ls',
      ).out,
    ).toMatch(/RUNNING\n$/);
  });
});

describe('runc', () => {
  it('finds nothing under its default root; Docker`s containers are under /run/docker/runtime-runc/moby', () => {
    const d = hostWith('modern');
    const web = d.container('web');
    expect(sh(d, 'runc list').out).toBe(
      'ID          PID         STATUS      BUNDLE      CREATED     OWNER\n',
    );
    const out = sh(d, 'runc --root /run/docker/runtime-runc/moby list').out;
    const row = out.split('\n')[1]?.split(/\s+/) ?? [];
    expect(row.slice(0, 4)).toEqual([
      web.id,
      String(web.pid),
      'running',
      `/run/containerd/io.containerd.runtime.v2.task/moby/${web.id}`,
    ]);
    expect(row[4]).toMatch(/^2026-01-12T09:00:0\d\.\d+Z$/);
    expect(row[5]).toBe('root');
  });

  it('runc state prints the OCI state; an unknown ID does not exist', () => {
    const d = hostWith('modern');
    const web = d.container('web');
    const state = JSON.parse(
      sh(d, `runc --root /run/docker/runtime-runc/moby state ${web.id}`).out,
    ) as {
      pid: number;
      status: string;
    };
    expect([state.pid, state.status]).toEqual([web.pid, 'running']);
    expect(sh(d, 'runc state nope').err).toBe('ERRO[0000] container does not exist\n');
  });

  it('shows paused containers as paused', () => {
    const d = hostWith('modern');
    d.api('POST', '/containers/web/pause');
    expect(sh(d, 'runc --root /run/docker/runtime-runc/moby list').out).toContain(' paused ');
  });

  it('was docker-runc in 17.x/18.x and absent in 1.10', () => {
    expect(sh(hostWith('split'), 'runc list').status).toBe(127);
    expect(
      sh(hostWith('split'), 'docker-runc --root /var/run/docker/runtime-runc/moby list').out,
    ).toContain('/run/docker/containerd/daemon/io.containerd.runtime.v1.linux/moby/');
    expect(sh(hostWith('monolith'), 'docker-runc list').status).toBe(127);
  });
});
