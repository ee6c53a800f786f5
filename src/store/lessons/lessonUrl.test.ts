import { describe, expect, it } from 'vitest';
import { fetchLessonText, lessonAddress } from './lessonUrl';

const BASE = 'https://anatomy.example/app/';

function address(input: string): URL {
  const got = lessonAddress(input, BASE);
  if (!got.ok) throw new Error(got.reason);
  return got.url;
}

/** A fetch that answers once with `body` (chunked as given) and records what it was asked. */
function server(status: number, chunks: string[], headers: Record<string, string> = {}) {
  const asked: { url: string; init: RequestInit | undefined }[] = [];
  const fetchFn = (async (url: URL, init?: RequestInit) => {
    asked.push({ url: String(url), init });
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
        controller.close();
      },
    });
    return new Response(body, { status, statusText: status === 404 ? 'Not Found' : '', headers });
  }) as typeof fetch;
  return { fetchFn, asked };
}

describe('lessonAddress', () => {
  it('takes https, and http only on this computer', () => {
    expect(address('https://raw.example/l.json').href).toBe('https://raw.example/l.json');
    expect(address(' http://localhost:8000/l.json ').host).toBe('localhost:8000');
    expect(address('http://127.0.0.1/l.json').hostname).toBe('127.0.0.1');
    expect(lessonAddress('http://lessons.example/l.json', BASE)).toEqual({
      ok: false,
      reason: 'only https addresses (or http on this computer) can be opened, not http:',
    });
  });

  it('resolves a relative address against the page', () => {
    expect(address('lessons/one.json').href).toBe('https://anatomy.example/app/lessons/one.json');
    expect(address('../shared/two%20words.json').href).toBe(
      'https://anatomy.example/shared/two%20words.json',
    );
  });

  it('says a sentence is not a web address, instead of fetching it as a relative path', () => {
    for (const text of ['not a url at all <b>', 'open the lesson please', 'lesson"one.json']) {
      const got = lessonAddress(text, BASE);
      expect(got).toEqual({ ok: false, reason: `"${text}" is not a web address` });
    }
    // A file or a path with a space in its name is still a relative address.
    expect(address('my lesson.json').href).toBe('https://anatomy.example/app/my%20lesson.json');
    expect(address('lessons/week 2/one.json').pathname).toBe('/app/lessons/week%202/one.json');
  });

  it('refuses scripts, data, files and credentials, quoting them safely', () => {
    for (const bad of ['javascript:alert(1)', 'data:application/json,{}', 'file:///etc/passwd']) {
      const got = lessonAddress(bad, BASE);
      expect(got.ok).toBe(false);
      if (!got.ok) expect(got.reason).toMatch(/^only https addresses .* not [a-z]+:$/);
    }
    expect(lessonAddress('https://me:secret@raw.example/l.json', BASE)).toEqual({
      ok: false,
      reason: 'an address with a user name or password in it is not opened',
    });
    expect(lessonAddress('   ', BASE)).toEqual({ ok: false, reason: 'no address was given' });
    const junk = lessonAddress(`http://[${'\u0000<b>'.repeat(100)}`, 'about:blank');
    expect(junk.ok).toBe(false);
    if (!junk.ok) {
      expect(junk.reason).toMatch(/^".{60}" is not a web address$/);
      expect(junk.reason).not.toContain('<b>\u0000');
    }
  });
});

describe('fetchLessonText', () => {
  it('reads the body across chunks, without credentials or referrer', async () => {
    const { fetchFn, asked } = server(200, ['{"schema', 'Version": 1}']);
    const got = await fetchLessonText(address('https://raw.example/l.json'), 1024, fetchFn);
    expect(got).toEqual({ ok: true, text: '{"schemaVersion": 1}' });
    expect(asked[0]?.init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
  });

  it('says what the server answered when it is not a success', async () => {
    const { fetchFn } = server(404, ['gone']);
    expect(await fetchLessonText(address('https://raw.example/x'), 1024, fetchFn)).toEqual({
      ok: false,
      reason: 'the server answered 404 Not Found',
    });
  });

  it('stops reading a body larger than the limit, declared or not', async () => {
    const declared = server(200, ['x'], { 'Content-Length': '5000' });
    expect(await fetchLessonText(address('https://a.example/'), 1024, declared.fetchFn)).toEqual({
      ok: false,
      reason: 'the file is too large',
    });
    const streamed = server(200, ['x'.repeat(600), 'y'.repeat(600), 'z'.repeat(600)]);
    expect(await fetchLessonText(address('https://a.example/'), 1024, streamed.fetchFn)).toEqual({
      ok: false,
      reason: 'the file is too large',
    });
  });

  it('turns a refused connection (or CORS) into words', async () => {
    const failing = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    const got = await fetchLessonText(address('https://a.example/'), 1024, failing);
    expect(got).toEqual({
      ok: false,
      reason:
        'the server could not be reached, or it does not let other sites read the file (CORS)',
    });
  });

  it('gives up on a server that never answers', async () => {
    const silent = ((_url: URL, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('', 'AbortError')));
      })) as typeof fetch;
    const got = await fetchLessonText(address('https://a.example/'), 1024, silent, 20);
    expect(got).toEqual({ ok: false, reason: 'no answer within 0.02 s' });
  });
});
