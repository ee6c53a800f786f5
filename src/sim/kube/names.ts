/**
 * Names as Kubernetes makes them: the pod-template-hash of a ReplicaSet (`web-7c5ddbdf54`), the
 * random suffix of a generated pod name (`web-7c5ddbdf54-x2k9q`), object UIDs, container IDs.
 * All random parts come from the cluster's seeded generator, so a replay names things alike.
 */
import { nextUint32, randomHex, type RandomState } from '../random';

/** The alphabet of k8s.io/apimachinery's rand.String: no vowels, no 0, 1 or 3. */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** FNV-1a over the template, standing in for the hash of the whole PodTemplateSpec. */
function fnv32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * rand.SafeEncodeString(fmt.Sprint(hash)): each decimal digit becomes a letter of the
 * alphabet, so the hash cannot spell words.
 */
export function templateHash(name: string, image: string): string {
  const digits = String(fnv32(`${name}\u0000${image}`));
  let out = '';
  for (const d of digits) out += ALPHANUMS[d.charCodeAt(0) % ALPHANUMS.length] ?? 'b';
  return out;
}

/** generateName: the prefix and five random letters (utilrand.String(5)). */
export function generatedName(rand: RandomState, prefix: string): string {
  let out = '';
  for (let i = 0; i < 5; i++) out += ALPHANUMS[nextUint32(rand) % ALPHANUMS.length] ?? 'b';
  return `${prefix}-${out}`;
}

/** A UUID-shaped UID (version 4 layout). */
export function newUid(rand: RandomState): string {
  const h = randomHex(rand, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

/** containerd's 64-hex IDs for sandboxes and containers. */
export function newContainerId(rand: RandomState): string {
  return randomHex(rand, 64);
}
