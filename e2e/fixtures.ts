/**
 * Test fixtures: every test gets an AppPage, and fails if the page logged any console error
 * or warning or threw an uncaught error (the app must run clean under its strict CSP).
 */
import { test as base, expect } from '@playwright/test';
import { AppPage } from './pages/AppPage';

interface Fixtures {
  app: AppPage;
  consoleProblems: string[];
}

export const test = base.extend<Fixtures>({
  consoleProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') {
          problems.push(`${message.type()}: ${message.text()}`);
        }
      });
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      await use(problems);
      expect(problems, 'console errors or warnings').toEqual([]);
    },
    { auto: true },
  ],
  app: async ({ page }, use) => {
    await use(new AppPage(page));
  },
});

export { expect };
