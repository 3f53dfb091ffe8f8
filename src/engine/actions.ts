import { setDelay, setFanout, setRumorK, type SettingsTarget } from './setting-actions';
import type { Action } from './types';
import { checkLoss, checkNode, isolateGroup, partitionGroups } from './network-actions';
import { MAX_GROUPS, type World } from './world';

function checkKey(world: World, key: unknown): asserts key is number {
  if (typeof key !== 'number' || !Number.isInteger(key) || key < 0 || key >= world.keys) {
    throw new Error(`key must be an integer from 0 to ${world.keys - 1}, got ${String(key)}`);
  }
}

/**
 * Applies one action to the world (or, for a setting, to the run's live settings) between
 * rounds. Validates first and throws a message fit for the user, so a refused action changes
 * nothing.
 */
export function applyAction(world: World, action: Action, settings: SettingsTarget): void {
  switch (action.type) {
    case 'write': {
      checkNode(world.nodes, action.node);
      checkKey(world, action.key);
      if (!world.alive[action.node]) throw new Error(`node ${action.node} is crashed: recover it before writing`);
      write(world, action.node, action.key);
      return;
    }
    case 'crash':
      checkNode(world.nodes, action.node);
      setAlive(world, action.node, false);
      return;
    case 'recover':
      checkNode(world.nodes, action.node);
      setAlive(world, action.node, true);
      return;
    case 'setLoss':
      checkLoss(action.p);
      world.loss = action.p;
      return;
    case 'partition':
      partitionGroups(world.group, world.blocked, action.groups);
      world.linkLoss.fill(0);
      world.updateLinkFlags();
      return;
    case 'isolate':
      isolateGroup(world.group, world.blocked, action.nodes);
      world.updateLinkFlags();
      return;
    case 'setLink':
      setLink(world, action);
      return;
    case 'heal':
      world.heal();
      return;
    // The settings a run can change mid-way live beside the world, in the run's live configuration.
    case 'setFanout': return setFanout(settings, action.fanout);
    case 'setDelay': return setDelay(settings, action.delay);
    case 'setRumorK': return setRumorK(settings, action.k);
    // Hand-picked peers need the run's graph and sampler: the Simulation applies them (hand-picks.ts).
    case 'pickPeers': throw new Error('pickPeers is applied by a spreading Simulation');
    default: {
      const unknown: never = action;
      throw new Error(`unknown action ${JSON.stringify(unknown)}`);
    }
  }
}

/** A write takes one more than the highest counter the node knows; the writer id breaks ties. */
function write(world: World, node: number, key: number): void {
  const { codec } = world;
  const counter = codec.counter(world.version(node, key)) + 1;
  if (counter > codec.maxCounter) throw new Error(`key ${key} has reached its last version (${codec.maxCounter}) at this cluster size`);
  const version = codec.pack(counter, node);
  if (version > world.latest[key]) {
    world.latest[key] = version;
    world.setVersion(node, key, version);
    world.recountInformed(key);
    world.recomputeCurrent();
  } else {
    world.setVersion(node, key, version);
  }
}

/** Crashes or recovers a node, keeping the live and informed counts right. */
export function setAlive(world: World, node: number, alive: boolean): void {
  if ((world.alive[node] === 1) === alive) return;
  world.setAliveFlag(node, alive);
  world.liveCount += alive ? 1 : -1;
  for (let k = 0; k < world.keys; k++) {
    if (world.latest[k] !== 0 && world.version(node, k) === world.latest[k]) world.informed[k] += alive ? 1 : -1;
  }
}

function setLink(world: World, a: { from: unknown; to: unknown; blocked: unknown; loss: unknown }): void {
  const isGroup = (g: unknown): g is number => typeof g === 'number' && Number.isInteger(g) && g >= 0 && g < MAX_GROUPS;
  if (!isGroup(a.from) || !isGroup(a.to) || a.from === a.to) throw new Error(`setLink needs two different groups from 0 to ${MAX_GROUPS - 1}`);
  if (typeof a.blocked !== 'boolean') throw new Error('setLink: blocked must be true or false');
  if (typeof a.loss !== 'number' || !(a.loss >= 0 && a.loss <= 1)) throw new Error(`setLink: loss must be a probability from 0 to 1, got ${String(a.loss)}`);
  world.blocked[a.from * MAX_GROUPS + a.to] = a.blocked ? 1 : 0;
  world.linkLoss[a.from * MAX_GROUPS + a.to] = a.loss;
  world.updateLinkFlags();
}
