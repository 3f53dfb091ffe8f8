import { describe, expect, it } from 'vitest';
import type { CrashRecord, MembershipSummary } from '../engine/membership';
import { detectionOf, statusLine } from './membership-summary';

const summary = (crashes: CrashRecord[], falsePositives = 0): MembershipSummary => ({
  rounds: 12, crashes, suspicions: 0, declaredDead: 0, falsePositives, refutations: 0, sent: 0, bytes: 0, messagesPerNodeRound: 0, bytesPerNodeRound: 0,
});
const crash = (c: Partial<CrashRecord>): CrashRecord => ({ node: 3, crashedAt: 2, firstSuspect: -1, firstDead: -1, allKnow: -1, recoveredAt: -1, ...c });

describe('status line', () => {
  it('reads as the issue asks', () => {
    const s = summary([crash({ firstSuspect: 5, firstDead: 8, allKnow: 9 })]);
    expect(statusLine({ round: 12, nodes: 50, live: 49, protocol: 'swim', summary: s })).toBe('Round 12 · 1 crashed · detected in 3 rounds · all know after 7 · 0 false positives');
  });

  it('covers no crash, not yet detected, not all know, several crashes, heartbeat and recovery', () => {
    expect(statusLine({ round: 0, nodes: 10, live: 10, protocol: 'swim', summary: null })).toBe('Round 0 · 0 crashed · 0 false positives');
    expect(statusLine({ round: 3, nodes: 10, live: 9, protocol: 'swim', summary: summary([crash({})], 1) })).toBe('Round 3 · 1 crashed · not yet detected · 1 false positive');
    expect(statusLine({ round: 4, nodes: 10, live: 9, protocol: 'swim', summary: summary([crash({ firstSuspect: 3 })]) })).toBe('Round 4 · 1 crashed · detected in 1 round · not all know yet · 0 false positives');
    const two = summary([crash({ firstSuspect: 3, firstDead: 5, allKnow: 5 }), crash({ node: 8, crashedAt: 6 })], 4);
    expect(statusLine({ round: 7, nodes: 10, live: 8, protocol: 'swim', summary: two })).toBe('Round 7 · 2 crashed · not yet detected (node 8) · 4 false positives');
    // Heartbeat has no suspect state: detection is the first down mark.
    const hb = summary([crash({ firstDead: 12, allKnow: 15 })]);
    expect(statusLine({ round: 20, nodes: 10, live: 9, protocol: 'heartbeat', summary: hb })).toBe('Round 20 · 1 crashed · detected in 10 rounds · all know after 13 · 0 false positives');
    const back = summary([crash({ recoveredAt: 3 })]);
    expect(statusLine({ round: 5, nodes: 10, live: 10, protocol: 'swim', summary: back })).toBe('Round 5 · 0 crashed · node 3 recovered before detection · 0 false positives');
    expect(detectionOf(crash({ firstSuspect: 4, firstDead: 9 }), 'swim')).toEqual({ node: 3, crashedAt: 2, detected: 2, declaredDead: 7, allKnow: null, recoveredFirst: false });
  });
});
