import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import type { SimConfig } from '../engine/types';
import type { SpreadFrame } from '../worker/protocol';
import { reactToStep } from './frame-reaction';
import { makeEntry } from '../run/schedule';

const rumor: SimConfig = { ...DEFAULT_CONFIG, nodes: 10, protocol: 'rumor' };

/** Just the fields reactToStep reads. */
function frame(round: number, informed: number, opts: { infective?: boolean; rumor?: boolean; stuck?: boolean; partitioned?: boolean } = {}): SpreadFrame {
  const { infective = false, rumor: isRumor = true, stuck = false, partitioned = false } = opts;
  return {
    round, keys: 1, latest: Uint32Array.of(5), rumor: isRumor ? new Uint8Array(10) : null, rumorEnded: !infective, stuck, partitioned,
    metrics: { live: 10, informed: [informed] },
  } as unknown as SpreadFrame;
}

describe('when a played run stops by itself', () => {
  it('push-pull: when everyone holds the newest version, unless the timeline has more to do', () => {
    const push = { ...rumor, protocol: 'push-pull' as const };
    expect(reactToStep(frame(3, 9, { rumor: false }), frame(4, 10, { rumor: false }), push, [], 0)).toEqual({
      pause: true, notices: ['Every live node holds the newest version after round 4: paused.'],
    });
    expect(reactToStep(frame(3, 9, { rumor: false }), frame(4, 10, { rumor: false }), push, [makeEntry(9, { type: 'heal' })], 0).pause).toBe(false);
    // Converged long ago, and the timeline's last action (after round 9) has just run: now it stops.
    const later = [makeEntry(9, { type: 'heal' })];
    expect(reactToStep(frame(8, 10, { rumor: false }), frame(9, 10, { rumor: false }), push, later, 0).pause).toBe(true);
    expect(reactToStep(frame(9, 10, { rumor: false }), frame(10, 10, { rumor: false }), push, later, 0).pause).toBe(false);
  });

  it('rumor: at the end of the epidemic with its residue, or later once anti-entropy repaired it', () => {
    const over = reactToStep(frame(12, 8, { infective: true }), frame(13, 8), rumor, [], 0);
    expect(over).toEqual({ pause: true, notices: ['Epidemic over at round 13: residue 20.0 % (2 of 10 never informed). Paused.'] });
    const backed = { ...rumor, antiEntropy: 5 };
    const dying = reactToStep(frame(12, 8, { infective: true }), frame(13, 8), backed, [], 0);
    expect(dying.pause).toBe(false);
    expect(dying.notices[0]).toMatch(/^The rumor died out at round 13: residue 20\.0 %.*Anti-entropy every 5 rounds repairs it\.$/);
    expect(reactToStep(frame(15, 10, { infective: true }), frame(16, 10), backed, [], 0).pause).toBe(true);
  });

  it('rumor without anti-entropy: stops once a heal at the end of the timeline has run, the residue left for good', () => {
    const heal = [makeEntry(25, { type: 'heal' })];
    expect(reactToStep(frame(20, 5, { infective: true }), frame(21, 5), rumor, heal, 0).pause).toBe(false);
    const r = reactToStep(frame(24, 5), frame(25, 5), rumor, heal, 0);
    expect(r).toEqual({ pause: true, notices: ['Nothing more can happen after round 25: residue 50.0 % (5 of 10 never informed). Paused.'] });
  });

  it('push: when nothing more can spread (a disconnected graph), but plays on while the network is split', () => {
    const push = { ...rumor, protocol: 'push' as const };
    const r = reactToStep(frame(6, 7, { rumor: false }), frame(7, 7, { rumor: false, stuck: true }), push, [], 0);
    expect(r).toEqual({ pause: true, notices: ['Nothing more can spread after round 7: 3 of 10 live nodes cannot be reached. Paused.'] });
    expect(reactToStep(frame(6, 7, { rumor: false }), frame(7, 7, { rumor: false, stuck: true, partitioned: true }), push, [], 0).pause).toBe(false);
    expect(reactToStep(frame(6, 7, { rumor: false }), frame(7, 7, { rumor: false, stuck: true }), push, [makeEntry(9, { type: 'heal' })], 0).pause).toBe(false);
    expect(reactToStep(frame(6, 6, { rumor: false }), frame(7, 7, { rumor: false }), push, [], 0).pause).toBe(false);
  });
});
