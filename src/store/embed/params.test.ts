/**
 * URL parameters as an embedding page writes them: each known one applies, anything unknown
 * or invalid is ignored with a warning that quotes it short and printable, and the Embed
 * dialog's query string parses back to what it was made from.
 */
import { describe, expect, it } from 'vitest';
import { embedSearch, originOf, parseEmbedParams, quote } from './params';

describe('parseEmbedParams', () => {
  it('reads every known parameter', () => {
    const { settings, warnings } = parseEmbedParams(
      '?lesson=daemonless&step=3&view=cluster&orchestrator=kubernetes&panels=narration,terminal' +
        '&theme=dark&autoplay=0&speed=2&lang=en&chrome=minimal&origins=https://school.example,http://localhost:8080',
    );
    expect(warnings).toEqual([]);
    expect(settings).toEqual({
      mode: 'lessons',
      lesson: 'daemonless',
      step: 2,
      view: 'cluster',
      orchestrator: 'kubernetes',
      panels: ['narration', 'terminal'],
      theme: 'dark',
      autoplay: false,
      speed: 2,
      lang: 'en',
      chrome: 'minimal',
      origins: ['https://school.example', 'http://localhost:8080'],
    });
  });

  it('ignores what it does not know, or cannot use, with one warning each', () => {
    const { settings, warnings } = parseEmbedParams(
      '?view=<img src=x>&speed=3&step=0&panels=terminal,bogus&origins=javascript:alert(1)' +
        '&theme=purple&lesson=../../etc&foo=1&chrome=maximal',
    );
    expect(settings).toEqual({});
    expect(warnings).toHaveLength(9);
    expect(warnings).toContain('docker-anatomy: ignored unknown URL parameter "foo"');
    expect(warnings).toContain('docker-anatomy: ignored speed="3" (not a value it accepts)');
  });

  it('quotes at most a short printable prefix of a hostile value', () => {
    const { warnings } = parseEmbedParams(`?view=${encodeURIComponent('\u0007'.repeat(5000))}`);
    expect(warnings[0]).toBe(
      'docker-anatomy: ignored view="' + '?'.repeat(40) + '…" (not a value it accepts)',
    );
    expect(quote('<script>')).toBe('"<script>"');
  });

  it('keeps the first of a repeated parameter', () => {
    const { settings, warnings } = parseEmbedParams('?theme=dark&theme=light');
    expect(settings.theme).toBe('dark');
    expect(warnings).toEqual(['docker-anatomy: ignored a repeated URL parameter "theme"']);
  });

  it('leaves the bridge parameter to its own reader', () => {
    expect(parseEmbedParams('?bridge=http://127.0.0.1:2375').warnings).toEqual([]);
  });

  it('takes the sandbox over a lesson when both are asked for', () => {
    expect(parseEmbedParams('?sandbox&lesson=signals').settings.mode).toBe('sandbox');
  });
});

describe('originOf', () => {
  it('accepts exact http(s) origins only', () => {
    expect(originOf('https://school.example')).toBe('https://school.example');
    expect(originOf('https://school.example/')).toBe('https://school.example');
    expect(originOf('https://school.example/course')).toBeUndefined();
    expect(originOf('file:///etc/passwd')).toBeUndefined();
    expect(originOf('*')).toBeUndefined();
  });
});

describe('embedSearch', () => {
  it('writes what parse reads back', () => {
    const settings = {
      mode: 'lessons' as const,
      lesson: 'swarm',
      step: 4,
      view: 'cluster' as const,
      panels: ['narration' as const],
      theme: 'light' as const,
      chrome: 'minimal' as const,
      speed: 0.5 as const,
    };
    const parsed = parseEmbedParams(embedSearch(settings));
    expect(parsed.warnings).toEqual([]);
    expect(parsed.settings).toEqual(settings);
    expect(embedSearch({})).toBe('');
  });
});
