/**
 * The part of the shell language the canned `sh -c` understands: simple commands joined by
 * `;`, `&&` and `||`, words with single and double quotes, `$VAR`, `${VAR}` and `$?`, and the
 * output redirections `> file`, `>> file`, `2> file`, `2>> file` and `N>&M`. Anything else
 * (pipes, `<`, subshells, backquotes, braces, `\`) makes the parse fail (null). Pure.
 */

/** A word as written: literal parts, and parts whose `$VAR`s expand when the command runs. */
export type Word = readonly { readonly expands: boolean; readonly text: string }[];
export type Op = ';' | '&&' | '||';

/** `N> target`, `N>> target`, or `N>&M` (a copy of where descriptor M goes). */
export type Redirect =
  | { readonly fd: 1 | 2; readonly append: boolean; readonly target: Word }
  | { readonly fd: 1 | 2; readonly dup: 1 | 2 };

export interface Command {
  readonly op: Op;
  readonly words: Word[];
  readonly redirects: Redirect[];
}

const fdOf = (text: string): 1 | 2 => (text === '2' ? 2 : 1);

/** Splits `sh -c` text into simple commands; null if it uses more than this shell models. */
export function parseScript(text: string): Command[] | null {
  const commands: Command[] = [{ op: ';', words: [], redirects: [] }];
  let word: Word | null = null;
  let pending: { fd: 1 | 2; append: boolean } | null = null;
  const add = (expands: boolean, part: string): void => {
    const parts: Word = word ?? [];
    const last = parts.at(-1);
    word =
      last?.expands === expands
        ? [...parts.slice(0, -1), { expands, text: last.text + part }]
        : [...parts, { expands, text: part }];
  };
  // Read through a function: `word` changes inside the closures above and below.
  const current = (): Word | null => word;
  const flush = (): void => {
    const command = commands.at(-1);
    if (word !== null && command) {
      if (pending) command.redirects.push({ ...pending, target: word });
      else command.words.push(word);
      pending = null;
    }
    word = null;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    const two = text.slice(i, i + 2);
    if (/\s/.test(ch)) flush();
    else if (two === '&&' || two === '||' || ch === ';') {
      flush();
      if (pending) return null;
      commands.push({ op: ch === ';' ? ';' : (two as Op), words: [], redirects: [] });
      if (ch !== ';') i++;
    } else if (ch === '>') {
      if (pending) return null;
      // A lone unquoted digit right before `>` names the descriptor (`2>`).
      const only = current();
      const digit = only?.length === 1 && only[0]?.expands && /^[12]$/.test(only[0].text);
      const fd = digit ? fdOf(only[0]?.text ?? '') : 1;
      if (digit) word = null;
      else flush();
      const append = text[i + 1] === '>';
      if (append) i++;
      const dup = /^&([12])/.exec(text.slice(i + 1));
      if (dup) {
        commands.at(-1)?.redirects.push({ fd, dup: fdOf(dup[1] ?? '') });
        i += 2;
      } else pending = { fd, append };
    } else if ('|&<()`{}\\'.includes(ch)) return null;
    else if (ch === "'" || ch === '"') {
      const end = text.indexOf(ch, i + 1);
      if (end < 0) return null;
      add(ch === '"', text.slice(i + 1, end));
      i = end;
    } else add(true, ch); // unquoted: `$VAR` expands, the rest stays as it is
  }
  flush();
  if (pending) return null;
  return commands.filter((c) => c.words.length > 0 || c.redirects.length > 0);
}

/** Expands `$VAR`, `${VAR}` and `$?` with the values the shell has when the command runs. */
export function expandWord(word: Word, env: (key: string) => string): string {
  return word
    .map((part) =>
      part.expands
        ? part.text.replace(/\$(\{(\w+)\}|(\w+)|\?)/g, (_, _b, a?: string, b?: string) =>
            env(a ?? b ?? '?'),
          )
        : part.text,
    )
    .join('');
}
