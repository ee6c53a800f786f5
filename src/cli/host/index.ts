/**
 * The host commands of the in-app shell: the tools a student types on the Docker host to look
 * under Docker's hood (`ps`, `pstree`, `systemctl`, `journalctl`, `ctr`, `runc`...). Each is a
 * `CommandSpec`; they read `host.world` and act only through `host.apply`.
 *
 * `sudo` here runs host commands; `makeSudo` lets the shell build one that runs any command.
 */
import type { CommandSpec } from '../shell/types';
import { ctr, dockerContainerdCtr } from './ctr';
import { cat } from './cat';
import { ls } from './ls';
import { journalctl } from './journalctl';
import { kill } from './kill';
import { killall } from './killall';
import { pgrep, pkill } from './pgrep';
import { pidof } from './pidof';
import { ps } from './ps';
import { pstree } from './pstree';
import { dockerRunc, runc } from './runc';
import { hostname, id, makeSudo, uname, whoami } from './system';
import { systemctl } from './systemctl';

const commands: Record<string, CommandSpec> = {
  ps,
  pstree,
  pidof,
  pgrep,
  pkill,
  kill,
  killall,
  systemctl,
  journalctl,
  cat,
  ls,
  ctr,
  'docker-containerd-ctr': dockerContainerdCtr,
  runc,
  'docker-runc': dockerRunc,
  hostname,
  uname,
  whoami,
  id,
};
commands['sudo'] = makeSudo(
  (name) => (Object.hasOwn(commands, name) ? commands[name] : undefined),
  () => Object.keys(commands),
);

export const hostCommands: Readonly<Record<string, CommandSpec>> = commands;

export { makeSudo };
