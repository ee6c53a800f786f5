/**
 * The certificates for the bridge's mutual-TLS port (2376), made the way Docker's "Protect the
 * Docker daemon socket" recipe makes them, but in-process: a CA, a server certificate for
 * localhost / 127.0.0.1 (serverAuth), and a client certificate with CN `student` (clientAuth).
 *
 * Contract: `ensureCerts(dir)` returns the six PEM files' paths and contents. On first start
 * it creates them (keys mode 0600); later starts reuse them, and all six are made again only
 * when one is missing, unreadable, expired or not signed by the CA (the `reason` says which),
 * because a new CA invalidates every certificate the old one signed.
 *
 * Keys and signatures come from Node's WebCrypto through @peculiar/x509: nothing shells out
 * to openssl, so it works the same wherever Node runs. ECDSA P-256 keeps generation fast and
 * is accepted by Go's crypto/tls (the docker CLI) and by Node's TLS server.
 */
import 'reflect-metadata'; // tsyringe (inside @peculiar/x509) needs the Reflect polyfill first
import * as x509 from '@peculiar/x509';
import { createPrivateKey, webcrypto } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

x509.cryptoProvider.set(webcrypto as Crypto);

export const DEFAULT_CERT_DIR = '.bridge/certs';

/** The file names the docker CLI looks for in DOCKER_CERT_PATH, plus the CA's key and the server's pair. */
export const CERT_FILES = {
  ca: 'ca.pem',
  caKey: 'ca-key.pem',
  serverCert: 'server-cert.pem',
  serverKey: 'server-key.pem',
  cert: 'cert.pem',
  key: 'key.pem',
} as const;

export type CertName = keyof typeof CERT_FILES;

export interface CertSet {
  /** Absolute folder holding the files. */
  readonly dir: string;
  /** Absolute path of each file. */
  readonly paths: Readonly<Record<CertName, string>>;
  /** PEM text of each file. */
  readonly pem: Readonly<Record<CertName, string>>;
  /** True when this call made new files. */
  readonly created: boolean;
  /** Why the files were (re)made, e.g. "first start" or "ca.pem is missing". */
  readonly reason?: string;
}

export interface CertOptions {
  /** CN of the client certificate (what the bridge reports as `via.client`). */
  readonly clientName?: string;
  /** CN of the CA, so that two folders' CAs are told apart in error messages. */
  readonly caName?: string;
}

const ALGORITHM: EcKeyGenParams & EcdsaParams = {
  name: 'ECDSA',
  namedCurve: 'P-256',
  hash: 'SHA-256',
};

const DAY_MS = 24 * 3600 * 1000;

function randomSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0] ?? 0) & 0x7f; // a positive INTEGER
  return Buffer.from(bytes).toString('hex');
}

async function newKeys(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(ALGORITHM, true, [
    'sign',
    'verify',
  ]) as Promise<CryptoKeyPair>;
}

async function privatePem(key: CryptoKey): Promise<string> {
  const der = await webcrypto.subtle.exportKey('pkcs8', key);
  return `${x509.PemConverter.encode(der, 'PRIVATE KEY')}\n`;
}

async function generate(options: CertOptions): Promise<Record<CertName, string>> {
  // A day of slack before "now": a client whose clock is a little behind still accepts them.
  const notBefore = new Date(Date.now() - DAY_MS);
  const notAfter = new Date(Date.now() + 825 * DAY_MS);
  const caKeys = await newKeys();
  const caName = `CN=${options.caName ?? 'docker-anatomy bridge CA'}`;
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: caName,
    notBefore,
    notAfter: new Date(Date.now() + 3650 * DAY_MS),
    signingAlgorithm: ALGORITHM,
    keys: caKeys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });

  const leaf = async (
    subject: string,
    usage: x509.ExtendedKeyUsage,
    extra: x509.Extension[],
  ): Promise<{ cert: string; key: string }> => {
    const keys = await newKeys();
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: randomSerial(),
      subject,
      issuer: ca.subject,
      notBefore,
      notAfter,
      signingAlgorithm: ALGORITHM,
      publicKey: keys.publicKey,
      signingKey: caKeys.privateKey,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([usage]),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
        await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
        ...extra,
      ],
    });
    return { cert: `${cert.toString('pem')}\n`, key: await privatePem(keys.privateKey) };
  };

  // Go checks the IP SAN when the CLI dials tcp://127.0.0.1:2376, and the DNS one for localhost.
  const server = await leaf('CN=localhost', x509.ExtendedKeyUsage.serverAuth, [
    new x509.SubjectAlternativeNameExtension([
      { type: 'dns', value: 'localhost' },
      { type: 'ip', value: '127.0.0.1' },
    ]),
  ]);
  const client = await leaf(
    `CN=${options.clientName ?? 'student'}`,
    x509.ExtendedKeyUsage.clientAuth,
    [],
  );
  return {
    ca: `${ca.toString('pem')}\n`,
    caKey: await privatePem(caKeys.privateKey),
    serverCert: server.cert,
    serverKey: server.key,
    cert: client.cert,
    key: client.key,
  };
}

/** Reads the six files; a string says what is wrong with them. */
async function readExisting(
  paths: Record<CertName, string>,
): Promise<Record<CertName, string> | string> {
  const pem = {} as Record<CertName, string>;
  for (const name of Object.keys(CERT_FILES) as CertName[]) {
    try {
      pem[name] = readFileSync(paths[name], 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return `${CERT_FILES[name]} is ${code === 'ENOENT' ? 'missing' : `unreadable (${code ?? String(e)})`}`;
    }
  }
  try {
    for (const name of ['caKey', 'serverKey', 'key'] as const) createPrivateKey(pem[name]);
    const ca = new x509.X509Certificate(pem.ca);
    const now = Date.now();
    for (const name of ['ca', 'serverCert', 'cert'] as const) {
      const cert = new x509.X509Certificate(pem[name]);
      if (cert.notAfter.getTime() <= now) return `${CERT_FILES[name]} has expired`;
      if (!(await cert.verify({ publicKey: ca.publicKey, signatureOnly: true })))
        return `${CERT_FILES[name]} is not signed by ca.pem`;
    }
  } catch (e) {
    return `the files do not parse (${e instanceof Error ? e.message : String(e)})`;
  }
  return pem;
}

/**
 * Returns the certificates in `dir` (default `.bridge/certs` under the working directory),
 * creating them first when needed.
 */
export async function ensureCerts(
  dir: string = DEFAULT_CERT_DIR,
  options: CertOptions = {},
): Promise<CertSet> {
  const abs = resolve(dir);
  const paths = Object.fromEntries(
    (Object.keys(CERT_FILES) as CertName[]).map((n) => [n, join(abs, CERT_FILES[n])]),
  ) as Record<CertName, string>;
  const existing = await readExisting(paths);
  if (typeof existing !== 'string') return { dir: abs, paths, pem: existing, created: false };

  const reason = existing === `${CERT_FILES.ca} is missing` ? 'first start' : existing;
  mkdirSync(abs, { recursive: true, mode: 0o700 });
  const pem = await generate(options);
  for (const name of Object.keys(CERT_FILES) as CertName[]) {
    const secret = name === 'caKey' || name === 'serverKey' || name === 'key';
    writeFileSync(paths[name], pem[name], { mode: secret ? 0o600 : 0o644 });
    // writeFileSync's mode applies only to new files: an old key keeps no looser mode.
    chmodSync(paths[name], secret ? 0o600 : 0o644);
  }
  return { dir: abs, paths, pem, created: true, reason };
}
