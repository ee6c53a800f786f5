/**
 * The iframe snippet the Embed dialog offers: the app's address with the URL parameters for
 * what is on screen now (the lesson and step, or the sandbox; the view; the panels shown; the
 * theme), at a size the teacher picks. Pure, so the dialog and its tests agree.
 */
import { embedSearch, type EmbedSettings } from '../../store/embed/params';

export interface SnippetChoice {
  readonly base: string;
  readonly settings: EmbedSettings;
  readonly width: number;
  readonly height: number;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function embedUrl(base: string, settings: EmbedSettings): string {
  return `${base}${embedSearch(settings)}`;
}

export function embedSnippet({ base, settings, width, height }: SnippetChoice): string {
  return [
    '<iframe',
    '  title="docker-anatomy"',
    `  src="${escapeAttribute(embedUrl(base, settings))}"`,
    `  width="${width}"`,
    `  height="${height}"`,
    '  style="border:0"',
    '  allow="fullscreen; clipboard-write"',
    '></iframe>',
  ].join('\n');
}
