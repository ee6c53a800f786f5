/**
 * Which lifecycle machine rules which part: the machines of src/machines by the ids hostParts
 * uses, and by role for a part that has no running instance (the diagram may show "the shim"
 * before any container exists). Parts without a lifecycle (the CLI, stores) have none.
 */
import type { AnyStateMachine } from 'xstate';
import {
  containerMachine,
  containerdMachine,
  dockerdMachine,
  ociRuntimeMachine,
  runcInvocationMachine,
  shimMachine,
} from '../../machines';
import type { MachineId, PartRole } from '../host/hostParts';

export const MACHINES: Readonly<Record<MachineId, AnyStateMachine>> = {
  container: containerMachine,
  oci: ociRuntimeMachine,
  shim: shimMachine,
  runc: runcInvocationMachine,
  containerd: containerdMachine,
  dockerd: dockerdMachine,
};

const MACHINE_OF_ROLE: Partial<Readonly<Record<PartRole, MachineId>>> = {
  dockerd: 'dockerd',
  containerd: 'containerd',
  shim: 'shim',
  runc: 'runc',
  container: 'container',
};

/** The machine that rules parts of a role, or null when the role has no lifecycle. */
export function machineOfRole(role: PartRole): MachineId | null {
  return MACHINE_OF_ROLE[role] ?? null;
}
