/**
 * act for component tests: runs a callback, then flushes the renders and effects it caused
 * before returning. preact/compat has no act of its own (the app runs on Preact; see
 * vite.config.ts), so tests take Preact's. Test code only.
 */
export { act } from 'preact/test-utils';
