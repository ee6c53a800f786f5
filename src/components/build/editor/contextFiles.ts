/**
 * The build context as the editor lists it: the host's files under /root/app, named relative
 * to it, the Dockerfile first. Also checks a name typed for a new file, so that it stays a
 * plain relative path inside the context (no `..`, no absolute path, no odd characters).
 * Pure.
 */

/** The folder the Build button sends as the context (`docker build ... /root/app`). */
export const CONTEXT_DIR = '/root/app';
export const DOCKERFILE_PATH = `${CONTEXT_DIR}/Dockerfile`;

export interface ContextFile {
  /** Absolute host path, the key in World.files. */
  readonly path: string;
  /** Relative to the context, as `COPY` and `.dockerignore` see it. */
  readonly name: string;
}

export function contextFiles(files: Readonly<Record<string, string>>): ContextFile[] {
  const prefix = `${CONTEXT_DIR}/`;
  return Object.keys(files)
    .filter((path) => path.startsWith(prefix) && path.length > prefix.length)
    .map((path) => ({ path, name: path.slice(prefix.length) }))
    .sort((a, b) =>
      a.path === DOCKERFILE_PATH ? -1 : b.path === DOCKERFILE_PATH ? 1 : a.name < b.name ? -1 : 1,
    );
}

export type FileNameProblem = 'empty' | 'tooLong' | 'absolute' | 'parent' | 'characters' | 'exists';

const MAX_NAME = 100;
/** One path segment: letters, digits, `.`, `_` and `-` (not first: it would read as a flag). */
const SEGMENT = /^[A-Za-z0-9._][A-Za-z0-9._-]*$/;

/** Why `name` cannot be a new file in the context, or null when it can. */
export function fileNameProblem(
  name: string,
  files: Readonly<Record<string, string>>,
): FileNameProblem | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'empty';
  if (trimmed.length > MAX_NAME) return 'tooLong';
  if (trimmed.startsWith('/') || trimmed.startsWith('~')) return 'absolute';
  const segments = trimmed.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return 'parent';
  if (!segments.every((s) => SEGMENT.test(s))) return 'characters';
  const path = `${CONTEXT_DIR}/${trimmed}`;
  // A file cannot also be a folder, in either direction.
  if (
    files[path] !== undefined ||
    Object.keys(files).some((p) => p.startsWith(`${path}/`) || path.startsWith(`${p}/`))
  )
    return 'exists';
  return null;
}

export type FileLanguage = 'dockerfile' | 'javascript' | 'json' | 'html' | 'plain';

/** The highlighting a file gets, by its name. */
export function languageOf(path: string): FileLanguage {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (/^(Dockerfile|Containerfile)(\..+)?$/.test(base) || base.endsWith('.dockerfile'))
    return 'dockerfile';
  if (/\.(m?js|cjs|jsx|ts|tsx)$/.test(base)) return 'javascript';
  if (base.endsWith('.json')) return 'json';
  if (/\.html?$/.test(base)) return 'html';
  return 'plain';
}
