/**
 * `POST /images/create`: the pull the CLI runs for `docker pull` and when `docker run` finds no
 * image. The JSON progress stream is printed as the CLI prints it without a TTY (one line per
 * status, `id: status`); an error inside the stream ends it.
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
}

export function pullImage(client: EngineClient, image: string): PullOutcome {
  const parsed = parseReference(image);
  if (!parsed.ok) return { ok: false, lines: [], error: parsed.error };
  const ref = parsed.ref;
  const response = client.post(
    `/images/create${query({ fromImage: fullName(ref), tag: ref.digest ?? ref.tag ?? 'latest' })}`,
  );
  if (isError(response)) return { ok: false, lines: [], error: errorText(response) };
  const lines: string[] = [];
  for (const item of (response.stream ?? []) as ProgressJson[]) {
    if (item.error !== undefined)
      return { ok: false, lines, error: item.errorDetail?.message ?? item.error };
    if (item.status === undefined) continue;
    lines.push(item.id ? `${item.id}: ${item.status}` : item.status);
  }
  return { ok: true, lines };
}

/** `nginx` -> `nginx:latest`, as `Unable to find image 'nginx:latest' locally` names it. */
export function taggedName(image: string): string {
  const parsed = parseReference(image);
  return parsed.ok ? familiarTagged(parsed.ref) : image;
}
