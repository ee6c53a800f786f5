/**
 * Here-documents as buildkit reads them (`RUN <<EOF`, `COPY <<a.txt /dest`), found before
 * dockerfile-ast sees the file. buildkit allows them on RUN, COPY and ADD (also behind ONBUILD);
 * a marker is `[n]<<[-][ ]word` outside quotes, the word unquoted as the shell would (`<<'EOF'`,
 * `<<eo\'f`, `<<'one two'`), and the body runs to a line equal to the word (leading tabs
 * ignored with `<<-`). dockerfile-ast misses the file-descriptor form and quoted words
 * (TOOLCHAIN.md), so each marker is handed to it as a plain `<<word` with a private name and
 * its terminator line as that name; `restore` gives the instruction text back as written.
 *
 * A body that never ends is buildkit's `unterminated heredoc`. Pure.
 */
import type { DockerfileError } from './dockerfile';

export interface HeredocScan {
  /** The Dockerfile with every marker and terminator rewritten for dockerfile-ast. */
  readonly source: string;
  readonly errors: readonly DockerfileError[];
  /** Puts the markers and terminators back into an instruction's text. */
  readonly restore: (text: string) => string;
}

const HEREDOC_INSTRUCTIONS = new Set(['RUN', 'COPY', 'ADD']);

interface Marker {
  /** Where `[n]<<...word` starts and ends in the logical line. */
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly chomp: boolean;
}

type Found = { markers: Marker[] } | { error: string };

/** The name a heredoc word stands for: quotes removed, backslash escapes resolved. */
function unquote(word: string): string | { error: string } {
  let name = '';
  let quote: string | null = null;
  for (let i = 0; i < word.length; i++) {
    const c = word[i] ?? '';
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < word.length) name += word[++i] ?? '';
      else name += c;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '\\' && i + 1 < word.length) name += word[++i] ?? '';
    else name += c;
  }
  if (quote)
    return {
      error: `unexpected end of statement while looking for matching ${quote === "'" ? 'single' : 'double'}-quote`,
    };
  return name;
}

/** The heredoc markers of one logical instruction line (its arguments after the keyword). */
function markersOf(args: string): Found {
  const trimmed = args.trim();
  if (trimmed.startsWith('[')) {
    try {
      if (Array.isArray(JSON.parse(trimmed))) return { markers: [] };
    } catch {
      // Not JSON: shell form, scanned below.
    }
  }
  const markers: Marker[] = [];
  let quote: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const c = args[i] ?? '';
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    const wordStart = i === 0 || /\s/.test(args[i - 1] ?? '');
    const m = wordStart ? /^(\d*)<<(-?)[ \t]*/.exec(args.slice(i)) : null;
    if (!m || args[i + m[0].length] === '<') continue;
    let end = i + m[0].length;
    let q: string | null = null;
    while (end < args.length && (q || !/\s/.test(args[end] ?? ''))) {
      const d = args[end] ?? '';
      if (q) {
        if (d === q) q = null;
      } else if (d === "'" || d === '"') q = d;
      else if (d === '\\') end++;
      end++;
    }
    const word = args.slice(i + m[0].length, Math.min(end, args.length));
    if (word === '') continue;
    const name = unquote(word);
    if (typeof name !== 'string') return name;
    markers.push({ start: i, end: Math.min(end, args.length), name, chomp: m[2] === '-' });
    i = end - 1;
  }
  return { markers };
}

/** Private-use names no Dockerfile contains, one per heredoc. */
const placeholder = (n: number) => `HEREDOC\uE100${n}\uE101`;

export function scanHeredocs(text: string, escape: string): HeredocScan {
  const lines = text.split('\n');
  const errors: DockerfileError[] = [];
  const back: [string, string][] = [];
  let count = 0;
  const continues = (line: string) =>
    line.trimEnd().endsWith(escape) && !line.trimEnd().endsWith(escape + escape);

  for (let i = 0; i < lines.length; i++) {
    const first = (lines[i] ?? '').trimStart();
    if (first === '' || first.startsWith('#')) continue;
    // The logical line: this line and its continuations.
    const start = i;
    while (continues(lines[i] ?? '') && i + 1 < lines.length) i++;
    const words = first.split(/\s+/);
    let keyword = (words[0] ?? '').toUpperCase();
    if (keyword === 'ONBUILD') keyword = (words[1] ?? '').toUpperCase();
    if (!HEREDOC_INSTRUCTIONS.has(keyword)) continue;

    const heredocs: { marker: Marker; name: string }[] = [];
    for (let l = start; l <= i; l++) {
      const line = lines[l] ?? '';
      const found = markersOf(line);
      if ('error' in found) {
        errors.push({ line: start + 1, endLine: i + 1, message: found.error });
        break;
      }
      const named = found.markers.map((marker) => {
        const name = placeholder(count++);
        back.push([`<<${name}`, line.slice(marker.start, marker.end)]);
        return { marker, name };
      });
      // Rewrite from the right so that earlier offsets stay valid.
      let rewritten = line;
      for (const { marker, name } of [...named].reverse())
        rewritten = `${rewritten.slice(0, marker.start)}<<${name}${rewritten.slice(marker.end)}`;
      lines[l] = rewritten;
      heredocs.push(...named);
    }

    // The bodies follow the instruction, one after the other.
    for (const { marker, name } of heredocs) {
      let j = i + 1;
      for (; j < lines.length; j++) {
        const candidate = (lines[j] ?? '').replace(/\r$/, '');
        const compared = marker.chomp ? candidate.replace(/^\t+/, '') : candidate;
        if (compared === marker.name) break;
      }
      if (j >= lines.length) {
        // The body ran to the end of the file: its last line (a final line break ends it).
        const last = text.endsWith('\n') ? lines.length - 1 : lines.length;
        errors.push({ line: start + 1, endLine: last, message: 'unterminated heredoc' });
        i = lines.length;
        break;
      }
      back.push([name, lines[j] ?? '']);
      lines[j] = name;
      i = j;
    }
  }

  const restore = (s: string): string => {
    let out = s;
    // Markers first (`<<NAME`), then the bare names of terminator lines.
    for (const [from, to] of back) if (from.startsWith('<<')) out = out.split(from).join(to);
    for (const [from, to] of back) if (!from.startsWith('<<')) out = out.split(from).join(to);
    return out;
  };
  return { source: lines.join('\n'), errors, restore };
}
