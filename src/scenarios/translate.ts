/**
 * Lessons in other languages: a translation is one file per language that gives, by lesson
 * and step id, the texts a learner reads (title, summary, narration, goal, hints, questions).
 * Commands, checks and solutions are never translated: they are what the simulation runs.
 *
 * Contract: a translation can only replace text. Anything it leaves out stays English; a
 * translated lesson that no longer passes the schema (a text too long, a question's choices
 * miscounted) is not used at all, and the English one is.
 */
import { parseLesson, type Lesson } from './schema';

type Texts = Record<string, unknown>;

const isTexts = (value: unknown): value is Texts =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** `lesson` with the texts `translation` (one language's entry for it) gives. */
export function translateLesson(lesson: Lesson, translation: unknown): Lesson {
  if (!isTexts(translation)) return lesson;
  const steps = isTexts(translation['steps']) ? translation['steps'] : {};
  const translated = {
    ...lesson,
    title: text(translation['title'], lesson.title),
    summary: text(translation['summary'], lesson.summary),
    steps: lesson.steps.map((step) => {
      const own = Object.hasOwn(steps, step.id) ? steps[step.id] : undefined;
      if (!isTexts(own)) return step;
      const hints = list(own['hints']);
      const questions = list(own['questions']);
      return {
        ...step,
        narration: text(own['narration'], step.narration),
        task: step.task && {
          ...step.task,
          goal: text(own['goal'], step.task.goal),
          hints: step.task.hints.map((hint, i) => text(hints[i], hint)),
        },
        questions: step.questions?.map((question, i) => {
          const q = isTexts(questions[i]) ? questions[i] : {};
          const choices = list(q['choices']);
          return {
            prompt: text(q['prompt'], question.prompt),
            explanation: text(q['explanation'], question.explanation),
            choices: question.choices.map((choice, j) => ({
              ...choice,
              text: text(choices[j], choice.text),
            })),
          };
        }),
      };
    }),
  };
  const parsed = parseLesson(translated);
  return parsed.ok ? parsed.lesson : lesson;
}
