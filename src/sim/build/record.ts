/**
 * What a build leaves for the views: the build record in World.builds (started, each step as it
 * finishes, how it ended) and, per finished step, a message from dockerd into the image store
 * (a layer, a cache hit, the base image or config only) that the host view animates.
 * Contract: changes the world only through `h.change`, so a build can be replayed to any step.
 */
import { humanSize } from '../api/humanize';
import { digestOf } from '../digest';
import type { DockerHost } from '../host';
import type { Image } from '../types';
import type { DockerfileInstruction } from './dockerfile';

export class BuildRecorder {
  private readonly id: string;

  constructor(
    private readonly h: DockerHost,
    tags: readonly string[],
    total: number,
  ) {
    // Unique within a session: the clock moves on during a build, and the count grows.
    this.id = digestOf(`build ${h.now} ${h.world.builds.length} ${tags.join(' ')}`);
    h.change(
      {
        op: 'build.start',
        build: {
          id: this.id,
          startedAt: h.now,
          tags: [...tags],
          total,
          steps: [],
          imageId: null,
          error: null,
          finishedAt: null,
        },
      },
      'dockerd',
      'build started',
    );
  }

  step(
    instruction: DockerfileInstruction,
    n: number,
    image: Image,
    cached: boolean,
    layer: string | null,
    stage: number,
  ): void {
    const { h } = this;
    h.change(
      {
        op: 'build.step',
        id: this.id,
        step: {
          n,
          instruction: `${instruction.keyword} ${instruction.text.trim()}`,
          line: instruction.line,
          cached,
          imageId: image.id,
          layer,
          stage,
          at: h.now,
        },
      },
      'dockerd',
      `step ${n} ${cached ? 'cached' : 'done'}`,
    );
    const size = layer ? h.world.layers[layer]?.size : undefined;
    const what = cached
      ? 'using cache'
      : size !== undefined
        ? `layer ${humanSize(size)}`
        : instruction.keyword === 'FROM'
          ? 'base image'
          : 'config only';
    h.emit('note', 'dockerd', 'images', `Step ${n}: ${what}`, {
      line: instruction.line,
      cached,
      layer,
    });
  }

  built(imageId: string): void {
    this.h.change({ op: 'build.end', id: this.id, imageId, error: null }, 'dockerd', 'build done');
  }

  failed(message: string, line: number | null): void {
    this.h.change(
      { op: 'build.end', id: this.id, imageId: null, error: { message, line } },
      'dockerd',
      'build failed',
    );
  }
}
