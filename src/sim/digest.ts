/**
 * Content digests, computed for real (SHA-256) from a description of the content, so that
 * the same layer has the same digest in every session and every image that shares it.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** `sha256:<64 hex>` of a string. */
export function digestOf(content: string): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(content)))}`;
}

/** The 12-hex short form Docker prints (IMAGE ID, layer ids in pull output). */
export function shortId(idOrDigest: string): string {
  return idOrDigest.replace(/^sha256:/, '').slice(0, 12);
}
