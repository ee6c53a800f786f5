import { describe, expect, it } from 'vitest';
import { hostWith, sh } from './testing';

describe('pstree', () => {
  it('draws the host with psmisc symbols and compacts nginx workers as 2*[nginx]', () => {
    const d = hostWith('modern');
    const r = sh(d, 'pstree');
    expect(r.status).toBe(0);
    expect(r.out).toBe(
      [
        'systemd─┬─containerd',
        '        ├─containerd-shim───nginx───2*[nginx]',
        '        ├─dockerd',
        '        └─login───bash───pstree',
        '',
      ].join('\n'),
    );
  });

  it('pstree -p shows PIDs, one line per worker, the shim as containerd-shim(PID)', () => {
    const d = hostWith('modern');
    const web = d.container('web');
    const shim = d.sim.world.tasks[web.id]?.shimPid ?? 0;
    const [w1, w2] = Object.values(d.sim.world.processes)
      .filter((p) => p.ppid === web.pid)
      .map((p) => p.pid);
    const out = sh(d, 'pstree -p').out;
    expect(out).toContain(`├─containerd-shim(${shim})───nginx(${web.pid})─┬─nginx(${w1})`);
    expect(out).toMatch(new RegExp(`│ +└─nginx\\(${w2}\\)`));
    expect(out.startsWith('systemd(1)─┬─containerd(812)\n')).toBe(true);
  });

  it('pstree -p PID starts at that process; -S marks the namespaces a container entered', () => {
    const d = hostWith('modern');
    const web = d.container('web');
    const shim = d.sim.world.tasks[web.id]?.shimPid ?? 0;
    const sub = sh(d, `pstree -p ${shim}`).out;
    expect(sub.startsWith(`containerd-shim(${shim})───nginx(${web.pid})─┬─`)).toBe(true);
    expect(sh(d, `pstree -pS ${shim}`).out).toContain(
      `nginx(${web.pid},cgroup,ipc,mnt,net,pid,uts)`,
    );
  });

  it('cuts long lines at the terminal width with a +', () => {
    const d = hostWith('modern');
    const lines = sh(d, 'pstree -pS', 60).out.trimEnd().split('\n');
    expect(lines.every((l) => l.length <= 60)).toBe(true);
    expect(lines.some((l) => l.endsWith('+'))).toBe(true);
    expect(sh(d, 'pstree -lpS', 60).out).toContain('uts)');
  });

  it('shows the split and 1.10 trees', () => {
    expect(sh(hostWith('split'), 'pstree').out).toContain(
      'systemd─┬─dockerd───docker-containe───docker-containe───nginx───2*[nginx]',
    );
    expect(sh(hostWith('monolith'), 'pstree').out).toContain('systemd─┬─docker───nginx');
  });

  it('answers errors as psmisc does', () => {
    const d = hostWith('modern');
    const bad = sh(d, 'pstree -z');
    expect(bad.status).toBe(1);
    expect(bad.err).toMatch(/^pstree: invalid option -- 'z'\nUsage: pstree \[-acglpsStTuZ\]/);
    const none = sh(d, 'pstree 99999');
    expect([none.status, none.out, none.err]).toEqual([1, '', '']);
    expect(sh(d, 'pstree nobody').err).toBe('No such user name: nobody\n');
  });
});
