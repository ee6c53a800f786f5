/**
 * dockerfile-ast (the VS Code Docker language server's parser), made safe to run anywhere the
 * simulation runs, and installed on import with the code that reads and builds Dockerfiles
 * (./dockerfileParser.ts says why they are installed rather than imported by the core).
 * Its one use of Node's `Buffer` (checking the first character for a UTF-8 byte-order mark) is
 * replaced by the same test on the character itself, so the parser works in the browser
 * without a Buffer polyfill. Everything else is the library's own.
 */
import { DockerfileParser } from 'dockerfile-ast';
import { Util } from 'dockerfile-ast/lib/util.js';
import { runBuild } from './builder';
import { parseDockerfile } from './dockerfile';
import { installDockerfileSupport } from './dockerfileParser';

// A BOM decoded into a JS string is U+FEFF; encoding it as UTF-8 gives EF BB BF.
Util.isUTF8BOM = (char: string): boolean => char === '\uFEFF';

installDockerfileSupport({
  parseAst: (text) => DockerfileParser.parse(text),
  parseDockerfile,
  runBuild,
});
