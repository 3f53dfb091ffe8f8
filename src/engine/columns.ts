/**
 * Struct-of-arrays: a state whose typed-array fields are columns, indexed by entry (recorded
 * messages, messages on their way, per-node and per-pair state).
 */
type Column = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array;

/** Doubles a growable struct-of-arrays in place: all its columns grow together and keep their entries. */
export function doubleColumns(soa: object): void {
  const fields = soa as Record<string, unknown>;
  for (const [name, column] of Object.entries(fields)) {
    if (ArrayBuffer.isView(column) && !(column instanceof DataView)) {
      const bigger = new (column.constructor as new (length: number) => Column)((column as Column).length * 2);
      bigger.set(column as Column);
      fields[name] = bigger;
    }
  }
}

/** Copies of the named columns of `from`: what a snapshot keeps of a state. */
export function copyColumns<T, K extends keyof T>(from: T, names: readonly K[]): Pick<T, K> {
  const copy = {} as Pick<T, K>;
  for (const name of names) copy[name] = (from[name] as Column).slice() as T[K];
  return copy;
}

/** Writes columns copied by copyColumns back into the same state. */
export function setColumns<T, K extends keyof T>(into: T, from: Pick<T, K>, names: readonly K[]): void {
  for (const name of names) (into[name] as Column).set(from[name] as Column);
}
