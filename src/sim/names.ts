/**
 * Generated container names in Docker's style (`adjective_surname`, moby's namesgenerator),
 * drawn from the seeded generator so that a replay names containers the same way.
 */
const LEFT = [
  'admiring',
  'brave',
  'clever',
  'dazzling',
  'eager',
  'focused',
  'gifted',
  'happy',
  'inspiring',
  'jolly',
  'keen',
  'loving',
  'modest',
  'nifty',
  'optimistic',
  'peaceful',
  'quirky',
  'relaxed',
  'serene',
  'tender',
  'upbeat',
  'vibrant',
  'wizardly',
  'youthful',
  'zealous',
];
const RIGHT = [
  'allen',
  'babbage',
  'curie',
  'dijkstra',
  'euler',
  'feynman',
  'goldberg',
  'hopper',
  'kalam',
  'lamport',
  'lovelace',
  'meitner',
  'noether',
  'pike',
  'ritchie',
  'shannon',
  'thompson',
  'torvalds',
  'turing',
  'wozniak',
];

export function generateName(
  pick: (n: number) => number,
  taken: (name: string) => boolean,
): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const name = `${LEFT[pick(LEFT.length)]}_${RIGHT[pick(RIGHT.length)]}`;
    const candidate = attempt < 10 ? name : `${name}${attempt}`;
    if (!taken(candidate)) return candidate;
  }
  return `container_${pick(1_000_000)}`;
}

/** Docker's rule for container names. */
export const VALID_CONTAINER_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
