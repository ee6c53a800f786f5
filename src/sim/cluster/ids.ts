/**
 * SwarmKit's identifiers, drawn from the cluster's seeded generator.
 *
 * - Object IDs (nodes, services, tasks, the swarm): 128 random bits written in base 36 and
 *   padded to 25 characters (swarmkit identity.NewID), e.g. `6sgwt3dvmp7lmfcnsvj3tfpet`.
 * - Join tokens: `SWMTKN-1-<digest of the root CA, base 36, 50 chars>-<128-bit secret, base 36,
 *   25 chars>` (swarmkit ca.GenerateJoinToken); worker and manager tokens share the CA part.
 */
import { nextUint32, type RandomState } from '../random';

function randomBits(rng: RandomState, words: number): bigint {
  let value = 0n;
  for (let i = 0; i < words; i++) value = (value << 32n) | BigInt(nextUint32(rng));
  return value;
}

/** A 25-character SwarmKit ID. */
export function swarmId(rng: RandomState): string {
  return randomBits(rng, 4).toString(36).padStart(25, '0');
}

/** The CA digest part of the join tokens (a SHA-256 as base 36: 50 characters). */
export function caDigestPart(rng: RandomState): string {
  return randomBits(rng, 8).toString(36).padStart(50, '0').slice(0, 50);
}

export function joinToken(caPart: string, rng: RandomState): string {
  return `SWMTKN-1-${caPart}-${swarmId(rng)}`;
}

/** The shape dockerd checks before it even dials a manager. */
export const JOIN_TOKEN_PATTERN = /^SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25}$/;
