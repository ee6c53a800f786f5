/**
 * A container's stdout and stderr: the program writes to its pipes, the shim copies them to
 * the FIFOs dockerd created, and dockerd's log driver (json-file) stores each line, which is
 * what `docker logs` reads.
 */
import type { DockerHost } from '../host';
import type { OutputLine } from '../programs';
import { endpoint } from '../trace';
import type { Container } from '../types';

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Time stamp in nginx's error-log style, from the host's virtual clock. */
export function programTime(h: DockerHost): string {
  const d = new Date(h.world.epochMs + h.now);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function writeOutput(h: DockerHost, c: Container, lines: readonly OutputLine[]): void {
  const viaShim = h.world.settings.era !== 'monolith';
  for (const line of lines) {
    const text = line.text.replaceAll('{time}', programTime(h));
    const label = `${line.stream}: ${text.length > 48 ? `${text.slice(0, 47)}…` : text}`;
    if (viaShim) {
      h.emit('stdio', endpoint.container(c.id), endpoint.shim(c.id), label, {
        stream: line.stream,
        text,
      });
      h.emit('stdio', endpoint.shim(c.id), 'dockerd', `${line.stream} FIFO`, {
        stream: line.stream,
        text,
      });
    } else {
      h.emit('stdio', endpoint.container(c.id), 'dockerd', label, { stream: line.stream, text });
    }
    h.change(
      { op: 'container.log', id: c.id, line: { t: h.now, stream: line.stream, text } },
      'dockerd',
      'json-file log',
    );
    h.elapse(1);
  }
}
