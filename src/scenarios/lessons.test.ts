/**
 * Every lesson is valid data, and played headless its reference solutions pass their checks
 * (which fail before them); a broken lesson is refused with the lesson, step and field named.
 */
import { describe, expect, it } from 'vitest';
import { LESSON_INPUTS, LESSONS } from './index';
import { rehearse } from './rehearse';
import { parseLesson } from './schema';

describe('the lessons', () => {
  it.each(LESSONS.map((lesson) => [lesson.id, lesson] as const))(
    '%s: each task needs the learner, and its reference solution passes',
    (_id, lesson) => {
      expect(rehearse(lesson).problems).toEqual([]);
    },
  );

  it.each(LESSONS.map((lesson) => [lesson.id, lesson] as const))(
    '%s: passes the schema, which makes of it exactly what the app plays (defaults and all)',
    (id, lesson) => {
      // LESSONS fills in the defaults without the schema (builtIn.ts); the schema must agree.
      const written = LESSON_INPUTS.find((input) => input.id === id);
      expect(written).toBeDefined();
      const parsed = parseLesson(written);
      expect(parsed).toEqual({ ok: true, lesson });
    },
  );

  it('have unique ids', () => {
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
  });
});

describe('a broken lesson', () => {
  const found = LESSONS.find((lesson) => lesson.id === 'signals');
  if (!found) throw new Error('no signals lesson');
  const base = found;

  it('is refused with the lesson, the step and the field named', () => {
    const broken = structuredClone(base) as unknown as {
      steps: { task?: { check: unknown } }[];
    };
    const step = broken.steps.find((s) => s.task);
    if (step?.task) step.task.check = { kind: 'container', name: 'web', state: 'sleeping' };
    const parsed = parseLesson(broken);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.error).toMatch(/^lesson "signals": step "clean-stop"\.task\.check\.state: /);
  });

  it('says what is wrong with things that are not lessons at all', () => {
    for (const input of [null, 42, 'lesson', [], { id: '<script>' }, { schemaVersion: 2 }]) {
      const parsed = parseLesson(input);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(/^lesson "/);
    }
  });

  it('a rehearsal reports a solution that does not pass, by step', () => {
    const wrong = structuredClone(base);
    const task = wrong.steps[0]?.task;
    if (task) task.solution = ['docker run -d --name web nginx'];
    expect(rehearse(wrong).problems).toEqual([
      expect.stringMatching(
        /^lesson "signals": step "clean-stop": the reference solution does not pass: container web is running, not exited/,
      ),
    ]);
  });
});
