/**
 * `docker history IMAGE`: `GET /images/{name}/history`, printed as the CLI's history
 * formatter prints it: IMAGE (short, `<missing>` where the layer's image is not local),
 * CREATED ("2 weeks ago", or RFC 3339 with `-H=false`), CREATED BY (tabs as spaces, cut to 45
 * characters with `…` unless `--no-trunc`), SIZE (3 significant digits, or bytes with
 * `-H=false`) and COMMENT; `-q` prints the IDs, `--format` any Go template.
 */
import { humanSize } from '../../../sim/api/humanize';
import { failed, segment } from '../client';
import type { DockerCommand } from '../command';
import { boolOf, flagOf } from '../flags';
import { printList } from '../format/list';
import { ago, ellipsis, shortId } from '../format/values';

interface HistoryJson {
  Id: string;
  Created: number;
  CreatedBy: string;
  Size: number;
  Comment: string;
}

const TABLE = 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
const HEADERS = {
  ID: 'IMAGE',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  CreatedBy: 'CREATED BY',
  Size: 'SIZE',
  Comment: 'COMMENT',
};

/** Go's time.RFC3339 in the host's zone (UTC). */
function rfc3339(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const history: DockerCommand = {
  path: 'history',
  args: { kind: 'exact', n: 1 },
  run: ({ ctx, client, flags, args }) => {
    const response = client.get(`/images/${segment(args[0] ?? '')}/history`);
    if (failed(ctx, response)) return 1;
    const human = flagOf(flags, 'human') !== 'false';
    const trunc = !boolOf(flags, 'no-trunc');
    const nowMs = ctx.host.world.epochMs + ctx.host.now;
    const rows = ((response.body as HistoryJson[] | undefined) ?? []).map((item) => {
      const createdBy = item.CreatedBy.replace(/\t/g, ' ');
      return {
        ID: trunc ? shortId(item.Id) : item.Id,
        CreatedSince: human ? ago(item.Created, nowMs) : rfc3339(item.Created),
        CreatedAt: rfc3339(item.Created),
        CreatedBy: trunc ? ellipsis(createdBy, 45) : createdBy,
        Size: human ? humanSize(item.Size) : String(item.Size),
        Comment: item.Comment,
      };
    });
    const format = boolOf(flags, 'quiet') ? '{{.ID}}' : flagOf(flags, 'format');
    return printList(ctx, rows, format, { table: TABLE, headers: HEADERS });
  },
};
