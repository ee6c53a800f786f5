/**
 * An i18next backend that loads each locale as its own lazily imported chunk.
 * Contract: `read(language, namespace)` resolves to that locale's resources, or rejects for a
 * language we do not ship. Vite turns the template import into one chunk per file in
 * ./locales, so a visitor downloads only the languages the app actually asks for.
 */
import type { BackendModule, ResourceKey } from 'i18next';

/** Languages with a file in ./locales. English is complete; others may be partial. */
export const SUPPORTED_LANGUAGES = ['en'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

export function isSupportedLanguage(value: string): value is SupportedLanguage {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

function isResourceObject(value: unknown): value is Record<string, ResourceKey> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Imports ./locales/<language>.json and checks that it holds an object. */
export async function loadLocale(
  language: SupportedLanguage,
): Promise<Record<string, ResourceKey>> {
  const loaded: unknown = await import(`./locales/${language}.json`);
  const resources = isResourceObject(loaded) ? loaded.default : undefined;
  if (!isResourceObject(resources)) {
    throw new Error(`Locale file for "${language}" does not hold an object`);
  }
  return resources;
}

export const localeBackend: BackendModule = {
  type: 'backend',
  // Promise-style read(); declaring it spares i18next from guessing (deprecated in v26).
  callbackApi: false,
  init() {},
  read(language: string, namespace: string) {
    if (namespace !== 'translation') {
      return Promise.reject(new Error(`Unknown namespace "${namespace}"`));
    }
    if (!isSupportedLanguage(language)) {
      return Promise.reject(new Error(`Unsupported language "${language}"`));
    }
    return loadLocale(language);
  },
};
