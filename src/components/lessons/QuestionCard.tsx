/** One multiple-choice question: pick, check, and read why (the explanation shows either way). */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonStep } from '../../scenarios';
import { LessonMarkdown } from './LessonMarkdown';

type Question = NonNullable<LessonStep['questions']>[number];

export function QuestionCard({ question }: { question: Question }) {
  const { t } = useTranslation();
  const name = useId();
  const [choice, setChoice] = useState<number | null>(null);
  const [checked, setChecked] = useState(false);
  const right = choice !== null && question.choices[choice]?.correct === true;
  return (
    <fieldset className="flex flex-col gap-1 rounded border border-slate-300 p-2 dark:border-slate-600">
      <legend className="px-1 text-sm font-semibold">
        <LessonMarkdown text={question.prompt} inline />
      </legend>
      {question.choices.map((c, index) => (
        <label key={index} className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name={name}
            className="mt-1"
            checked={choice === index}
            onChange={() => {
              setChoice(index);
              setChecked(false);
            }}
          />
          <LessonMarkdown text={c.text} inline />
        </label>
      ))}
      <div>
        <button
          type="button"
          className="btn px-2 py-0.5 text-sm"
          disabled={choice === null}
          onClick={() => setChecked(true)}
        >
          {t('lessons.checkAnswer')}
        </button>
      </div>
      <div role="status" className="text-sm">
        {checked && (
          <>
            <p className="font-semibold">{right ? t('lessons.right') : t('lessons.wrong')}</p>
            <LessonMarkdown text={question.explanation} />
          </>
        )}
      </div>
    </fieldset>
  );
}
