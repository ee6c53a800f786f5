import { beforeEach, describe, expect, it } from 'vitest';
import { isStep } from './playback';
import { useSessionStore } from './sessionStore';

const create = (name: string) => ({
  kind: 'api' as const,
  request: {
    method: 'POST',
    path: `/v1.51/containers/create?name=${name}`,
    body: { Image: 'busybox' },
  },
});
const pull = {
  kind: 'api' as const,
  request: { method: 'POST', path: '/v1.51/images/create?fromImage=busybox&tag=latest' },
};

describe('session store', () => {
  beforeEach(() => useSessionStore.getState().reset({ era: 'modern' }));

  it('steps forward one message at a time and back again to the same world', () => {
    const store = useSessionStore.getState();
    store.run(pull);
    store.run(create('one'));
    store.seek(-1);
    useSessionStore.getState().stepForward();
    const first = useSessionStore.getState().cursor;
    expect(isStep(useSessionStore.getState().sim.trace[first]!)).toBe(true);
    useSessionStore.getState().stepForward();
    useSessionStore.getState().stepBack();
    expect(useSessionStore.getState().cursor).toBe(first);
  });

  it('acting in the past forks the future: later inputs are dropped', () => {
    const store = useSessionStore.getState();
    store.run(pull);
    const afterPull = useSessionStore.getState().sim.trace.length - 1;
    store.run(create('one'));
    store.run(create('two'));
    useSessionStore.getState().seek(afterPull);
    useSessionStore.getState().run(create('three'));
    const names = Object.values(useSessionStore.getState().sim.world.containers).map((c) => c.name);
    expect(names).toEqual(['three']);
    expect(useSessionStore.getState().sim.log).toHaveLength(2);
  });

  it('acting at the end keeps the whole past', () => {
    const store = useSessionStore.getState();
    store.run(pull);
    store.run(create('one'));
    useSessionStore.getState().seek(Number.MAX_SAFE_INTEGER);
    useSessionStore.getState().run(create('two'));
    expect(Object.keys(useSessionStore.getState().sim.world.containers)).toHaveLength(2);
  });
});
