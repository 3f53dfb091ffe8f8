import { DEMERS_TABLES } from '../cli/rumor-theory';
import { DEFAULT_CONFIG } from '../engine/config';
import { suspicionRounds, swimFirstProbeRandom } from '../engine/membership';
import { literatureRounds, meanFieldRounds, primaryBackupRounds } from '../engine/theory';
import type { LoggedAction, SimConfig } from '../engine/types';
import { layoutSectors } from '../presets/layout-groups';
import {
  busiestUntilAll, detectionRounds, informedAt, informedPercentAt, informedPercentOnceDown, lastHalfRounds, messagesPerNode, newerWins, residuePercent, roundsToAll, sideValueCount,
} from './measures';
import type { Chapter, LessonScenario, LessonStep, NumberPrediction, TheoryValue } from './types';

/**
 * The course: eight chapters that follow the article this project grew from (../shared/seed:
 * what gossip is, how fast it converges, what it costs, how it handles failures and
 * partitions, and how it compares with primary-backup replication). Each step's text is the
 * i18n key `chapters.<chapter>.<step>` in the `lessons` namespace; lesson-text.test.ts checks
 * every key in both languages and the ≤ 80-word limit.
 */

const base: SimConfig = { ...DEFAULT_CONFIG, seed: 1, origin: 0 };

const spread = (config: Partial<SimConfig>, speed: number, actions: LoggedAction[] = []): LessonScenario =>
  ({ mode: 'dissemination', config: { ...base, ...config }, actions, speed });

const theory = (value: number, sourceKey: string, unitKey?: string): TheoryValue => ({ value, sourceKey, ...(unitKey ? { unitKey } : {}) });
const rounds = (run: { history: Parameters<typeof roundsToAll>[0] }) => roundsToAll(run.history);

/** "Rounds until every node knows?", against theory's figure (from `sourceKey`). */
const roundsToAllPrediction = (theoryRounds: number, sourceKey: string): NumberPrediction => ({
  kind: 'number', questionKey: 'predict.roundsAll', unitKey: 'unit.rounds', measure: rounds, theory: theory(theoryRounds, sourceKey),
});

const N = 1000;
const PUSH_1000 = { nodes: N, protocol: 'push', topology: 'complete' } as const;

/** The left and right halves of a complete graph as the page draws it. */
const halves = (nodes: number): number[][] => layoutSectors('complete', nodes, 2);

const oneRumor: Chapter = {
  id: 'push',
  steps: [
    {
      id: 'rounds',
      scenario: spread(PUSH_1000, 8),
      prediction: roundsToAllPrediction(literatureRounds('push', N).rounds, 'theory.pittel'),
    },
    {
      id: 'by-hand',
      handPlay: true,
      scenario: spread({ nodes: 16, protocol: 'push', topology: 'complete' }, 1),
      prediction: {
        kind: 'number', questionKey: 'predict.after3', unitKey: 'unit.nodes', measure: (run) => informedAt(run.history, 3),
        theory: theory(2 ** 3, 'theory.doubling'),
      },
    },
    {
      id: 'tail',
      scenario: spread(PUSH_1000, 8),
      prediction: {
        kind: 'number', questionKey: 'predict.lastHalf', unitKey: 'unit.rounds', measure: (run) => lastHalfRounds(run.history),
        theory: theory(Math.log(N), 'theory.lnN'),
      },
    },
  ],
};

const fanout: Chapter = {
  id: 'fanout',
  steps: [
    {
      id: 'faster',
      scenario: spread({ ...PUSH_1000, fanout: 3 }, 6),
      prediction: roundsToAllPrediction(literatureRounds('push', N, 3).rounds, 'theory.kpush'),
    },
    {
      id: 'cost',
      scenario: spread({ ...PUSH_1000, fanout: 3 }, 6),
      prediction: {
        kind: 'choice', questionKey: 'predict.cost',
        choices: [{ id: 'less', labelKey: 'choice.cost.less' }, { id: 'about', labelKey: 'choice.cost.about' }, { id: 'triple', labelKey: 'choice.cost.triple' }],
        // Fanout 1 costs about 8 messages per node (chapter 1); fanout 3 sends three a round but stops sooner.
        measure: (run) => messagesPerNode(run.history, run.nodes),
        choiceOf: (m) => (m < 6 ? 'less' : m < 16 ? 'about' : 'triple'),
      },
    },
    { id: 'challenge', scenario: spread(PUSH_1000, 10), challenge: 'fast-and-cheap' },
  ],
};

const pull: Chapter = {
  id: 'pull',
  steps: [
    {
      id: 'pull',
      scenario: spread({ ...PUSH_1000, protocol: 'pull' }, 8),
      prediction: roundsToAllPrediction(literatureRounds('pull', N).rounds, 'theory.pull'),
    },
    {
      id: 'push-pull',
      scenario: spread({ ...PUSH_1000, protocol: 'push-pull' }, 8),
      prediction: roundsToAllPrediction(literatureRounds('push-pull', N).rounds, 'theory.karp'),
    },
    { id: 'endgame', scenario: spread({ nodes: 200, protocol: 'pull', topology: 'complete' }, 2) },
  ],
};

const topology: Chapter = {
  id: 'topology',
  steps: [
    {
      id: 'random',
      scenario: spread({ nodes: 200, protocol: 'push-pull', topology: 'random', degree: 6 }, 6),
      prediction: roundsToAllPrediction(literatureRounds('push-pull', 200).rounds, 'theory.completeSame'),
    },
    {
      id: 'ring',
      scenario: spread({ nodes: 60, protocol: 'push-pull', topology: 'ring', degree: 2 }, 10),
      prediction: {
        kind: 'choice', questionKey: 'predict.ringRounds',
        choices: [{ id: 'few', labelKey: 'choice.ring.few' }, { id: 'tens', labelKey: 'choice.ring.tens' }, { id: 'hundreds', labelKey: 'choice.ring.hundreds' }],
        measure: rounds,
        choiceOf: (r) => (r < 15 ? 'few' : r < 100 ? 'tens' : 'hundreds'),
        theory: theory(literatureRounds('push-pull', 60).rounds, 'theory.completeSame', 'unit.rounds'),
      },
    },
    {
      id: 'grid',
      scenario: spread({ nodes: 100, protocol: 'push-pull', topology: 'grid' }, 8),
      prediction: roundsToAllPrediction(literatureRounds('push-pull', 100).rounds, 'theory.completeSame'),
    },
  ],
};

const CRASHED = 40;
const failures: Chapter = {
  id: 'failures',
  steps: [
    {
      id: 'loss',
      scenario: spread({ ...PUSH_1000, loss: 0.3 }, 8),
      prediction: roundsToAllPrediction(meanFieldRounds({ protocol: 'push', nodes: N, loss: 0.3 }), 'theory.meanFieldLoss'),
    },
    {
      id: 'crashes',
      // A fifth of the nodes are down before the update is written (not the writer, node 0).
      scenario: spread({ nodes: 200, protocol: 'push-pull', topology: 'complete' }, 6,
        Array.from({ length: CRASHED }, (_, i) => ({ round: 0, action: { type: 'crash', node: 5 * i + 1 } }))),
      prediction: {
        kind: 'number', questionKey: 'predict.roundsLive', unitKey: 'unit.rounds', measure: rounds,
        theory: theory(literatureRounds('push-pull', 200 - CRASHED).rounds, 'theory.karpLive'),
      },
    },
    { id: 'ring', scenario: spread({ nodes: 30, protocol: 'push', topology: 'ring', degree: 2 }, 3), challenge: 'stop-on-ring' },
    {
      id: 'swim',
      scenario: { mode: 'membership', config: { protocol: 'swim', nodes: 50, seed: 1, loss: 0 }, actions: [{ round: 3, action: { type: 'crash', node: 12 } }], speed: 4 },
      prediction: {
        kind: 'number', questionKey: 'predict.detect', unitKey: 'unit.rounds', measure: detectionRounds,
        theory: theory(swimFirstProbeRandom(50) + suspicionRounds(4, 50), 'theory.swim'),
      },
    },
  ],
};

const RUMOR = { nodes: N, protocol: 'rumor', topology: 'complete', interest: 'feedback-counter' } as const;
/** The residue of feedback-counter rumor mongering with this k, against Demers et al.'s Table 1. */
const residuePrediction = (k: number): NumberPrediction => ({
  kind: 'number', questionKey: 'predict.residue', unitKey: 'unit.percent', digits: 1, measure: (run) => residuePercent(run.history),
  theory: theory(DEMERS_TABLES['feedback-counter']!.find((row) => row.k === k)!.s * 100, 'theory.demers'),
});
const rumor: Chapter = {
  id: 'rumor',
  steps: [
    {
      id: 'residue',
      scenario: spread({ ...RUMOR, k: 1 }, 8),
      prediction: residuePrediction(1),
    },
    {
      id: 'k2',
      scenario: spread({ ...RUMOR, k: 2 }, 8),
      prediction: residuePrediction(2),
    },
    {
      id: 'anti-entropy',
      scenario: spread({ ...RUMOR, nodes: 200, k: 1, antiEntropy: 15 }, 6),
      prediction: {
        kind: 'choice', questionKey: 'predict.repair',
        choices: [{ id: 'never', labelKey: 'choice.repair.never' }, { id: 'some', labelKey: 'choice.repair.some' }, { id: 'all', labelKey: 'choice.repair.all' }],
        // Playing stops once everyone is informed: that is "all" too.
        measure: (run) => informedPercentAt(run.history, 45) ?? (roundsToAll(run.history) !== null ? 100 : null),
        choiceOf: (p) => (p >= 100 ? 'all' : p > 90 ? 'some' : 'never'),
      },
    },
  ],
};

const P = 40;
const WRITE_ROUND = 6;
/** A node of the right half writes the newer value while the network is split. */
const rightWriter = Math.max(...halves(P)[1]);
const partitions: Chapter = {
  id: 'partition',
  steps: [
    {
      id: 'apart',
      scenario: spread({ nodes: P, protocol: 'push-pull', topology: 'complete' }, 4, [
        { round: 5, action: { type: 'partition', groups: halves(P) } },
        { round: WRITE_ROUND, action: { type: 'write', node: rightWriter, key: 0 } },
      ]),
      prediction: {
        kind: 'choice', questionKey: 'predict.apart',
        choices: [{ id: 'same', labelKey: 'choice.apart.same' }, { id: 'own', labelKey: 'choice.apart.own' }],
        measure: (run) => ((run.trace.at(-1)?.round ?? 0) > WRITE_ROUND ? sideValueCount(run) : null),
        choiceOf: (n) => (n >= 2 ? 'own' : 'same'),
      },
    },
    {
      id: 'heal',
      scenario: spread({ nodes: P, protocol: 'push-pull', topology: 'complete' }, 4, [
        { round: 5, action: { type: 'partition', groups: halves(P) } },
        { round: WRITE_ROUND, action: { type: 'write', node: rightWriter, key: 0 } },
        { round: 24, action: { type: 'heal' } },
      ]),
      prediction: {
        kind: 'choice', questionKey: 'predict.winner',
        choices: [{ id: 'newer', labelKey: 'choice.winner.newer' }, { id: 'older', labelKey: 'choice.winner.older' }],
        measure: newerWins,
        choiceOf: (v) => (v === 1 ? 'newer' : 'older'),
      },
    },
    { id: 'challenge', scenario: spread({ nodes: P, protocol: 'push-pull', topology: 'complete' }, 4), challenge: 'split-then-heal' },
  ],
};

const PB_NODES = 100, PB_B = 3, PB_CRASH = 5;
const PB = { nodes: PB_NODES, protocol: 'primary-backup', fanout: PB_B, topology: 'complete' } as const;
const primary: Chapter = {
  id: 'primary',
  steps: [
    {
      id: 'rounds',
      scenario: spread(PB, 8),
      prediction: roundsToAllPrediction(primaryBackupRounds(PB_NODES, PB_B), 'theory.pbRounds'),
    },
    {
      id: 'load',
      scenario: spread({ nodes: PB_NODES, protocol: 'push-pull', topology: 'complete' }, 4),
      prediction: { kind: 'number', questionKey: 'predict.busiest', unitKey: 'unit.messages', measure: (run) => busiestUntilAll(run.history) },
    },
    {
      id: 'crash',
      scenario: spread(PB, 4, [{ round: PB_CRASH, action: { type: 'crash', node: 0 } }]),
      prediction: {
        kind: 'number', questionKey: 'predict.stale', unitKey: 'unit.percent', digits: 1,
        // Once the crash has taken effect nothing more can reach the replicas the primary had not
        // (the page pauses there: nothing can spread).
        measure: (run) => informedPercentOnceDown(run.history, run.nodes),
        theory: theory((100 * PB_B * PB_CRASH) / (PB_NODES - 1), 'theory.pbCrash'),
      },
    },
    { id: 'sandbox', sandbox: true, scenario: spread({ nodes: 100, protocol: 'push-pull', topology: 'random', degree: 6 }, 2) },
  ],
};

export const CHAPTERS: readonly Chapter[] = [oneRumor, fanout, pull, topology, failures, rumor, partitions, primary];

/** Chapter and step (0-based) inside the course, clamped. */
export function clampPosition(chapter: number, step: number): { chapter: number; step: number } {
  const c = Math.min(Math.max(0, Math.trunc(chapter) || 0), CHAPTERS.length - 1);
  const s = Math.min(Math.max(0, Math.trunc(step) || 0), CHAPTERS[c].steps.length - 1);
  return { chapter: c, step: s };
}

export function stepAt(chapter: number, step: number): LessonStep {
  const p = clampPosition(chapter, step);
  return CHAPTERS[p.chapter].steps[p.step];
}

/** The next or previous step across chapters, or null at either end of the course. */
export function moveStep(chapter: number, step: number, by: 1 | -1): { chapter: number; step: number } | null {
  if (by === 1) {
    if (step + 1 < CHAPTERS[chapter].steps.length) return { chapter, step: step + 1 };
    return chapter + 1 < CHAPTERS.length ? { chapter: chapter + 1, step: 0 } : null;
  }
  if (step > 0) return { chapter, step: step - 1 };
  return chapter > 0 ? { chapter: chapter - 1, step: CHAPTERS[chapter - 1].steps.length - 1 } : null;
}

/** The step's i18n key prefix. */
export const stepKey = (chapter: number, step: number): string => `chapters.${CHAPTERS[chapter].id}.${CHAPTERS[chapter].steps[step].id}`;
