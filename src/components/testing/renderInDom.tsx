/**
 * For component tests under jsdom: renders into a fresh container with English loaded
 * synchronously, and returns helpers to act on it. Test code only.
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import en from '../../i18n/locales/en.json';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

export interface Rendered {
  readonly container: HTMLElement;
  readonly root: Root;
  /** Errors React reported as caught by an error boundary. */
  readonly caughtErrors: unknown[];
  click: (element: Element) => void;
  unmount: () => void;
}

export function renderInDom(ui: ReactNode): Rendered {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
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
  // Collect boundary-caught errors instead of letting React print them to the test output.
  const root = createRoot(container, { onCaughtError: (error) => caughtErrors.push(error) });
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
    },
  };
}
