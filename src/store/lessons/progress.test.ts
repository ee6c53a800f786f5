/**
 * Progress read back from storage or an imported file is refused as a whole, with a reason,
 * unless it is exactly what this version writes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  EMPTY_LESSON,
  EMPTY_PROGRESS,
  PROGRESS_KEY,
  PROGRESS_MAX_BYTES,
  checkSavedProgress,
  lessonProgress,
  updateLesson,
  writeProgress,
  type Progress,
} from './progress';
import { readProgress } from './progressCheck';

const saved: Progress = {
  app: 'docker-anatomy',
  version: 1,
  lessons: {
    signals: {
      step: 2,
      passed: ['clean-stop', 'pid-one-ignores'],
      commands: { 'clean-stop': 2 },
      completed: false,
    },
    'run-chain': { step: 4, passed: [], commands: {}, completed: true },
  },
};

/** `saved` as a plain JSON value, with `edit` applied. */
function edited(edit: (json: Record<string, unknown>) => void): string {
  const json = JSON.parse(writeProgress(saved)) as Record<string, unknown>;
  edit(json);
  return JSON.stringify(json);
}

const lessonsOf = (json: Record<string, unknown>) =>
  json['lessons'] as Record<string, Record<string, unknown>>;

function refusal(text: string): string {
  const read = readProgress(text);
  if (read.ok) throw new Error('expected the progress to be refused');
  return read.reason;
}

describe('readProgress', () => {
  it('reads back what writeProgress wrote', () => {
    expect(readProgress(writeProgress(saved))).toEqual({ ok: true, progress: saved });
    expect(readProgress(writeProgress(EMPTY_PROGRESS))).toEqual({
      ok: true,
      progress: EMPTY_PROGRESS,
    });
  });

  it('refuses text that is not JSON', () => {
    expect(refusal('{"app": "docker-anatomy",')).toBe('it is not JSON');
    expect(refusal('')).toBe('it is not JSON');
  });

  it('refuses progress from another version, naming it', () => {
    expect(refusal(edited((json) => (json['version'] = 2)))).toBe(
      'it was saved by another version (2)',
    );
    expect(refusal(edited((json) => (json['version'] = '1')))).toMatch(/^version: /);
  });

  it('refuses a file of another app', () => {
    expect(refusal(edited((json) => (json['app'] = 'other-app')))).toMatch(/^app: /);
  });

  it('refuses things that are not progress at all', () => {
    for (const text of ['null', '[]', '"progress"', '42'])
      expect(refusal(text)).toMatch(/^the file: /);
  });

  it('refuses a bad field, naming where it is', () => {
    expect(refusal(edited((json) => (lessonsOf(json)['signals']!['step'] = -1)))).toMatch(
      /^lessons\.signals\.step: /,
    );
    expect(refusal(edited((json) => (lessonsOf(json)['signals']!['step'] = 1.5)))).toMatch(
      /^lessons\.signals\.step: /,
    );
    expect(refusal(edited((json) => (lessonsOf(json)['signals']!['completed'] = 'yes')))).toMatch(
      /^lessons\.signals\.completed: /,
    );
    expect(
      refusal(edited((json) => (lessonsOf(json)['signals']!['commands'] = { 'clean-stop': -2 }))),
    ).toMatch(/^lessons\.signals\.commands\.clean-stop: /);
    expect(refusal(edited((json) => delete lessonsOf(json)['signals']!['passed']))).toMatch(
      /^lessons\.signals\.passed: /,
    );
  });

  it('refuses extra keys, at the top and in a lesson', () => {
    expect(refusal(edited((json) => (json['extra'] = true)))).toMatch(/^the file: .*extra/);
    expect(refusal(edited((json) => (lessonsOf(json)['signals']!['score'] = 10)))).toMatch(
      /^lessons\.signals: .*score/,
    );
  });

  it('refuses a file over the size limit before reading it', () => {
    const padded = writeProgress(saved) + ' '.repeat(PROGRESS_MAX_BYTES);
    expect(refusal(padded)).toBe('the file is too large');
    // The same progress within the limit is read.
    expect(readProgress(writeProgress(saved) + ' '.repeat(1000)).ok).toBe(true);
  });
});

describe('lessonProgress', () => {
  it('gives a lesson saved progress, and an empty one for a lesson never started', () => {
    expect(lessonProgress(saved, 'signals')).toEqual(saved.lessons['signals']);
    expect(lessonProgress(saved, 'swarm')).toEqual(EMPTY_LESSON);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'reads nothing inherited for the id %s',
    (id) => {
      expect(lessonProgress(saved, id)).toEqual(EMPTY_LESSON);
      expect(lessonProgress(EMPTY_PROGRESS, id)).toEqual(EMPTY_LESSON);
    },
  );

  it('reads a lesson whose id is constructor from the file like any other', () => {
    const text = edited((json) => {
      lessonsOf(json)['constructor'] = { step: 3, passed: [], commands: {}, completed: false };
    });
    const read = readProgress(text);
    if (!read.ok) throw new Error(read.reason);
    expect(lessonProgress(read.progress, 'constructor').step).toBe(3);
  });
});

describe('updateLesson', () => {
  it('changes one lesson, starting from empty progress for a new one', () => {
    const next = updateLesson(saved, 'swarm', (lesson) => ({ ...lesson, step: 3 }));
    expect(lessonProgress(next, 'swarm')).toEqual({ ...EMPTY_LESSON, step: 3 });
    expect(lessonProgress(next, 'signals')).toEqual(saved.lessons['signals']);
  });

  it('passes the saved progress of the lesson to the change', () => {
    const next = updateLesson(saved, 'signals', (lesson) => ({
      ...lesson,
      passed: [...lesson.passed, 'init-forwards'],
      completed: true,
    }));
    expect(lessonProgress(next, 'signals')).toEqual({
      step: 2,
      passed: ['clean-stop', 'pid-one-ignores', 'init-forwards'],
      commands: { 'clean-stop': 2 },
      completed: true,
    });
  });

  it('leaves the progress it was given unchanged', () => {
    const before = structuredClone(saved);
    updateLesson(saved, 'signals', (lesson) => ({ ...lesson, step: 0 }));
    expect(saved).toEqual(before);
  });

  it.each(['__proto__', 'constructor'])(
    'keeps the id %s as a lesson of its own, starting empty',
    (id) => {
      const seen: unknown[] = [];
      const next = updateLesson(EMPTY_PROGRESS, id, (lesson) => {
        seen.push(lesson);
        return { ...lesson, step: 5 };
      });
      expect(seen).toEqual([EMPTY_LESSON]);
      expect(Object.hasOwn(next.lessons, id)).toBe(true);
      expect(lessonProgress(next, id).step).toBe(5);
      // Other lessons do not inherit it.
      expect(lessonProgress(next, 'signals')).toEqual(EMPTY_LESSON);
      expect(Object.getPrototypeOf(next.lessons)).toBe(Object.prototype);
    },
  );

  it('writes progress that reads back the same', () => {
    const next = updateLesson(saved, 'swarm', (lesson) => ({
      ...lesson,
      passed: ['scale'],
      commands: { scale: 1 },
    }));
    expect(readProgress(writeProgress(next))).toEqual({ ok: true, progress: next });
  });
});

describe('checkSavedProgress', () => {
  function storeWith(entries: Record<string, string>): Map<string, string> {
    const stored = new Map(Object.entries(entries));
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, value),
    });
    return stored;
  }
  afterEach(() => vi.unstubAllGlobals());

  it('finds nothing to say on a first visit, and writes nothing', async () => {
    const stored = storeWith({});
    expect(await checkSavedProgress()).toBeNull();
    expect(stored.size).toBe(0);
  });

  it('keeps progress that reads back', async () => {
    const saved = writeProgress(
      updateLesson(EMPTY_PROGRESS, 'signals', (l) => ({ ...l, step: 2 })),
    );
    const stored = storeWith({ [PROGRESS_KEY]: saved });
    expect(await checkSavedProgress()).toBeNull();
    expect(stored.get(PROGRESS_KEY)).toBe(saved);
  });

  it('says why damaged progress was dropped, and starts clean', async () => {
    const stored = storeWith({
      [PROGRESS_KEY]: '{"app":"docker-anatomy","version":1,"lessons":7}',
    });
    expect(await checkSavedProgress()).toMatch(/^lessons: /);
    expect(JSON.parse(stored.get(PROGRESS_KEY) ?? '')).toEqual(EMPTY_PROGRESS);
  });
});
