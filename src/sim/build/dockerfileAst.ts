/**
 * dockerfile-ast (the VS Code Docker language server's parser), made safe to run anywhere the
 * simulation runs, and installed as its Dockerfile parser on import (./dockerfileParser.ts).
 * Its one use of Node's `Buffer` (checking the first character for a UTF-8 byte-order mark) is
 * replaced by the same test on the character itself, so the parser works in the browser
 * without a Buffer polyfill. Everything else is the library's own.
 */
import { DockerfileParser } from 'dockerfile-ast';
import { Util } from 'dockerfile-ast/lib/util.js';
import { installDockerfileParser } from './dockerfileParser';

// A BOM decoded into a JS string is U+FEFF; encoding it as UTF-8 gives EF BB BF.
Util.isUTF8BOM = (char: string): boolean => char === '\uFEFF';

installDockerfileParser((text) => DockerfileParser.parse(text));
