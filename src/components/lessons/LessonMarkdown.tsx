/**
 * A lesson's short Markdown (narration, goals, hints), rendered as React elements, never as
 * HTML: raw HTML in the text stays text, links and images are not made (a lesson loaded at
 * run time cannot lead a learner away or load anything), headings read as paragraphs.
 */
import { useMemo } from 'react';
import { compiler, type MarkdownToJSX } from 'markdown-to-jsx';

const Plain = ({ children }: { children?: React.ReactNode }) => <span>{children}</span>;
const Paragraph = ({ children }: { children?: React.ReactNode }) => <p>{children}</p>;

// markdown-to-jsx 7 (7 KB gzip, where 9 is 31 KB): it makes its elements with the app's own
// createElement (Preact's, through preact/compat), and a lesson's text waits for it.
const OPTIONS: Partial<MarkdownToJSX.Options> = {
  disableParsingRawHTML: true,
  disableAutoLink: true,
  forceBlock: true,
  overrides: {
    a: Plain,
    img: () => null,
    h1: Paragraph,
    h2: Paragraph,
    h3: Paragraph,
    h4: Paragraph,
    h5: Paragraph,
    h6: Paragraph,
    code: { props: { className: 'lesson-code' } },
  },
};
const INLINE: Partial<MarkdownToJSX.Options> = { ...OPTIONS, forceBlock: false, forceInline: true };

export function LessonMarkdown({ text, inline = false }: { text: string; inline?: boolean }) {
  return useMemo(() => compiler(text, inline ? INLINE : OPTIONS), [text, inline]);
}
