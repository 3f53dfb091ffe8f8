import type { Action } from '../engine/types';
import { versionCodec } from '../engine/versions';
import { i18next } from '../i18n';
import { versionLabel } from '../view/version-label';
import { tPreset } from './preset-text';
import type { GraphSpec, NodeFrame } from '../view/frame-source';
import {
  PARTITION_HEALING_CONFIG, partitionHealingSteps, chooseWriter, explainWinner, holdsEverywhere, reachableWithin,
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
const STORY_TIMING = { setupMs: 1200, playMs: 1800 } as const;

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
  /** Which halves: 'left'/'right' when they are the layout's, else 'one'/'other' (named in the page's language when shown). */
  private sides: ['leftHalf' | 'oneHalf', 'rightHalf' | 'otherHalf'] = ['oneHalf', 'otherHalf'];
  /** Nodes whose half holds no path to their writer: they wait for the heal. */
  private cutOff = 0;
  private readonly codec = versionCodec(PARTITION_HEALING_CONFIG.nodes);

  constructor(private readonly host: StoryHost) {}

  get title(): string {
    return tPreset('partition-healing.title');
  }

  /** The run has been built (round 0 drawn). */
  begin(): void {
    const c = PARTITION_HEALING_CONFIG;
    this.show(0, tPreset('partition-healing.intro', { nodes: c.nodes, protocol: i18next.t(`protocols:names.${c.protocol}`) }));
    this.host.later(() => this.setup(), STORY_TIMING.setupMs);
  }

  private setup(): void {
    const graph = this.host.graph();
    if (!graph || this.phase !== 'intro') return;
    const { sides, byLayout } = this.host.halves();
    if (byLayout) this.sides = ['leftHalf', 'rightHalf'];
    this.writers = [chooseWriter(graph, sides[0]), chooseWriter(graph, sides[1])];
    this.targets = [reachableWithin(graph, sides[0], this.writers[0]), reachableWithin(graph, sides[1], this.writers[1])];
    this.cutOff = sides[0].length + sides[1].length - this.targets[0].length - this.targets[1].length;
    this.host.apply({ type: 'partition', groups: sides });
    for (const node of this.writers) this.host.apply({ type: 'write', node, key: 0 });
    this.phase = 'spreading';
    const [a, b] = this.writers;
    this.show(1, tPreset('partition-healing.split', { a, b, sideA: this.side(0), sideB: this.side(1) }));
    this.host.later(() => {
      if (this.phase !== 'spreading') return;
      this.show(2, tPreset('partition-healing.spreading'));
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
        const [va, vb] = this.versions.map((v) => versionLabel(this.codec, v));
        const stranded = this.cutOff === 0 ? ''
          : this.cutOff === 1 ? tPreset('partition-healing.strandedOne')
            : tPreset('partition-healing.strandedMany', { count: this.cutOff });
        this.show(3, tPreset('partition-healing.converged', { sideA: capital(this.side(0)), va, sideB: capital(this.side(1)), vb, stranded }), true);
      }
    } else if (this.phase === 'healing' && frame.metrics.live > 0 && frame.metrics.informed[0] === frame.metrics.live) {
      this.phase = 'done';
      const winner = frame.latest[0];
      const known = this.versions.includes(winner);
      const why = known
        ? explainWinner(this.codec, winner, this.versions)
        : tPreset('partition-healing.laterWrite', { version: versionLabel(this.codec, winner) });
      this.show(4, tPreset('partition-healing.done', { live: frame.metrics.live, version: versionLabel(this.codec, winner), why }));
    }
  }

  onAction(action: Action): void {
    if (action.type === 'heal' && (this.phase === 'spreading' || this.phase === 'awaiting-heal')) {
      this.phase = 'healing';
      this.show(4, tPreset('partition-healing.healed'));
      this.host.play();
    }
  }

  private sidesConverged(frame: NodeFrame): boolean {
    return this.targets.every((members, i) => holdsEverywhere(frame.versions, frame.alive, frame.keys, 0, members, this.versions[i]));
  }

  private side(i: 0 | 1): string {
    return tPreset(`partition-healing.${this.sides[i]}`);
  }

  private show(step: number, caption: string, awaitingHeal = false): void {
    this.host.show({ title: this.title, steps: partitionHealingSteps(), step, caption, awaitingHeal });
  }
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
