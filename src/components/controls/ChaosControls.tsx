/**
 * One-click demos for a teacher: start a container, crash or stop a daemon, kill a shim or a
 * container's process, flip live-restore. Every click is an input in the same log the
 * terminal uses (sessionStore.run), so playback, forks and replays treat them alike.
 */
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { runDetached } from '../../cli/client';
import { sessionTransport, useSessionStore, worldAtCursor } from '../../store/sessionStore';
import { useUiStore } from '../../store/uiStore';
import { containerOf } from '../host/partIds';
import { daemonJsonText } from '../../sim/world';
import { useAnnouncementStore } from '../../store/announcementStore';
import { hostEngineLoaded, withEngine } from '../../store/simulationEngine';

const BUTTON = 'btn px-2 py-1 text-sm';

/** Runs a line in the terminal as if typed (the terminal's chunk is loaded on demand). */
async function runInTerminal(line: string): Promise<void> {
  const { terminalController } = await import('../../store/terminalStore');
  terminalController().submit(line);
}

export function ChaosControls() {
  const { t } = useTranslation();
  const sim = useSessionStore((s) => s.sim);
  const cursor = useSessionStore((s) => s.cursor);
  const revision = useSessionStore((s) => s.revision);
  const selected = useUiStore((s) => s.selectedPart);
  const announce = useAnnouncementStore((s) => s.announce);
  const run = useSessionStore.getState().run;
  const era = sim.world.settings.era;
  const world = worldAtCursor({ sim, cursor, revision });
  const containerId = selected ? containerOf(selected) : null;
  const container = containerId ? world.containers[containerId] : undefined;
  const liveRestore = sim.world.daemonConfig.liveRestore;
  const report = (message?: string) => {
    if (message) announce(message);
  };

  // On a bridge the simulation is the bridge's: its shell runs the command (and shows it).
  const onBridge = () => useSessionStore.getState().visiting?.kind === 'bridge';
  const startNginx = () => {
    const n = Object.keys(sim.world.containers).length + 1;
    if (onBridge()) return void runInTerminal(`docker run -d --name web${n} nginx`);
    const result = runDetached(sessionTransport, era, { image: 'nginx', name: `web${n}` });
    if (!result.ok) report(result.error);
  };
  const startSleeper = () => {
    if (onBridge()) return void runInTerminal('docker run -d alpine sleep 30');
    const result = runDetached(sessionTransport, era, { image: 'alpine', cmd: ['sleep', '30'] });
    if (!result.ok) report(result.error);
  };
  const toggleLiveRestore = () => {
    run({
      kind: 'writeFile',
      path: '/etc/docker/daemon.json',
      content: daemonJsonText(!liveRestore),
    });
    report(run({ kind: 'systemctl', action: 'reload', unit: 'docker' }).message);
  };

  // Just after the page is drawn, the simulation's engine may still be on its way: a click
  // (or a keypress on a button, which is a click) is held until it is, then made again.
  const waitForEngine = (event: MouseEvent<HTMLDivElement>) => {
    if (hostEngineLoaded()) return;
    event.preventDefault();
    event.stopPropagation();
    const target = event.target as HTMLElement;
    withEngine(
      () => target.click(),
      () => announce(t('chaos.notLoaded')),
    );
  };

  return (
    <div
      role="toolbar"
      aria-label={t('chaos.label')}
      className="flex flex-wrap items-center gap-1.5"
      onClickCapture={waitForEngine}
    >
      <button type="button" className={BUTTON} onClick={startNginx}>
        {t('chaos.runNginx')}
      </button>
      <button type="button" className={BUTTON} onClick={startSleeper}>
        {t('chaos.runSleep')}
      </button>
      <button
        type="button"
        className={BUTTON}
        onClick={() =>
          report(run({ kind: 'signal', target: { service: 'dockerd' }, signal: 'SIGKILL' }).message)
        }
      >
        {t('chaos.killDockerd')}
      </button>
      <button
        type="button"
        className={BUTTON}
        onClick={() => report(run({ kind: 'systemctl', action: 'start', unit: 'docker' }).message)}
      >
        {t('chaos.startDocker')}
      </button>
      <button
        type="button"
        className={BUTTON}
        onClick={() => report(run({ kind: 'systemctl', action: 'stop', unit: 'docker' }).message)}
      >
        {t('chaos.stopDocker')}
      </button>
      {era !== 'monolith' && (
        <button
          type="button"
          className={BUTTON}
          onClick={() =>
            report(
              run({ kind: 'signal', target: { service: 'containerd' }, signal: 'SIGKILL' }).message,
            )
          }
        >
          {t('chaos.killContainerd')}
        </button>
      )}
      {container && era !== 'monolith' && (
        <button
          type="button"
          className={BUTTON}
          onClick={() =>
            report(
              run({ kind: 'signal', target: { shim: container.id }, signal: 'SIGKILL' }).message,
            )
          }
        >
          {t('chaos.killShim', { name: container.name })}
        </button>
      )}
      {container && (
        <button
          type="button"
          className={BUTTON}
          onClick={() =>
            report(
              run({ kind: 'signal', target: { container: container.id }, signal: 'SIGKILL' })
                .message,
            )
          }
        >
          {t('chaos.killProcess', { name: container.name })}
        </button>
      )}
      {era !== 'monolith' && (
        <label className="ml-1 flex items-center gap-1 text-sm">
          <input
            type="checkbox"
            checked={liveRestore}
            onChange={toggleLiveRestore}
            className="accent-sky-700"
          />
          {t('chaos.liveRestore')}
        </label>
      )}
    </div>
  );
}
