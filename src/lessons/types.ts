import type { MembershipConfig } from '../engine/membership';
import type { CrashRecord } from '../engine/membership/types';
import type { LoggedAction, RoundMetrics, SimConfig } from '../engine/types';

/**
 * A lesson is data: chapters of steps, each a short text (by i18n key in the `lessons`
 * namespace), a scenario that loads itself through the same path share links use (a
 * configuration plus planned actions, round 0), and optionally a prediction asked before the
 * run or a challenge the engine checks after it.
 */

/** The page mode a step runs in: a step may switch it. */
export type LessonMode = 'dissemination' | 'membership';

export type LessonScenario =
  | { mode: 'dissemination'; config: SimConfig; actions: LoggedAction[]; speed: number }
  | { mode: 'membership'; config: MembershipConfig; actions: LoggedAction[]; speed: number };

/** One state of the run as a frame showed it, for key 0: what the checks of partitions need. */
export interface TracePoint {
  round: number;
  /** Version of key 0 per node (0 = knows nothing). */
  versions: Uint32Array;
  alive: Uint8Array;
  /** Partition group per node. */
  group: Uint8Array;
}

/**
 * What a step's run did, as the page (or a test's engine run) recorded it: the metrics of every
 * round, the frames seen (by round), the graph's adjacency (null: complete graph), and for a
 * membership run its crash records.
 */
export interface RunRecord {
  nodes: number;
  history: readonly RoundMetrics[];
  trace: readonly TracePoint[];
  adjacency: { offsets: Uint32Array; neighbors: Uint32Array } | null;
  crashes?: readonly CrashRecord[] | null;
}

/** A figure theory gives for a step, and the i18n key naming its source (Pittel, Karp et al., Demers et al., …). */
export interface TheoryValue {
  value: number;
  sourceKey: string;
  /** Its unit (i18n key) when the prediction has none of its own (a choice). */
  unitKey?: string;
}

interface PredictionBase {
  /** The question (i18n key). */
  questionKey: string;
  /** What the engine measures in the run: null until the run has shown it. */
  measure(run: RunRecord): number | null;
  theory?: TheoryValue;
}

export interface NumberPrediction extends PredictionBase {
  kind: 'number';
  /** Unit after the number (i18n key), e.g. rounds, %. */
  unitKey: string;
  /** Decimal places shown for the engine's answer. */
  digits?: number;
}

export interface ChoicePrediction extends PredictionBase {
  kind: 'choice';
  choices: readonly { id: string; labelKey: string }[];
  /** Which choice the engine's measured value means. */
  choiceOf(value: number): string;
}

export type Prediction = NumberPrediction | ChoicePrediction;

/** A challenge's verdict: passed, or a hint (i18n key and its values) saying what went wrong. */
export type ChallengeVerdict =
  | { ok: true; key: string; values: Record<string, number> }
  | { ok: false; key: string; values: Record<string, number> };

export type ChallengeId = 'fast-and-cheap' | 'stop-on-ring' | 'split-then-heal';

export interface LessonStep {
  /** Stable id: progress and i18n keys use it. */
  id: string;
  scenario: LessonScenario;
  prediction?: Prediction;
  challenge?: ChallengeId;
  /**
   * The student may play the first rounds by hand, picking each informed node's targets (the
   * trace work's hand play, `Session.setHandPlay`), or step them with Step.
   */
  handPlay?: boolean;
  /** The last step of the course: it offers the full sandbox. */
  sandbox?: boolean;
}

export interface Chapter {
  id: string;
  steps: readonly LessonStep[];
}
