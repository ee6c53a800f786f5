/**
 * `POST /images/create`: the pull the CLI runs for `docker pull` and when `docker run` finds no
 * image. Its JSON progress stream, like push's, is printed as the CLI's jsonmessage printer
 * prints it without a TTY: one line per status (`id: status`), progress-bar lines (`Pushing`
 * with a byte count) and `aux` lines left out; an error inside the stream ends it.
 */
import { familiarTagged, fullName, parseReference } from '../../../sim/images/reference';
import { errorText, isError, query, type EngineClient } from '../client';

export type PullOutcome =
  { ok: true; lines: string[] } | { ok: false; lines: string[]; error: string };

interface ProgressJson {
  status?: string;
  id?: string;
  error?: string;
  errorDetail?: { message?: string };
  progressDetail?: { current?: number; total?: number };
  aux?: unknown;
}

/** The lines a progress stream prints without a terminal, or its error. */
export function renderProgress(stream: readonly unknown[]): PullOutcome {
  const lines: string[] = [];
  for (const item of stream as ProgressJson[]) {
    if (item.error !== undefined)
      return { ok: false, lines, error: item.errorDetail?.message ?? item.error };
    const detail = item.progressDetail;
    // Without a TTY the progress bar is not drawn: such lines print nothing at all.
    if ((detail?.current ?? 0) > 0 || (detail?.total ?? 0) > 0) continue;
    if (item.aux !== undefined || item.status === undefined) continue;
    lines.push(item.id ? `${item.id}: ${item.status}` : item.status);
  }
  return { ok: true, lines };
}

export function pullImage(client: EngineClient, image: string): PullOutcome {
  const parsed = parseReference(image);
  if (!parsed.ok) return { ok: false, lines: [], error: parsed.error };
  const ref = parsed.ref;
  const response = client.post(
    `/images/create${query({ fromImage: fullName(ref), tag: ref.digest ?? ref.tag ?? 'latest' })}`,
  );
  if (isError(response)) return { ok: false, lines: [], error: errorText(response) };
  return renderProgress(response.stream ?? []);
}

/** `nginx` -> `nginx:latest`, as `Unable to find image 'nginx:latest' locally` names it. */
export function taggedName(image: string): string {
  const parsed = parseReference(image);
  return parsed.ok ? familiarTagged(parsed.ref) : image;
}
