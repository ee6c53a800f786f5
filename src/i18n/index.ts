/**
 * i18next set-up. Contract: `initI18n()` resolves once English (or the chosen language) is
 * loaded, so the first render never shows raw keys; every user-facing string goes through
 * `t()` with keys typed from locales/en.json (see i18next.d.ts).
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { localeBackend, SUPPORTED_LANGUAGES } from './localeBackend';

export const DEFAULT_LANGUAGE = 'en';

/** Loads the translations, then keeps <html lang> in step with the active language. */
export async function initI18n(): Promise<typeof i18n> {
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  await i18n
    .use(localeBackend)
    .use(initReactI18next)
    .init({
      lng: DEFAULT_LANGUAGE,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: [...SUPPORTED_LANGUAGES],
      ns: ['translation'],
      defaultNS: 'translation',
      // React escapes what it renders; escaping here too would double-encode "/" and "&".
      interpolation: { escapeValue: false },
      // main.tsx awaits this promise before rendering, so components never suspend for text.
      react: { useSuspense: false },
    });
  return i18n;
}

/** True when the text of the active language is present (loading can fail offline). */
export function hasTranslations(instance: typeof i18n): boolean {
  return instance.hasResourceBundle(instance.language, 'translation');
}
