/**
 * zod's global settings, applied before any schema is made: each module that makes one on the
 * first screen imports this before zod (an object schema decides at creation whether to
 * compile itself, and a bundle evaluates a chunk's imports before its own body).
 * zod would probe for eval with `new Function`; the page's CSP forbids it, and the browser
 * reports the refused probe as a violation even though zod catches it. Validation needs no eval.
 */
import { config } from 'zod';

config({ jitless: true });
