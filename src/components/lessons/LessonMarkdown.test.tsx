// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { renderInDom, type Rendered } from '../testing/renderInDom';
import { LessonMarkdown } from './LessonMarkdown';

let rendered: Rendered | undefined;
afterEach(() => rendered?.unmount());

describe('LessonMarkdown', () => {
  it('renders paragraphs, emphasis, code and lists as elements', () => {
    rendered = renderInDom(
      <LessonMarkdown text={'Run `docker stop web`: **SIGTERM** first.\n\n- one\n- two'} />,
    );
    const { container } = rendered;
    expect(container.querySelector('code.lesson-code')?.textContent).toBe('docker stop web');
    expect(container.querySelector('strong')?.textContent).toBe('SIGTERM');
    expect([...container.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'one',
      'two',
    ]);
    expect(container.querySelectorAll('p')).toHaveLength(1);
  });

  it('keeps raw HTML as text, and makes no link, image or heading', () => {
    rendered = renderInDom(
      <LessonMarkdown
        text={
          '# Title\n\nSee [the docs](https://example.com) ![x](https://example.com/x.png) <b>bold</b>'
        }
      />,
    );
    const { container } = rendered;
    expect(container.querySelector('a, img, h1, b')).toBeNull();
    expect(container.textContent).toContain('Title');
    expect(container.textContent).toContain('the docs');
    expect(container.textContent).toContain('<b>bold</b>');
  });

  it('renders inline text without a paragraph around it', () => {
    rendered = renderInDom(<LessonMarkdown inline text={'Press **Enter**'} />);
    expect(rendered.container.querySelector('p')).toBeNull();
    expect(rendered.container.querySelector('strong')?.textContent).toBe('Enter');
  });
});
