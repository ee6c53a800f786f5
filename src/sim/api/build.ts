/**
 * `POST /build`: the classic builder behind the Engine API. The context arrives as files by
 * path (`{"context": {"Dockerfile": "...", "app.js": "..."}}`; a transport that receives the
 * real CLI's tar unpacks it into that shape). The answer is the builder's JSON stream; a
 * failed build still answers 200, with the error as the stream's last line, as dockerd does.
 */
import { dockerfileSupport } from '../build/dockerfileParser';
import { apiError, asRecord, flag, type Handler } from './http';

export const build: Handler = (ctx) => {
  const files = asRecord(asRecord(ctx.body)['context']);
  const context = Object.fromEntries(
    Object.entries(files).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  if (Object.keys(context).length === 0)
    return apiError(400, 'the build context is empty: send the files (the Dockerfile at least)');
  let buildArgs: Record<string, string> = {};
  const rawArgs = ctx.query.get('buildargs');
  if (rawArgs) {
    try {
      buildArgs = Object.fromEntries(
        Object.entries(asRecord(JSON.parse(rawArgs))).filter(
          (e): e is [string, string] => typeof e[1] === 'string',
        ),
      );
    } catch {
      return apiError(400, `error reading build args: invalid character in ${rawArgs}`);
    }
  }
  const result = dockerfileSupport().runBuild(ctx.h, {
    context,
    dockerfile: ctx.query.get('dockerfile') || 'Dockerfile',
    tags: ctx.query.getAll('t'),
    noCache: flag(ctx.query, 'nocache'),
    buildArgs,
  });
  return { status: 200, headers: { 'Content-Type': 'application/json' }, stream: result.lines };
};
