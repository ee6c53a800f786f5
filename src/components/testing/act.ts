/**
 * act for component tests: runs a callback, then flushes the renders and effects it caused
 * before returning. The app runs on Preact (see vite.config.ts), whose `react` has no act
 * export: tests take Preact's own. Test code only.
 */
export { act } from 'preact/test-utils';
