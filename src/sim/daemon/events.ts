/**
 * dockerd's container events (`docker events`, `/events`), as LogContainerEventWithAttributes
 * makes them: the container's image and name, plus what the action adds (exitCode, signal,
 * execID). The trace labels them by action, without an exec's command line.
 */
import type { DockerHost } from '../host';
import type { Container } from '../types';

export function containerEvent(
  h: DockerHost,
  c: Pick<Container, 'id' | 'name' | 'config'>,
  action: string,
  extra: Record<string, string> = {},
): void {
  h.change(
    {
      op: 'event',
      event: {
        type: 'container',
        action,
        actorId: c.id,
        attributes: { image: c.config.image, name: c.name, ...extra },
        time: h.now,
      },
    },
    'dockerd',
    `event container ${action.split(':')[0] ?? action}`,
  );
}
