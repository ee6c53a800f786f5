/**
 * `docker inspect` and the per-object `container|image|network|volume inspect`: the object's
 * JSON printed as the daemon sent it (4-space indented, in an array), or through `-f`/`--format`.
 * Plain `docker inspect` tries containers, then images, networks and volumes, and says
 * `Error: No such object: X` when none has that name.
 */
import { errorText, isError, segment, type EngineClient } from '../client';
import type { DockerCall, DockerCommand } from '../command';
import { flagOf } from '../flags';
import { parseTemplate, TemplateError, type Template } from '../format/goTemplate';

type Kind = 'container' | 'image' | 'network' | 'volume';

const ROUTES: Readonly<Record<Kind, (ref: string) => string>> = {
  container: (ref) => `/containers/${segment(ref)}/json`,
  image: (ref) => `/images/${segment(ref)}/json`,
  network: (ref) => `/networks/${segment(ref)}`,
  volume: (ref) => `/volumes/${segment(ref)}`,
};

const NOT_FOUND: Readonly<Record<Kind, (ref: string) => string>> = {
  container: (ref) => `Error response from daemon: No such container: ${ref}`,
  image: (ref) => `Error response from daemon: No such image: ${ref}`,
  network: (ref) => `Error response from daemon: network ${ref} not found`,
  volume: (ref) => `Error response from daemon: get ${ref}: no such volume`,
};

function fetch(
  client: EngineClient,
  kinds: readonly Kind[],
  ref: string,
): { ok: true; value: unknown } | { ok: false; error: string } {
  let last = '';
  for (const kind of kinds) {
    const response = client.get(ROUTES[kind](ref));
    if (!isError(response)) return { ok: true, value: response.body };
    if (response.status !== 404 || response.connectionRefused)
      return { ok: false, error: errorText(response) };
    last =
      kinds.length === 1
        ? errorText(response) || NOT_FOUND[kind](ref)
        : `Error: No such object: ${ref}`;
  }
  return { ok: false, error: last };
}

/**
 * The `-f`/`--format` template of an inspect command (`\t` and `\n` typed literally become tab
 * and newline); undefined without one; 'error' once its parse error is printed.
 */
export function formatTemplate(
  io: { err(text: string): void },
  format: string | undefined,
): Template | undefined | 'error' {
  if (!format) return undefined;
  try {
    return parseTemplate(format.replace(/\\t/g, '\t').replace(/\\n/g, '\n'));
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    io.err(`template parsing error: ${e.message}\n`);
    return 'error';
  }
}

function inspectWith(kinds: readonly Kind[], path: string): DockerCommand {
  return {
    path,
    args: { kind: 'min', n: 1 },
    run: (call: DockerCall) => {
      const { ctx, client, flags, args } = call;
      const template = formatTemplate(ctx, flagOf(flags, 'format'));
      if (template === 'error') return 1;
      const found: unknown[] = [];
      const errors: string[] = [];
      let status = 0;
      for (const ref of args) {
        const result = fetch(client, kinds, ref);
        if (!result.ok) {
          errors.push(result.error);
          status = 1;
          continue;
        }
        if (!template) {
          found.push(result.value);
          continue;
        }
        try {
          ctx.out(`${template.execute(result.value)}\n`);
        } catch (e) {
          if (!(e instanceof TemplateError)) throw e;
          ctx.err(`${e.message}\n`);
          status = 1;
        }
      }
      // The CLI prints what it found (`[]` when nothing), then what it did not.
      if (!template) ctx.out(`${JSON.stringify(found, null, 4)}\n`);
      for (const error of errors) ctx.err(`${error}\n`);
      return status;
    },
  };
}

export const inspect = inspectWith(['container', 'image', 'network', 'volume'], 'inspect');
export const containerInspect = inspectWith(['container'], 'container inspect');
export const imageInspect = inspectWith(['image'], 'image inspect');
export const networkInspect = inspectWith(['network'], 'network inspect');
export const volumeInspect = inspectWith(['volume'], 'volume inspect');
