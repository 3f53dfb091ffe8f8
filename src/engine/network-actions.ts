import { MAX_GROUPS } from './world';

/**
 * The checks and cuts that both models' networks (the spreading World, the MembershipNet) apply
 * alike: a node id, a loss probability, a partition and a lasso's isolate. Each validates first
 * and throws a message fit for the user, so a refused action changes nothing.
 */

export function checkNode(nodes: number, node: unknown): asserts node is number {
  if (typeof node !== 'number' || !Number.isInteger(node) || node < 0 || node >= nodes) {
    throw new Error(`node must be an integer from 0 to ${nodes - 1}, got ${String(node)}`);
  }
}

export function checkLoss(p: unknown): asserts p is number {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new Error(`loss must be a probability from 0 to 1, got ${String(p)}`);
}

/**
 * A partition: the listed groups of node ids become groups 1..k, every other node group 0,
 * and no group reaches another. `group` has one entry per node.
 */
export function partitionGroups(group: Uint8Array, blocked: Uint8Array, groups: unknown): void {
  if (!Array.isArray(groups) || groups.length === 0 || groups.length >= MAX_GROUPS) {
    throw new Error(`partition needs 1 to ${MAX_GROUPS - 1} groups of node ids`);
  }
  const assignment = new Uint8Array(group.length);
  groups.forEach((members: unknown, g) => {
    if (!Array.isArray(members)) throw new Error(`partition group ${g} must be a list of node ids`);
    for (const node of members) {
      checkNode(group.length, node);
      assignment[node] = g + 1;
    }
  });
  group.set(assignment);
  blocked.fill(0);
  const used = groups.length + 1;
  for (let a = 0; a < used; a++) for (let b = 0; b < used; b++) if (a !== b) blocked[a * MAX_GROUPS + b] = 1;
}

/** A lasso: the listed nodes form a new group, cut off both ways from every other group. */
export function isolateGroup(group: Uint8Array, blocked: Uint8Array, nodes: unknown): void {
  if (!Array.isArray(nodes) || nodes.length === 0) throw new Error('isolate needs a non-empty list of node ids');
  for (const node of nodes) checkNode(group.length, node);
  let g = 0;
  for (let i = 0; i < group.length; i++) g = Math.max(g, group[i]);
  g++;
  if (g >= MAX_GROUPS) throw new Error(`at most ${MAX_GROUPS - 1} groups: heal first`);
  for (const node of nodes as number[]) group[node] = g;
  for (let o = 0; o < MAX_GROUPS; o++) {
    if (o === g) continue;
    blocked[g * MAX_GROUPS + o] = 1;
    blocked[o * MAX_GROUPS + g] = 1;
  }
}
