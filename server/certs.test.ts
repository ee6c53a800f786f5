/**
 * The TLS certificates: made once with the properties Docker's recipe asks for, private keys
 * kept to their owner, reused on later starts, made again when one is missing or broken.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CERT_FILES, ensureCerts } from './certs';
import { scratchDir } from './testing';

const scratch = scratchDir('bridge-certs');
afterAll(() => scratch.remove());

describe('ensureCerts', () => {
  const dir = join(scratch.dir, 'certs');

  it('makes a CA, a server and a client certificate on first start', async () => {
    const set = await ensureCerts(dir);
    expect(set.created).toBe(true);
    expect(set.reason).toBe('first start');
    for (const name of ['caKey', 'serverKey', 'key'] as const)
      expect(statSync(set.paths[name]).mode & 0o777, name).toBe(0o600);

    const ca = new x509.X509Certificate(set.pem.ca);
    const server = new x509.X509Certificate(set.pem.serverCert);
    const client = new x509.X509Certificate(set.pem.cert);
    expect(ca.getExtension(x509.BasicConstraintsExtension)?.ca).toBe(true);
    expect(await server.verify({ publicKey: ca.publicKey, signatureOnly: true })).toBe(true);
    expect(await client.verify({ publicKey: ca.publicKey, signatureOnly: true })).toBe(true);
    expect(server.getExtension(x509.ExtendedKeyUsageExtension)?.usages).toEqual([
      x509.ExtendedKeyUsage.serverAuth,
    ]);
    const san = server.getExtension(x509.SubjectAlternativeNameExtension)?.names.toJSON();
    expect(san).toEqual([
      { type: 'dns', value: 'localhost' },
      { type: 'ip', value: '127.0.0.1' },
    ]);
    expect(client.subject).toBe('CN=student');
    expect(client.getExtension(x509.ExtendedKeyUsageExtension)?.usages).toEqual([
      x509.ExtendedKeyUsage.clientAuth,
    ]);
  });

  it('reuses the files on later starts', async () => {
    const first = await ensureCerts(dir);
    expect(first.created).toBe(false);
    expect((await ensureCerts(dir)).pem).toEqual(first.pem);
  });

  it('makes all of them again when one is missing or unreadable, and says why', async () => {
    const before = await ensureCerts(dir);
    rmSync(join(dir, CERT_FILES.cert));
    const again = await ensureCerts(dir);
    expect(again).toMatchObject({ created: true, reason: 'cert.pem is missing' });
    expect(again.pem.ca).not.toBe(before.pem.ca);

    writeFileSync(join(dir, CERT_FILES.serverKey), 'not a key');
    const broken = await ensureCerts(dir);
    expect(broken.created).toBe(true);
    expect(broken.reason).toMatch(/^the files do not parse/);
    expect(statSync(broken.paths.serverKey).mode & 0o777).toBe(0o600);
  });
});
