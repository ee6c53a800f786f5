/**
 * dockerfile-ast (the VS Code Docker language server's parser), made safe to run anywhere the
 * simulation runs. Its one use of Node's `Buffer` (checking the first character for a UTF-8
 * byte-order mark) is replaced by the same test on the character itself, so the parser works
 * in the browser without a Buffer polyfill. Everything else is the library's own.
 */
import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';
import { Util } from 'dockerfile-ast/lib/util.js';

// A BOM decoded into a JS string is U+FEFF; encoding it as UTF-8 gives EF BB BF.
Util.isUTF8BOM = (char: string): boolean => char === '\uFEFF';

export function parseAst(text: string): Dockerfile {
  return DockerfileParser.parse(text);
}
