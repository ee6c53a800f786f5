/**
 * Translated lesson texts: `./lessons/<language>.json`, one file per language, keyed by lesson
 * id (see src/scenarios/translate.ts for its shape and what a translation may change).
 * English is the lessons' own data, so it has no file. Contract: a language without a file,
 * or a file that fails to load, leaves the lessons in English.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lesson } from '../scenarios';
import type * as Translate from '../scenarios/translate';

const FILES = import.meta.glob<{ default: unknown }>('./lessons/*.json');

/** A language's lesson texts, and the translator (with the schema) when there are any. */
interface Texts {
  readonly texts: Readonly<Record<string, unknown>>;
  readonly translate: typeof Translate.translateLesson | null;
}

const ENGLISH: Texts = { texts: {}, translate: null };
const loaded = new Map<string, Texts>();

async function load(language: string): Promise<Texts> {
  const cached = loaded.get(language);
  if (cached) return cached;
  const file = FILES[`./lessons/${language}.json`];
  let found = ENGLISH;
  try {
    const module = file ? await file() : null;
    // The translator checks a translated lesson with the schema (zod): it comes with a file,
    // so a lesson in English shows without either.
    if (typeof module?.default === 'object' && module.default !== null)
      found = {
        texts: module.default as Record<string, unknown>,
        translate: (await import('../scenarios/translate')).translateLesson,
      };
  } catch {
    // Offline or broken: English it is.
  }
  loaded.set(language, found);
  return found;
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
  const own = texts && Object.hasOwn(texts.texts, lesson.id) ? texts.texts[lesson.id] : undefined;
  const translate = texts?.translate;
  return useMemo(
    () => (own === undefined || !translate ? lesson : translate(lesson, own)),
    [lesson, own, translate],
  );
}
