/**
 * A value made on its first use and kept: for work the first screen may never need, such as
 * a schema for something saved that a first visit has not saved yet.
 */
export function once<T>(make: () => T): () => T {
  let made: { readonly value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
