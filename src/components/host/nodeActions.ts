/**
 * What the right-click menu of a diagram node offers: faults and commands for that part, each
 * a list of inputs for the session (the same log the terminal and the demo buttons use).
 */
import type { Era } from '../../sim/eras';
import type { Input, SignalTarget } from '../../sim/inputs';
import type { HostPart } from './hostParts';

/** Keys under `nodeMenu.` in the locale files. */
export type NodeActionKey =
  | 'killDockerd'
  | 'termDockerd'
  | 'restartDocker'
  | 'startDocker'
  | 'killContainerd'
  | 'startContainerd'
  | 'killShim'
  | 'dockerStop'
  | 'dockerKill'
  | 'dockerStart'
  | 'killProcess'
  | 'dockerRm';

export interface NodeAction {
  readonly key: NodeActionKey;
  readonly inputs: readonly Input[];
}

function api(era: Era, method: string, path: string): Input {
  const version = era === 'modern' ? '1.51' : era === 'split' ? '1.38' : '1.22';
  return { kind: 'api', request: { method, path: `/v${version}${path}` } };
}

export function nodeActions(part: HostPart, era: Era): NodeAction[] {
  const signal = (target: SignalTarget, sig: string): Input => ({
    kind: 'signal',
    target,
    signal: sig,
  });
  switch (part.role) {
    case 'dockerd':
      return [
        { key: 'killDockerd', inputs: [signal({ service: 'dockerd' }, 'SIGKILL')] },
        { key: 'termDockerd', inputs: [signal({ service: 'dockerd' }, 'SIGTERM')] },
        {
          key: 'restartDocker',
          inputs: [{ kind: 'systemctl', action: 'restart', unit: 'docker' }],
        },
        { key: 'startDocker', inputs: [{ kind: 'systemctl', action: 'start', unit: 'docker' }] },
      ];
    case 'containerd': {
      const actions: NodeAction[] = [
        { key: 'killContainerd', inputs: [signal({ service: 'containerd' }, 'SIGKILL')] },
      ];
      if (era === 'modern')
        actions.push({
          key: 'startContainerd',
          inputs: [{ kind: 'systemctl', action: 'start', unit: 'containerd' }],
        });
      return actions;
    }
    case 'shim':
      return part.containerId
        ? [{ key: 'killShim', inputs: [signal({ shim: part.containerId }, 'SIGKILL')] }]
        : [];
    case 'container': {
      const id = part.containerId;
      if (!id) return [];
      return [
        { key: 'dockerStop', inputs: [api(era, 'POST', `/containers/${id}/stop`)] },
        { key: 'dockerKill', inputs: [api(era, 'POST', `/containers/${id}/kill`)] },
        { key: 'dockerStart', inputs: [api(era, 'POST', `/containers/${id}/start`)] },
        { key: 'killProcess', inputs: [signal({ container: id }, 'SIGKILL')] },
        { key: 'dockerRm', inputs: [api(era, 'DELETE', `/containers/${id}?force=1`)] },
      ];
    }
    default:
      return [];
  }
}
