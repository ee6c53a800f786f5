/**
 * Tagging an image as dockerd does it: a `name:tag` names one image at a time, so it moves
 * from whichever image had it; the `tag` event follows. Used by `docker tag` and the builder.
 */
import type { DockerHost } from '../host';
import type { Image } from '../types';

export function tagImage(h: DockerHost, image: Image, tagged: string): void {
  for (const other of Object.values(h.world.images)) {
    if (other.id !== image.id && other.repoTags.includes(tagged)) {
      h.change(
        {
          op: 'image.update',
          id: other.id,
          patch: { repoTags: other.repoTags.filter((t) => t !== tagged) },
        },
        'dockerd',
        `untag ${tagged}`,
      );
    }
  }
  const current = h.world.images[image.id] ?? image;
  if (!current.repoTags.includes(tagged)) {
    h.change(
      { op: 'image.update', id: image.id, patch: { repoTags: [...current.repoTags, tagged] } },
      'dockerd',
      `tag ${tagged}`,
    );
  }
  h.change(
    {
      op: 'event',
      event: {
        type: 'image',
        action: 'tag',
        actorId: image.id,
        attributes: { name: tagged },
        time: h.now,
      },
    },
    'dockerd',
    'event image tag',
  );
}
