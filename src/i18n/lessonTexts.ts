/**
 * Translated lesson texts: `./lessons/<language>.json`, one file per language, keyed by lesson
 * id (see src/scenarios/translate.ts for its shape and what a translation may change).
 * English is the lessons' own data, so it has no file. Contract: a language without a file,
 * or a file that fails to load, leaves the lessons in English.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lesson } from '../scenarios';
import { translateLesson } from '../scenarios/translate';

const FILES = import.meta.glob<{ default: unknown }>('./lessons/*.json');
const loaded = new Map<string, Record<string, unknown>>();

async function load(language: string): Promise<Record<string, unknown>> {
  const cached = loaded.get(language);
  if (cached) return cached;
  const file = FILES[`./lessons/${language}.json`];
  let texts: Record<string, unknown> = {};
  try {
    const module = file ? await file() : { default: {} };
    if (typeof module.default === 'object' && module.default !== null)
      texts = module.default as Record<string, unknown>;
  } catch {
    // Offline or broken: English it is.
  }
  loaded.set(language, texts);
  return texts;
}

/** `lesson` in the app's language, where a translation exists. */
export function useLessonText(lesson: Lesson): Lesson {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const [texts, setTexts] = useState(() => loaded.get(language));
  useEffect(() => {
    let live = true;
    void load(language).then((found) => live && setTexts(found));
    return () => {
      live = false;
    };
  }, [language]);
  const own = texts && Object.hasOwn(texts, lesson.id) ? texts[lesson.id] : undefined;
  return useMemo(() => (own === undefined ? lesson : translateLesson(lesson, own)), [lesson, own]);
}
