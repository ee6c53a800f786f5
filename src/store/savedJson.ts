/**
 * Reading JSON that came from outside the app's memory (saved in this browser, a file, a link),
 * up to the schema check: its size, its syntax, the version it was saved by, and the first
 * problem the schema found. Each says why in the words the app shows ("it is not JSON").
 * Contract: never throws, and imports no schema library (the callers load zod when needed).
 */

export type JsonRead = { ok: true; json: unknown } | { ok: false; reason: string };

/** Parses `text`, refused unread when longer than `maxLength` (`tooLarge` says so). */
export function parseJsonText(text: string, maxLength: number, tooLarge: string): JsonRead {
  if (text.length > maxLength) return { ok: false, reason: tooLarge };
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'it is not JSON' };
  }
}

/** Why JSON stamped with another format version than `version` cannot be read, or null. */
export function otherVersion(json: unknown, version: number): string | null {
  const saved = (json as { version?: unknown } | null)?.version;
  return typeof saved === 'number' && saved !== version
    ? `it was saved by another version (${saved})`
    : null;
}

/** A schema failure (zod's error, by its shape) as "where: what", `whole` naming the root. */
export function firstIssue(
  error: {
    readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[];
  },
  whole: string,
): string {
  const issue = error.issues[0];
  return `${issue?.path.map(String).join('.') || whole}: ${issue?.message ?? 'invalid'}`;
}
