type Column = Uint8Array | Uint32Array;

/**
 * Doubles a growable struct-of-arrays in place (recorded messages, messages on their way):
 * every typed-array field is a column indexed by entry, so all of them grow together and keep
 * the entries they hold. Other fields (the count) are left as they are.
 */
export function doubleColumns(soa: object): void {
  const fields = soa as Record<string, unknown>;
  for (const [name, column] of Object.entries(fields)) {
    if (column instanceof Uint8Array || column instanceof Uint32Array) {
      const bigger = new (column.constructor as new (length: number) => Column)(column.length * 2);
      bigger.set(column);
      fields[name] = bigger;
    }
  }
}
