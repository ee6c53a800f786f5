/**
 * Page object for the Build view: the view switch in the header, the build context's file tabs,
 * the CodeMirror editor (a textbox named "Contents of <file>"), the list of the Dockerfile's
 * problems and the Build button. Tests speak in these terms, not in CodeMirror's classes, except
 * where only the drawing says it (the underline, a line's text).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppPage } from './AppPage';
import type { Terminal } from './Terminal';

export class BuildView {
  readonly region: Locator;
  readonly problems: Locator;
  readonly problemSummary: Locator;
  readonly buildButton: Locator;
  readonly tag: Locator;

  constructor(
    private readonly app: AppPage,
    readonly page: Page,
  ) {
    this.region = page.getByRole('region', { name: 'Build', exact: true });
    this.problems = this.region.getByRole('list', { name: 'Problems in the Dockerfile' });
    this.problemSummary = this.region.getByText(/^(No problems in the Dockerfile\.|Dockerfile: )/);
    this.buildButton = this.region.getByRole('button', { name: 'Build', exact: true });
    this.tag = this.region.getByRole('textbox', { name: 'Tag' });
  }

  viewOption(name: 'Host' | 'Build'): Locator {
    return this.page.getByRole('group', { name: 'View' }).getByRole('radio', { name });
  }

  /** Opens the app and switches to the Build view, with the Dockerfile in the editor. */
  async open() {
    await this.app.goto();
    await this.viewOption('Build').check();
    await expect(this.editor('Dockerfile')).toContainText('FROM');
  }

  fileTab(name: string): Locator {
    return this.region.getByRole('tab', { name, exact: true });
  }

  /** The editable text of a file (CodeMirror's content element). */
  editor(file: string): Locator {
    return this.region.getByRole('textbox', { name: `Contents of ${file}`, exact: true });
  }

  /** One drawn line of the editor, 1-based. */
  line(n: number): Locator {
    return this.region.locator('.cm-line').nth(n - 1);
  }

  /** Puts the cursor at the start of line `n` and types `text` as a student would. */
  async typeAtLine(n: number, text: string) {
    await this.line(n).click();
    await this.page.keyboard.press('Home');
    await this.page.keyboard.type(text);
  }

  /** Error underlines drawn in the editor. */
  errorUnderlines(): Locator {
    return this.region.locator('.cm-lintRange-error');
  }

  problem(text: string): Locator {
    return this.problems.getByRole('button', { name: text });
  }

  /** Clears the terminal, clicks Build and waits until the image is tagged. */
  async buildAndWait(terminal: Terminal, tag = 'app:latest') {
    await terminal.focus();
    await terminal.clear();
    await this.buildButton.click();
    const squash = (text: string) => text.replace(/\s+/g, '');
    await expect
      .poll(async () => squash(await terminal.text()))
      .toContain(squash(`Successfully tagged ${tag}`));
  }
}
