/**
 * The line the Build button types into the terminal. Contract: the tag is checked only for
 * what would change the meaning of the shell line (blanks, quotes, `;`, `$`, globs); whether it
 * is a valid image reference is the docker CLI's to say, in its own words, in the terminal.
 * Pure.
 */
import { CONTEXT_DIR } from './contextFiles';

export const DEFAULT_TAG = 'app';

export type TagProblem = 'empty' | 'characters';

const SHELL_SAFE = /^[A-Za-z0-9._/:@-]+$/;

export function tagProblem(tag: string): TagProblem | null {
  if (tag === '') return 'empty';
  return SHELL_SAFE.test(tag) ? null : 'characters';
}

export function buildCommand(tag: string): string {
  return `docker build -t ${tag} ${CONTEXT_DIR}`;
}
