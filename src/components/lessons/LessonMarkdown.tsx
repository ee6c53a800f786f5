/**
 * A lesson's short Markdown (narration, goals, hints), rendered as React elements, never as
 * HTML: raw HTML in the text stays text, links and images are not made (a lesson loaded at
 * run time cannot lead a learner away or load anything), headings read as paragraphs.
 */
import { createElement, useMemo, type ReactNode } from 'react';
import { compiler, type MarkdownToJSX } from 'markdown-to-jsx/react';

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
const INLINE: Partial<MarkdownToJSX.Options> = { ...OPTIONS, forceBlock: false, forceInline: true };

/** The parts of a React element object that markdown-to-jsx writes and this file reads. */
interface ElementObject {
  readonly type: Parameters<typeof createElement>[0];
  readonly key: string | null;
  readonly props: { readonly children?: unknown } & Record<string, unknown>;
}

function isElementObject(node: unknown): node is ElementObject {
  return typeof node === 'object' && node !== null && '$$typeof' in node && 'props' in node;
}

/**
 * markdown-to-jsx writes React's element objects by hand for speed. The app runs on Preact
 * (see vite.config.ts), which renders only elements made through createElement, and ignores
 * the rest: so the tree is made again, element by element, with the same types and props.
 * (Preact's own elements carry the same marks, so any element is remade: that is harmless.)
 */
function remake(node: unknown): ReactNode {
  if (Array.isArray(node)) return node.map(remake);
  if (!isElementObject(node)) return node as ReactNode;
  const { children, ...props } = node.props;
  return createElement(node.type, { ...props, key: node.key }, remake(children));
}

export function LessonMarkdown({ text, inline = false }: { text: string; inline?: boolean }) {
  return useMemo(() => remake(compiler(text, inline ? INLINE : OPTIONS)), [text, inline]);
}
