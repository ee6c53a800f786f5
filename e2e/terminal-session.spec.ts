/**
 * A student's session typed into the terminal, as the issue describes it: run nginx, list it,
 * kill dockerd, see the CLI fail to connect while the container runs on under its shim, start
 * docker again, and see what survived: without live-restore the restarted daemon stops the
 * container; with it, the container is still up. The API panel lists the requests.
 */
import { expect, test } from './fixtures';
import { HostView } from './pages/HostView';
import { Terminal } from './pages/Terminal';

// A whole typed session per test: more steps than the default 30 s allows on a busy machine.
test.describe.configure({ timeout: 120_000 });

test('kill -9 dockerd under a running container, without live-restore', async ({ app, page }) => {
  const terminal = new Terminal(app, page);
  const host = new HostView(page);
  await terminal.open();
  await terminal.run(
    'docker run -d --name web -p 8080:80 nginx',
    /Status: Downloaded newer image for nginx:latest[0-9a-f]{64}root@/,
  );
  await terminal.run('docker ps', /nginx.*Up.*web/);
  await expect(app.panel('Engine API')).toContainText('/v1.51/containers/create?name=web');
  // The crash's output is long: give the terminal the whole column.
  await app.setPanelOpen('Engine API', false);
  await terminal.focus();
  await terminal.clear();
  // systemd restarts a crashed dockerd 2 s later; one line keeps the crash and the two looks
  // at it in the same moment, however fast the machine running the test is.
  await terminal.run(
    "pkill -9 dockerd; docker ps; ps -ef | grep -E 'shim|master'",
    /Cannot connect to the Docker daemon at unix:\/\/\/var\/run\/docker\.sock\. Is the docker daemon running\?.*containerd-shim.*nginx: master process/,
  );
  // The diagram shows the moment at the playback cursor: go to the end, paused there.
  await host.pauseAtNow();
  // Down, with systemd's restart already scheduled (Restart=always, 2 s).
  await expect(host.nodes(/^dockerd, daemon, restarting/)).toHaveCount(1);
  await expect(host.nodes(/^web \(nginx\), container, running/)).toHaveCount(1);
  await expect(host.nodes(/^containerd-shim-runc-v2, runtime shim, running/)).toHaveCount(1);
  await terminal.focus();
  await terminal.clear();
  await terminal.run('systemctl start docker', 'root@docker-host:~#');
  // Without live-restore the restarted daemon does not keep containers it cannot vouch for.
  await terminal.run('docker ps -a --format "{{.Names}} {{.State}}"', 'web exited');
});

test('with live-restore the container survives the daemon restart', async ({ app, page }) => {
  const terminal = new Terminal(app, page);
  await terminal.open();
  await terminal.run(
    `echo '{"live-restore": true}' > /etc/docker/daemon.json`,
    'root@docker-host:~#',
  );
  await terminal.run('cat /etc/docker/daemon.json', '{"live-restore": true}');
  await terminal.run('systemctl reload docker', 'root@docker-host:~#');
  await terminal.run('docker info --format "{{.LiveRestoreEnabled}}"', 'true');
  await terminal.run('docker run -d --name web nginx', /latest[0-9a-f]{64}root@/);
  await terminal.clear();
  await terminal.run('kill -9 $(pidof dockerd); docker ps', 'Cannot connect to the Docker daemon');
  await terminal.run('systemctl start docker', 'root@docker-host:~#');
  await terminal.run('docker ps --format "{{.Names}} {{.Status}}"', /web Up/);
});
