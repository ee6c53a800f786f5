/**
 * A lesson's short Markdown (narration, goals, hints), rendered as React elements, never as
 * HTML: raw HTML in the text stays text, links and images are not made (a lesson loaded at
 * run time cannot lead a learner away or load anything), headings read as paragraphs.
 */
import { Markdown, type MarkdownToJSX } from 'markdown-to-jsx/react';

const Plain = ({ children }: { children?: React.ReactNode }) => <span>{children}</span>;
const Paragraph = ({ children }: { children?: React.ReactNode }) => <p>{children}</p>;

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

export function LessonMarkdown({ text, inline = false }: { text: string; inline?: boolean }) {
  return (
    <Markdown options={inline ? { ...OPTIONS, forceBlock: false, forceInline: true } : OPTIONS}>
      {text}
    </Markdown>
  );
}
