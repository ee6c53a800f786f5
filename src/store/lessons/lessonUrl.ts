/**
 * A lesson fetched from an address the learner pastes.
 *
 * Contract: only https addresses are fetched (and http on loopback, for a teacher's own
 * machine: the page's CSP allows no other plain http); without cookies, credentials or a
 * referrer; for at most LESSON_FETCH_TIMEOUT_MS; and no more than `maxBytes` of body is read.
 * Every failure comes back as a reason in words, never as an exception. The text that comes
 * back is only text: the caller checks it like a lesson file (JSON, the schema, a rehearsal).
 *
 * Why the browser may fetch other sites at all: the page's CSP allows `connect-src https:`
 * for this (see vite.config.ts). A lesson is data, rendered as safe Markdown, so fetching one
 * can show text but never run code; and the other site must allow it with CORS.
 */

/** How long a lesson's server has to answer in full. */
export const LESSON_FETCH_TIMEOUT_MS = 10_000;

export type Fetched = { ok: true; text: string } | { ok: false; reason: string };

/** At most 60 printable characters of what the learner typed, to quote it back. */
function shown(text: string): string {
  const printable = text.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 60 ? `${printable.slice(0, 57)}...` : printable;
}

/** The address the learner typed, made absolute against the page's own, if it is http(s). */
export function lessonAddress(
  input: string,
  base: string,
): { ok: true; url: URL } | { ok: false; reason: string } {
  const typed = input.trim();
  if (typed === '') return { ok: false, reason: 'no address was given' };
  // Text without a scheme is a path beside the app, unless it reads as a sentence: quotes or
  // angle brackets, or spaces in something that is neither a path nor a .json file name.
  const sentence =
    /["<>]/.test(typed) || (/\s/.test(typed) && !typed.includes('/') && !/\.json$/i.test(typed));
  if (!/^[a-z][a-z\d+.-]*:/i.test(typed) && sentence)
    return { ok: false, reason: `"${shown(typed)}" is not a web address` };
  let url: URL;
  try {
    url = new URL(typed, base);
  } catch {
    return { ok: false, reason: `"${shown(typed)}" is not a web address` };
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return {
      ok: false,
      reason: `only https addresses (or http on this computer) can be opened, not ${shown(url.protocol)}`,
    };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'an address with a user name or password in it is not opened' };
  }
  return { ok: true, url };
}

/** Reads at most `maxBytes` of a body, cancelling the rest: a huge file is never held whole. */
async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(whole);
}

export async function fetchLessonText(
  url: URL,
  maxBytes: number,
  fetchFn: typeof fetch = fetch,
  timeoutMs = LESSON_FETCH_TIMEOUT_MS,
): Promise<Fetched> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchFn(url, {
      signal: controller.signal,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-cache',
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) {
      const status = `${response.status} ${response.statusText}`.trim();
      await response.body?.cancel();
      return { ok: false, reason: `the server answered ${status}` };
    }
    const declared = Number(response.headers.get('Content-Length') ?? NaN);
    if (declared > maxBytes) {
      await response.body?.cancel();
      return { ok: false, reason: 'the file is too large' };
    }
    const text = await readCapped(response, maxBytes);
    return text === null ? { ok: false, reason: 'the file is too large' } : { ok: true, text };
  } catch {
    if (controller.signal.aborted) {
      return { ok: false, reason: `no answer within ${timeoutMs / 1000} s` };
    }
    // The browser does not say which: the reason is the same to a page on purpose.
    return {
      ok: false,
      reason:
        'the server could not be reached, or it does not let other sites read the file (CORS)',
    };
  } finally {
    clearTimeout(timer);
  }
}
