/**
 * The component lifecycles, the ground floor of the house: imported by the simulation
 * (which asks them what is legal) and drawn by the inspector. They import nothing of ours.
 */
export { containerMachine, type ContainerEvent } from './container';
export { ociRuntimeMachine, type OciEvent } from './ociRuntime';
export { runcInvocationMachine, type RuncEvent, type RuncOperation } from './runcInvocation';
export { shimMachine, type ShimEvent } from './shim';
export { containerdMachine, type ContainerdEvent } from './containerd';
export { dockerdMachine, type DockerdEvent } from './dockerd';
export { podMachine, type PodEvent } from './pod';
