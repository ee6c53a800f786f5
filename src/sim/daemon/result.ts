/**
 * What a daemon operation returns: a value, or an error with the HTTP status dockerd answers
 * and its message (`Error response from daemon: <message>` in the CLI).
 */
export type Result<T = undefined> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly status: number;
      readonly message: string;
      readonly exitCode?: number;
    };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function ok0(): Result {
  return { ok: true, value: undefined };
}

export function fail(
  status: number,
  message: string,
  exitCode?: number,
): { ok: false; status: number; message: string; exitCode?: number } {
  return exitCode === undefined
    ? { ok: false, status, message }
    : { ok: false, status, message, exitCode };
}
