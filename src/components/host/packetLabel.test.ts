import { describe, expect, it } from 'vitest';
import { packetLabel } from './packetLabel';

describe('packets from the real CLI', () => {
  it('say which port they came on, and the client on TLS', () => {
    const entry = { label: 'GET /v1.50/containers/json' };
    expect(packetLabel(entry)).toBe('GET /v1.50/containers/json');
    expect(packetLabel({ ...entry, detail: { via: { port: 2375, tls: false } } })).toBe(
      'GET /v1.50/containers/json · tcp 2375, plain',
    );
    expect(
      packetLabel({ ...entry, detail: { via: { port: 2376, tls: true, client: 'student' } } }),
    ).toBe('GET /v1.50/containers/json · tcp 2376, TLS, student');
  });
});
