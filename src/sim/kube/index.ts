/**
 * The Kubernetes cluster simulation's public surface: the KubeCluster (kubeCluster.ts, whose
 * header is the contract), the port clients code against, its world, inputs and trace.
 */
export { KubeCluster, type KubeClusterOptions } from './kubeCluster';
export type { KubePort } from './port';
export type { KubeInput, KubeRequest, KubeResult, LoggedKubeInput } from './inputs';
export { describeKubeInput } from './inputs';
export type { KubeTraceEntry, KubeTraceKind } from './trace';
export { kubeEndpoint } from './trace';
export * from './defaults';
export { CONTROL_PLANE } from './boot';
export type * from './types';
export { objectKey } from './types';
