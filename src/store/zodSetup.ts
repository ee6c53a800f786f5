/**
 * zod's global settings, applied before any schema is made: each module that makes one
 * imports this before zod (an object schema decides at creation whether to compile itself,
 * and a bundle evaluates a chunk's imports before its own body).
 * - jitless: zod would probe for eval with `new Function`; the page's CSP forbids it, and the
 *   browser reports the refused probe as a violation even though zod catches it.
 * - English messages: the first screen's schemas use zod/mini, which loads no locale of its
 *   own; its messages are the ones classic zod gives ("Too big: expected ...").
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config({ jitless: true, ...en() });
