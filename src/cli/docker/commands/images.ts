/**
 * Image commands: `images` (one row per tag, `<none>` for untagged), `pull` (the progress
 * stream, then the reference pulled), `rmi` (the daemon's Untagged/Deleted list), `tag`.
 * `push` and `history` have files of their own.
 */
import { familiarName, fullName, parseReference } from '../../../sim/images/reference';
import { errorText, isError, query, segment, failed } from '../client';
import type { DockerCommand } from '../command';
import { boolOf, flagOf, listOf } from '../flags';
import { printList } from '../format/list';
import { humanSize } from '../../../sim/api/humanize';
import { ago, shortId } from '../format/values';
import { filtersQuery } from './ps';
import { pullImage } from './pullStream';
import { registryHint } from './push';

interface ImageSummary {
  Id: string;
  RepoTags?: string[] | null;
  RepoDigests?: string[] | null;
  Created?: number;
  Size?: number;
}

const TABLE = 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}';
const DIGESTS_TABLE =
  'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}';
const HEADERS = {
  Repository: 'REPOSITORY',
  Tag: 'TAG',
  ID: 'IMAGE ID',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  Size: 'SIZE',
  Digest: 'DIGEST',
};

export const images: DockerCommand = {
  path: 'images',
  args: { kind: 'max', n: 1 },
  run: ({ ctx, client, flags, args }) => {
    const filters = [...listOf(flags, 'filter'), ...(args[0] ? [`reference=${args[0]}`] : [])];
    const response = client.get(
      `/images/json${query({ all: boolOf(flags, 'all'), filters: filtersQuery(filters) })}`,
    );
    if (failed(ctx, response)) return 1;
    const nowMs = ctx.host.world.epochMs + ctx.host.now;
    const trunc = !boolOf(flags, 'no-trunc');
    const rows = ((response.body as ImageSummary[] | undefined) ?? []).flatMap((image) => {
      const tags = image.RepoTags && image.RepoTags.length > 0 ? image.RepoTags : ['<none>:<none>'];
      return tags.map((repoTag) => {
        const colon = repoTag.lastIndexOf(':');
        const repository = repoTag.slice(0, colon);
        // The digest this repository knows the image by (pushed or pulled), if any.
        const digest = image.RepoDigests?.find((d) => d.startsWith(`${repository}@`));
        return {
          Repository: repository,
          Tag: repoTag.slice(colon + 1),
          ID: trunc ? shortId(image.Id) : image.Id,
          CreatedSince: ago(image.Created ?? 0, nowMs),
          CreatedAt: new Date((image.Created ?? 0) * 1000).toISOString(),
          Size: humanSize(image.Size ?? 0),
          Digest: digest?.slice(digest.indexOf('@') + 1) ?? '<none>',
        };
      });
    });
    const quiet = boolOf(flags, 'quiet');
    // -q lists each image once, however many tags it has, as the CLI does.
    const listed = quiet ? rows.filter((r, i) => rows.findIndex((o) => o.ID === r.ID) === i) : rows;
    return printList(ctx, listed, quiet ? '{{.ID}}' : flagOf(flags, 'format'), {
      table: boolOf(flags, 'digests') ? DIGESTS_TABLE : TABLE,
      headers: HEADERS,
    });
  },
};

export const pull: DockerCommand = {
  path: 'pull',
  args: { kind: 'exact', n: 1 },
  run: ({ ctx, client, flags, args }) => {
    const image = args[0] ?? '';
    const parsed = parseReference(image);
    if (!parsed.ok) {
      ctx.err(`${parsed.error}\n`);
      return 1;
    }
    if (!parsed.ref.tag && !parsed.ref.digest && !boolOf(flags, 'all-tags'))
      ctx.out('Using default tag: latest\n');
    const pulled = pullImage(client, image);
    if (!boolOf(flags, 'quiet')) for (const line of pulled.lines) ctx.out(`${line}\n`);
    if (!pulled.ok) {
      ctx.err(`${pulled.error}\n`);
      const hint = registryHint(pulled.error);
      if (hint) ctx.err(hint);
      return 1;
    }
    const ref = parsed.ref;
    ctx.out(`${fullName(ref)}${ref.digest ? `@${ref.digest}` : `:${ref.tag ?? 'latest'}`}\n`);
    return 0;
  },
};

export const rmi: DockerCommand = {
  path: 'rmi',
  args: { kind: 'min', n: 1 },
  run: ({ ctx, client, flags, args }) => {
    let status = 0;
    for (const ref of args) {
      const response = client.delete(
        `/images/${segment(ref)}${query({ force: boolOf(flags, 'force'), noprune: boolOf(flags, 'no-prune') })}`,
      );
      if (isError(response)) {
        ctx.err(`${errorText(response)}\n`);
        status = 1;
        continue;
      }
      for (const item of (response.body as { Untagged?: string; Deleted?: string }[] | undefined) ??
        []) {
        if (item.Untagged) ctx.out(`Untagged: ${item.Untagged}\n`);
        if (item.Deleted) ctx.out(`Deleted: ${item.Deleted}\n`);
      }
    }
    return status;
  },
};

export const tag: DockerCommand = {
  path: 'tag',
  args: { kind: 'exact', n: 2 },
  run: ({ ctx, client, args }) => {
    const [source = '', target = ''] = args;
    const parsed = parseReference(target);
    if (!parsed.ok) {
      ctx.err(`${parsed.error}\n`);
      return 1;
    }
    const response = client.post(
      `/images/${segment(source)}/tag${query({ repo: familiarName(parsed.ref), tag: parsed.ref.tag ?? 'latest' })}`,
    );
    if (failed(ctx, response)) return 1;
    return 0;
  },
};
