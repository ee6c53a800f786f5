/**
 * The Swarm cluster simulation's public surface: the Cluster (cluster.ts, whose header is the
 * contract), its world and trace types, inputs, and the test driver that speaks the Engine API
 * the way the docker CLI does.
 */
export { Cluster, type ClusterOptions, type ClusterMachine } from './cluster';
export type { ClusterInput, ClusterInputResult, LoggedClusterInput } from './inputs';
export type { ClusterTraceEntry, ClusterTraceKind, ClusterEndpoint } from './trace';
export { clusterEndpoint } from './trace';
export type { ClusterChange } from './changes';
export type { MeshAnswer } from './mesh';
export { ClusterDriver, serviceSpecBody, type ServiceOptions } from './driver';
export type * from './types';
