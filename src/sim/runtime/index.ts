/**
 * Below dockerd: containerd, one shim per container, and runc. dockerd calls these over
 * gRPC; containerd drives the shim over ttRPC; the shim execs runc for each operation.
 * runc never stays: `runc create` leaves `runc init` blocked on exec.fifo, which the shim
 * inherits as subreaper when runc exits; `runc start` opens the FIFO and init execs the
 * user program in the same PID.
 */
export { containerdUnavailable, isContainerdUp, type RuntimeResult } from './shared';
export { createTask } from './create';
export { startTask } from './start';
export { deleteTask, freezeTask, killTask } from './control';
export { deleteExecProcess, execInTask, reportExecExit, resizeExecPty } from './exec';
export { cleanupDeadShim, onInitExit, onShimExit, publishExit, reconnectShims } from './recovery';
