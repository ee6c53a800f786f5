/**
 * The URL parameters a course page or a slide sets on the app it embeds (documented in the
 * README): which lesson and step, or the sandbox; which view, which panels, theme, autoplay,
 * speed, language, a minimal chrome, and which origins may drive it with postMessage.
 *
 * Contract: pure and total. Any string in, settings out, with one warning per parameter that
 * was unknown or invalid (and so ignored, the default kept). Values are only compared against
 * known words and numbers; none is ever kept as text to be shown, and warnings quote at most a
 * short, printable prefix of what was given.
 */
import { SPEEDS, type Speed } from '../playback';
import {
  PANEL_IDS,
  VIEWS,
  type Mode,
  type Orchestrator,
  type PanelId,
  type View,
} from '../uiStore';
import type { ThemePreference } from '../themePreference';

export interface EmbedSettings {
  mode?: Mode;
  lesson?: string;
  /** 0-based step (the URL says 1 for the first). */
  step?: number;
  view?: View;
  orchestrator?: Orchestrator;
  /** The panels to show; the others start folded. */
  panels?: readonly PanelId[];
  theme?: ThemePreference;
  autoplay?: boolean;
  speed?: Speed;
  lang?: string;
  chrome?: 'full' | 'minimal';
  /** Origins allowed to send commands (default: the app's own origin only). */
  origins?: readonly string[];
}

export interface ParsedParams {
  readonly settings: EmbedSettings;
  readonly warnings: readonly string[];
}

/** Parameters read elsewhere (the bridge's own hook), known here so they are not warned about. */
const OTHER_KNOWN = new Set(['bridge']);
const LONGEST_VALUE = 2000;

/** What a warning may quote of a value: short and printable. */
export function quote(value: string): string {
  const printable = value.replace(/[^\x20-\x7e]/g, '?');
  return JSON.stringify(printable.length > 40 ? `${printable.slice(0, 40)}…` : printable);
}

const oneOf = <T extends string>(words: readonly T[], value: string): T | undefined =>
  (words as readonly string[]).includes(value) ? (value as T) : undefined;

function booleanOf(value: string): boolean | undefined {
  if (['1', 'true', 'yes', ''].includes(value)) return true;
  if (['0', 'false', 'no'].includes(value)) return false;
  return undefined;
}

/** An http(s) origin exactly as browsers write it (`https://school.example:8443`), or none. */
export function originOf(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return url.origin === value.replace(/\/$/, '') ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

type Reader = (value: string, settings: EmbedSettings) => boolean;

/** Each known parameter: true when its value was used. */
const READERS: Readonly<Record<string, Reader>> = {
  // `sandbox` sets the mode too: a mode that cannot be used must not unset it.
  mode: (v, s) => {
    const mode = oneOf(['lessons', 'sandbox'] as const, v);
    if (mode) s.mode = mode;
    return mode !== undefined;
  },
  sandbox: (v, s) => {
    const on = booleanOf(v);
    if (on) s.mode = 'sandbox';
    return on !== undefined;
  },
  lesson: (v, s) => /^[a-z0-9][a-z0-9-]{0,59}$/.test(v) && !!(s.lesson = v),
  step: (v, s) => {
    const n = Number(v);
    if (!/^[0-9]{1,3}$/.test(v) || n < 1) return false;
    s.step = n - 1;
    return true;
  },
  view: (v, s) => !!(s.view = oneOf(VIEWS, v)),
  orchestrator: (v, s) => !!(s.orchestrator = oneOf(['swarm', 'kubernetes'] as const, v)),
  panels: (v, s) => {
    const ids = v.split(',').filter(Boolean);
    const panels = ids.map((id) => oneOf(PANEL_IDS, id));
    if (ids.length === 0 || panels.some((p) => p === undefined)) return false;
    s.panels = panels as PanelId[];
    return true;
  },
  theme: (v, s) => !!(s.theme = oneOf(['light', 'dark', 'system'] as const, v)),
  autoplay: (v, s) => (s.autoplay = booleanOf(v)) !== undefined,
  speed: (v, s) => {
    const speed = SPEEDS.find((x) => String(x) === v);
    if (speed === undefined) return false;
    s.speed = speed;
    return true;
  },
  lang: (v, s) => /^[a-z]{2}(-[A-Z]{2})?$/.test(v) && !!(s.lang = v),
  chrome: (v, s) => !!(s.chrome = oneOf(['full', 'minimal'] as const, v)),
  origins: (v, s) => {
    const origins = v.split(',').map((o) => originOf(o.trim()));
    if (origins.length === 0 || origins.some((o) => o === undefined)) return false;
    s.origins = origins as string[];
    return true;
  },
};

export function parseEmbedParams(search: string): ParsedParams {
  const settings: EmbedSettings = {};
  const warnings: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { settings, warnings: ['docker-anatomy: the URL parameters could not be read'] };
  }
  const seen = new Set<string>();
  for (const [key, value] of params) {
    if (OTHER_KNOWN.has(key)) continue;
    const reader = Object.hasOwn(READERS, key) ? READERS[key] : undefined;
    if (!reader) {
      warnings.push(`docker-anatomy: ignored unknown URL parameter ${quote(key)}`);
      continue;
    }
    if (seen.has(key)) {
      warnings.push(`docker-anatomy: ignored a repeated URL parameter ${quote(key)}`);
      continue;
    }
    seen.add(key);
    if (value.length > LONGEST_VALUE || !reader(value, settings))
      warnings.push(`docker-anatomy: ignored ${key}=${quote(value)} (not a value it accepts)`);
  }
  // A lesson asked for means Lessons mode, unless the sandbox was asked for too.
  if (settings.lesson !== undefined && settings.mode === undefined) settings.mode = 'lessons';
  return { settings, warnings };
}

/** The query string for `settings` (the Embed dialog's snippet; parse gives them back). */
export function embedSearch(settings: EmbedSettings): string {
  const params = new URLSearchParams();
  if (settings.mode) params.set('mode', settings.mode);
  if (settings.lesson) params.set('lesson', settings.lesson);
  if (settings.step !== undefined) params.set('step', String(settings.step + 1));
  if (settings.view) params.set('view', settings.view);
  if (settings.orchestrator) params.set('orchestrator', settings.orchestrator);
  if (settings.panels) params.set('panels', settings.panels.join(','));
  if (settings.theme) params.set('theme', settings.theme);
  if (settings.autoplay !== undefined) params.set('autoplay', settings.autoplay ? '1' : '0');
  if (settings.speed !== undefined) params.set('speed', String(settings.speed));
  if (settings.lang) params.set('lang', settings.lang);
  if (settings.chrome) params.set('chrome', settings.chrome);
  if (settings.origins) params.set('origins', settings.origins.join(','));
  const text = params.toString();
  return text ? `?${text}` : '';
}
