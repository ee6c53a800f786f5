/** The postMessage API lets through exactly the commands of its version, and nothing else. */
import { describe, expect, it } from 'vitest';
import { readCommand } from './commands';
import { eventMessage } from './messages';

const command = (type: string, extra: Record<string, unknown> = {}) => ({
  api: 'docker-anatomy',
  version: 1,
  type,
  ...extra,
});

describe('readCommand', () => {
  it('reads each command of version 1', () => {
    for (const message of [
      command('startLesson', { lesson: 'signals' }),
      command('goToStep', { step: 2 }),
      command('next'),
      command('previous'),
      command('play'),
      command('pause'),
      command('setSpeed', { speed: 0.25 }),
      command('run', { command: 'docker ps' }),
      command('loadLesson', { lesson: { id: 'x' } }),
    ])
      expect(readCommand(message)).toEqual(message);
  });

  it('refuses anything else', () => {
    for (const junk of [
      null,
      undefined,
      'next',
      42,
      [],
      { type: 'next' },
      { ...command('next'), version: 2 },
      { ...command('next'), api: 'other' },
      command('next', { extra: true }),
      command('goToStep', { step: 0 }),
      command('goToStep', { step: 1.5 }),
      command('setSpeed', { speed: 3 }),
      command('run', { command: '' }),
      command('run', { command: 'a\nb' }),
      command('run', { command: 'x'.repeat(501) }),
      command('eval', { code: 'alert(1)' }),
    ])
      expect(readCommand(junk)).toBeNull();
  });
});

it('wraps events in the API envelope', () => {
  expect(eventMessage({ type: 'taskPassed', lesson: 'signals', step: 1 })).toEqual({
    api: 'docker-anatomy',
    version: 1,
    type: 'taskPassed',
    lesson: 'signals',
    step: 1,
  });
});
