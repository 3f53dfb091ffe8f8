import type { Action } from '../engine/types';

/** How a refused action is named in its notice: "Crash of node 4 refused: …". */
export function describeAction(a: Action): string {
  switch (a.type) {
    case 'write': return `Write at node ${a.node}`;
    case 'crash': return `Crash of node ${a.node}`;
    case 'recover': return `Recovery of node ${a.node}`;
    case 'setLoss': return 'Packet loss change';
    case 'partition': return 'Split';
    case 'isolate': return 'Isolation';
    case 'setLink': return 'Link change';
    case 'heal': return 'Heal';
    default: {
      const unknown: never = a;
      return String(unknown);
    }
  }
}

/** Why two sides can't make a partition (null when they can). */
export function validSides(sides: unknown, nodes: number): string | null {
  if (!Array.isArray(sides) || sides.length !== 2 || !sides.every(Array.isArray)) return 'A split needs two sides.';
  const [a, b] = sides as [unknown[], unknown[]];
  if (a.length === 0 || b.length === 0) return 'The line must cut the graph in two: one side has no nodes. Draw it across the graph.';
  const seen = new Uint8Array(nodes);
  for (const v of [...a, ...b]) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= nodes) return `A split named node ${String(v)}, which does not exist.`;
    if (seen[v]) return `Node ${v} is on both sides of the split.`;
    seen[v] = 1;
  }
  return null;
}
