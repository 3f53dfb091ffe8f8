import type { Action } from '../engine/types';
import { describeVersion, versionCodec } from '../engine/versions';
import type { GraphSpec, NodeFrame } from '../view/frame-source';
import {
  PARTITION_HEALING_CONFIG, PARTITION_HEALING_STEPS, chooseWriter, explainWinner, holdsEverywhere, reachableWithin,
} from './partition-healing';

/** The caption panel of a scripted preset. */
export interface StoryView {
  title: string;
  steps: string[];
  /** Index of the current step. */
  step: number;
  caption: string;
  /** The story waits for the user to press Heal. */
  awaitingHeal: boolean;
}

/** What a scripted story may do to the session. */
export interface StoryHost {
  apply(action: Action): void;
  play(): void;
  pause(): void;
  show(view: StoryView | null): void;
  /** The two halves to split into, and whether they are the layout's left and right. */
  halves(): { sides: [number[], number[]]; byLayout: boolean };
  graph(): GraphSpec | null;
  /** Runs `fn` after `ms`, unless the story has ended by then. */
  later(fn: () => void, ms: number): void;
}

type Phase = 'intro' | 'spreading' | 'awaiting-heal' | 'healing' | 'done';

/** Pauses between the story's opening beats, so a class can see each one. */
export const STORY_TIMING = { setupMs: 1200, playMs: 1800 } as const;

/**
 * Runs the "Partition healing" preset: split, two writes, wait for both halves to converge,
 * pause for the user's Heal, then name the winner. It reacts to frames and actions the session
 * passes in, and ends (the session drops it) on any rebuild.
 */
export class PartitionHealingStory {
  private phase: Phase = 'intro';
  private versions: [number, number] = [0, 0];
  private writers: [number, number] = [-1, -1];
  private targets: [number[], number[]] = [[], []];
  private names: [string, string] = ['one half', 'the other half'];
  /** Nodes whose half holds no path to their writer: they wait for the heal. */
  private cutOff = 0;
  private readonly codec = versionCodec(PARTITION_HEALING_CONFIG.nodes);

  constructor(private readonly host: StoryHost) {}

  get title(): string {
    return 'Partition healing';
  }

  /** The run has been built (round 0 drawn). */
  begin(): void {
    const c = PARTITION_HEALING_CONFIG;
    this.show(0, `A cluster of ${c.nodes} nodes gossiping with ${c.protocol} over a random graph. `
      + 'Watch what a network partition does to an update.');
    this.host.later(() => this.setup(), STORY_TIMING.setupMs);
  }

  private setup(): void {
    const graph = this.host.graph();
    if (!graph || this.phase !== 'intro') return;
    const { sides, byLayout } = this.host.halves();
    if (byLayout) this.names = ['the left half', 'the right half'];
    this.writers = [chooseWriter(graph, sides[0]), chooseWriter(graph, sides[1])];
    this.targets = [reachableWithin(graph, sides[0], this.writers[0]), reachableWithin(graph, sides[1], this.writers[1])];
    this.cutOff = sides[0].length + sides[1].length - this.targets[0].length - this.targets[1].length;
    this.host.apply({ type: 'partition', groups: sides });
    for (const node of this.writers) this.host.apply({ type: 'write', node, key: 0 });
    this.phase = 'spreading';
    const [a, b] = this.writers;
    this.show(1, `The network is split in two (tinted halves): messages between them are dropped. `
      + `Node ${a} writes an update on ${this.names[0]}, node ${b} a different one on ${this.names[1]} — same key.`);
    this.host.later(() => {
      if (this.phase !== 'spreading') return;
      this.show(2, 'Each half spreads its own version. Neither can hear about the other.');
      this.host.play();
    }, STORY_TIMING.playMs);
  }

  onFrame(frame: NodeFrame): void {
    if (this.phase === 'spreading') {
      // The writes' versions are known once the first frame after them arrives.
      if (this.versions.includes(0)) this.versions = this.writers.map((w) => frame.versions[w * frame.keys]) as [number, number];
      if (frame.round > 0 && !this.versions.includes(0) && this.sidesConverged(frame)) {
        this.phase = 'awaiting-heal';
        this.host.pause();
        const [va, vb] = this.versions.map((v) => describeVersion(this.codec, v));
        const stranded = this.cutOff === 0 ? ''
          : this.cutOff === 1 ? ' One node has no path to its writer inside its half: it waits for the heal.'
            : ` ${this.cutOff} nodes have no path to their writer inside their half: they wait for the heal.`;
        this.show(3, `Both sides converged on their own version. Press Heal. `
          + `(${capital(this.names[0])}: ${va} · ${capital(this.names[1])}: ${vb}. Which one will win?)${stranded}`, true);
      }
    } else if (this.phase === 'healing' && frame.metrics.live > 0 && frame.metrics.informed[0] === frame.metrics.live) {
      this.phase = 'done';
      const winner = frame.latest[0];
      const known = this.versions.includes(winner);
      const why = known
        ? explainWinner(this.codec, winner, this.versions)
        : `A later write, ${describeVersion(this.codec, winner)}, is newer than both halves' versions.`;
      this.show(4, `All ${frame.metrics.live} live nodes now hold ${describeVersion(this.codec, winner)}. ${why}`);
    }
  }

  onAction(action: Action): void {
    if (action.type === 'heal' && (this.phase === 'spreading' || this.phase === 'awaiting-heal')) {
      this.phase = 'healing';
      this.show(4, 'Healed: messages cross between the halves again. Watch the two versions meet.');
      this.host.play();
    }
  }

  private sidesConverged(frame: NodeFrame): boolean {
    return this.targets.every((members, i) => holdsEverywhere(frame.versions, frame.alive, frame.keys, 0, members, this.versions[i]));
  }

  private show(step: number, caption: string, awaitingHeal = false): void {
    this.host.show({ title: this.title, steps: [...PARTITION_HEALING_STEPS], step, caption, awaitingHeal });
  }
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
