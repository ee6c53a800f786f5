/**
 * Dockerfile variable substitution (`$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR:+alt}`), with
 * the builder's escape: `\$` stays a literal `$`. Which instructions substitute is the
 * builder's business; this only replaces.
 */
export function substitute(text: string, vars: ReadonlyMap<string, string>, escape = '\\'): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === escape && text[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    if (c !== '$') {
      out += c;
      continue;
    }
    const braced = /^\$\{(\w+)(?::([-+])([^}]*))?\}/.exec(text.slice(i));
    if (braced) {
      const [whole, name = '', op, word = ''] = braced;
      const value = vars.get(name);
      if (op === '-') out += value === undefined || value === '' ? word : value;
      else if (op === '+') out += value === undefined || value === '' ? '' : word;
      else out += value ?? '';
      i += whole.length - 1;
      continue;
    }
    const bare = /^\$(\w+)/.exec(text.slice(i));
    if (bare) {
      out += vars.get(bare[1] ?? '') ?? '';
      i += bare[0].length - 1;
      continue;
    }
    out += c;
  }
  return out;
}
