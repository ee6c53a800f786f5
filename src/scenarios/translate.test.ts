/**
 * A translation replaces only the texts a learner reads; whatever it leaves out, gets wrong
 * or breaks leaves the English lesson as it is.
 */
import { describe, expect, it } from 'vitest';
import { LESSONS, type Lesson } from './index';
import { translateLesson } from './translate';

const found = LESSONS.find((lesson) => lesson.id === 'signals');
if (!found) throw new Error('no signals lesson');
const english: Lesson = found;

const stepOf = (lesson: Lesson, id: string) => {
  const step = lesson.steps.find((s) => s.id === id);
  if (!step) throw new Error(`no step ${id}`);
  return step;
};

const french = {
  title: 'Arrêter, tuer et codes de sortie',
  summary: 'docker stop demande, puis insiste avec SIGKILL.',
  steps: {
    'clean-stop': {
      narration: '`docker stop` envoie d’abord le signal d’arrêt de l’image.',
      goal: 'Lancez nginx sous le nom `web`, puis arrêtez-le.',
      hints: ['`docker run -d --name web nginx`, en français', 'puis `docker stop web`'],
    },
    'init-forwards': {
      narration: 'Avec `--init`, tini est le PID 1.',
      goal: 'Relancez le sleep avec --init.',
      hints: ['`--init` avant le nom de l’image.'],
      questions: [
        {
          prompt: 'Un conteneur sort avec 137. Que s’est-il passé ?',
          choices: [
            'Il a rendu 137 lui-même',
            'Il a été tué par SIGKILL',
            'Il a été tué par SIGTERM',
          ],
          explanation: '128 + N pour une mort par le signal N.',
        },
      ],
    },
  },
};

describe('translateLesson', () => {
  it('replaces the title, summary, narration, goal, hints and questions by step id', () => {
    const t = translateLesson(english, french);
    expect(t.title).toBe(french.title);
    expect(t.summary).toBe(french.summary);
    const clean = stepOf(t, 'clean-stop');
    expect(clean.narration).toBe(french.steps['clean-stop'].narration);
    expect(clean.task?.goal).toBe(french.steps['clean-stop'].goal);
    expect(clean.task?.hints).toEqual(french.steps['clean-stop'].hints);
    const init = stepOf(t, 'init-forwards');
    expect(init.narration).toBe(french.steps['init-forwards'].narration);
    expect(init.task?.hints).toEqual(french.steps['init-forwards'].hints);
    expect(init.questions).toEqual([
      {
        prompt: 'Un conteneur sort avec 137. Que s’est-il passé ?',
        choices: [
          { text: 'Il a rendu 137 lui-même', correct: false },
          { text: 'Il a été tué par SIGKILL', correct: true },
          { text: 'Il a été tué par SIGTERM', correct: false },
        ],
        explanation: '128 + N pour une mort par le signal N.',
      },
    ]);
  });

  it('leaves what the simulation runs alone: ids, checks, solutions, par, start', () => {
    const t = translateLesson(english, {
      ...french,
      id: 'autre',
      start: { era: 'monolith' },
      steps: {
        ...french.steps,
        'clean-stop': {
          ...french.steps['clean-stop'],
          id: 'arret',
          run: ['docker rm -f web'],
          check: { kind: 'noContainer', name: 'web' },
          solution: ['docker kill web'],
          par: 9,
        },
      },
    });
    expect(t.id).toBe(english.id);
    expect(t.start).toEqual(english.start);
    expect(t.steps.map((s) => s.id)).toEqual(english.steps.map((s) => s.id));
    t.steps.forEach((step, i) => {
      const original = english.steps[i];
      expect(step.run).toEqual(original?.run);
      expect(step.task?.check).toEqual(original?.task?.check);
      expect(step.task?.solution).toEqual(original?.task?.solution);
      expect(step.task?.par).toEqual(original?.task?.par);
    });
    // The texts were still taken.
    expect(stepOf(t, 'clean-stop').narration).toBe(french.steps['clean-stop'].narration);
  });

  it('keeps English for whatever the translation leaves out', () => {
    const t = translateLesson(english, {
      steps: {
        'pid-one-ignores': { hints: ['Lancez alpine sleep 600 sous le nom nap'] },
        'init-forwards': { questions: [{ prompt: 'Que s’est-il passé ?' }] },
        'no-such-step': { narration: 'ignorée' },
      },
    });
    expect(t.title).toBe(english.title);
    expect(t.summary).toBe(english.summary);
    expect(stepOf(t, 'clean-stop')).toEqual(stepOf(english, 'clean-stop'));
    const pid = stepOf(t, 'pid-one-ignores');
    const pidEnglish = stepOf(english, 'pid-one-ignores');
    expect(pid.narration).toBe(pidEnglish.narration);
    expect(pid.task?.goal).toBe(pidEnglish.task?.goal);
    expect(pid.task?.hints).toEqual([
      'Lancez alpine sleep 600 sous le nom nap',
      pidEnglish.task?.hints[1],
    ]);
    const question = stepOf(t, 'init-forwards').questions?.[0];
    const questionEnglish = stepOf(english, 'init-forwards').questions?.[0];
    expect(question).toEqual({ ...questionEnglish, prompt: 'Que s’est-il passé ?' });
    expect(t.steps).toHaveLength(english.steps.length);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a string', 'Arrêter, tuer'],
    ['an array', [french]],
    ['an empty object', {}],
    ['numbers for texts', { title: 5, summary: null, steps: { 'clean-stop': { narration: 7 } } }],
    ['an array of steps', { steps: [french.steps['clean-stop']] }],
    ['a step that is a string', { steps: { 'clean-stop': 'arrêt' } }],
    ['a step that is an array', { steps: { 'clean-stop': ['arrêt'] } }],
    [
      'junk lists',
      {
        steps: {
          'clean-stop': { hints: 'un indice', goal: ['but'] },
          'init-forwards': { questions: 'q' },
        },
      },
    ],
    [
      'junk inside lists',
      {
        steps: {
          'clean-stop': { hints: [1, null] },
          'init-forwards': { questions: [{ prompt: 3, choices: [true, {}, []] }] },
        },
      },
    ],
  ])('changes nothing for %s', (_what, junk) => {
    expect(translateLesson(english, junk)).toEqual(english);
  });

  it('ignores a translation that breaks the schema as a whole, and keeps English', () => {
    const broken = {
      ...french,
      steps: {
        ...french.steps,
        'pid-one-ignores': { narration: 'x'.repeat(5000) },
      },
    };
    const t = translateLesson(english, broken);
    expect(t).toEqual(english);
    expect(t.title).toBe(english.title);
    expect(stepOf(t, 'clean-stop').narration).toBe(stepOf(english, 'clean-stop').narration);
  });

  it('ignores a translation with an empty text, which the schema refuses', () => {
    expect(translateLesson(english, { ...french, title: '' })).toEqual(english);
    expect(
      translateLesson(english, {
        steps: { 'clean-stop': { hints: ['', 'puis docker stop web'] } },
      }),
    ).toEqual(english);
  });

  it('leaves the English lesson unchanged', () => {
    const before = structuredClone(english);
    translateLesson(english, french);
    expect(english).toEqual(before);
  });
});
