/**
 * The `filters` parameter as dockerd decodes and matches it (moby api/types/filters), the
 * part every filtered listing (`docker events --filter ...`) relies on.
 */
import { describe, expect, it } from 'vitest';
import { exactMatch, fuzzyMatch, matchKVList, parseFilters, type FilterArgs } from './filters';

function args(raw: string): FilterArgs {
  const parsed = parseFilters(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.args;
}

describe('parseFilters', () => {
  it('reads the map form the CLI sends and the legacy list form alike', () => {
    const map = args('{"type":{"container":true},"event":{"start":true,"die":true}}');
    const list = args('{"type":["container"],"event":["start","die"]}');
    expect(map).toEqual(list);
  });

  it('no filters, an empty string or JSON null let everything through', () => {
    for (const raw of [null, '', 'null', '{}']) {
      const parsed = parseFilters(raw);
      expect(parsed.ok, String(raw)).toBe(true);
      if (parsed.ok) expect(exactMatch(parsed.args, 'type', 'image')).toBe(true);
    }
  });

  it('anything else is dockerd’s "invalid filter"', () => {
    for (const raw of ['type=container', '[]', '{"type":"container"}', '{"type":{"a":1}}'])
      expect(parseFilters(raw), raw).toEqual({ ok: false, error: 'invalid filter' });
  });
});

describe('matching', () => {
  it('exact: membership; fuzzy: also a prefix (container=web matches web2 in dockerd too)', () => {
    const a = args('{"container":["web"]}');
    expect(exactMatch(a, 'container', 'web')).toBe(true);
    expect(exactMatch(a, 'container', 'web2')).toBe(false);
    expect(fuzzyMatch(a, 'container', 'web2')).toBe(true);
    expect(fuzzyMatch(a, 'container', 'db')).toBe(false);
  });

  it('labels: every `k` or `k=v` must be there', () => {
    const a = args('{"label":["tier","env=prod"]}');
    expect(matchKVList(a, 'label', { tier: 'web', env: 'prod' })).toBe(true);
    expect(matchKVList(a, 'label', { tier: 'web', env: 'dev' })).toBe(false);
    expect(matchKVList(a, 'label', { env: 'prod' })).toBe(false);
    expect(matchKVList(a, 'label', {})).toBe(false);
    expect(matchKVList(args('{}'), 'label', {})).toBe(true);
  });
});
