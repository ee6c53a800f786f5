/**
 * For component tests under jsdom: renders into a fresh container with English loaded
 * synchronously, and returns helpers to act on it. Test code only.
 */
import type { ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { act } from './act';
import '../effectTiming';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import en from '../../i18n/locales/en.json';

export interface Rendered {
  readonly container: HTMLElement;
  readonly root: Root;
  /** Errors an error boundary caught (each boundary logs the one it caught). */
  readonly caughtErrors: unknown[];
  click: (element: Element) => void;
  unmount: () => void;
}

export function renderInDom(ui: ReactNode): Rendered {
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({
    lng: 'en',
    resources: { en: { translation: en } },
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  const container = document.createElement('div');
  document.body.append(container);
  const caughtErrors: unknown[] = [];
  // Collect what the boundaries log (PanelErrorBoundary) instead of printing it to the test
  // output; any other console.error goes on to whatever console.error was (a test's spy too).
  const previousError = console.error;
  console.error = (...args: unknown[]) => {
    const [message, error] = args;
    if (typeof message === 'string' && /^docker-anatomy: the .* panel failed$/.test(message))
      caughtErrors.push(error);
    else previousError.apply(console, args);
  };
  const root = createRoot(container);
  act(() => root.render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>));
  return {
    container,
    root,
    caughtErrors,
    click: (element) =>
      act(() => {
        element.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      }),
    unmount: () => {
      act(() => root.unmount());
      container.remove();
      console.error = previousError;
    },
  };
}
