import { setLanguage } from '../i18n';
import { describe, expect, it } from 'vitest';
import { versionCodec } from '../engine/versions';
import { PRESETS } from '../presets/catalog';
import { conflictOf, healReport, rumorFigures } from '../store/panels';
import { sessionHarness } from './session-harness';

describe('Session: the timeline', () => {
  it('runs an entry added for a later round when the run gets there', () => {
    const { session, state, flush, clock } = sessionHarness({ nodes: '20', topology: 'complete' });
    session.addToTimeline(3, { type: 'crash', node: 5 });
    flush();
    expect(state().schedule.map((e) => [e.round, e.action.type, e.recorded])).toEqual([[3, 'crash', false]]);
    for (let i = 0; i < 3; i++) {
      session.step();
      flush();
    }
    expect(state().round).toBe(3);
    expect(state().history.at(-1)!.live).toBe(19);
    clock.advance(0);
  });

  it('refuses a round past what links and run files hold, changing nothing', () => {
    const { session, state, flush } = sessionHarness({ nodes: '20' });
    session.addToTimeline(2_000_000, { type: 'crash', node: 1 });
    flush();
    expect(state().schedule).toEqual([]);
    expect(state().notices.at(-1)).toMatchObject({ tone: 'error', text: 'At round: a whole number from 0 to 1,000,000 (links and run files hold no later round).' });
    session.addToTimeline(1_000_000, { type: 'crash', node: 1 });
    flush();
    expect(state().schedule.map((e) => e.round)).toEqual([1_000_000]);
  });

  it('records live actions into the timeline, and Reset keeps only the scheduled entries', () => {
    const { session, state, flush } = sessionHarness({ nodes: '20' });
    session.addToTimeline(2, { type: 'crash', node: 1 });
    session.step();
    flush();
    session.select(4);
    session.toggleCrash();
    flush();
    expect(state().schedule.map((e) => [e.round, e.action.type, e.recorded])).toEqual([[1, 'crash', true], [2, 'crash', false]]);
    session.reset();
    flush();
    expect(state().schedule.map((e) => [e.round, e.recorded])).toEqual([[2, false]]);
    session.step();
    flush();
    session.toggleCrash(6);
    flush();
    session.keepRecorded();
    expect(state().schedule.every((e) => !e.recorded)).toBe(true);
  });

  it('replays the run at once when an entry lands in a round already run, and marks refused entries', () => {
    const { session, state, flush, clock } = sessionHarness({ nodes: '20' });
    for (let i = 0; i < 2; i++) {
      session.step();
      flush();
    }
    const before = state().history.map((m) => m.sent);
    session.addToTimeline(1, { type: 'crash', node: 0 });
    flush();
    expect(state().notices.at(-1)?.text).toMatch(/Round 1 has already run: the run was replayed/);
    // Round 2 now ran with node 0 crashed: the replayed history says so, and the round stays.
    expect(state().round).toBe(2);
    expect(state().history.map((m) => m.round)).toEqual([0, 1, 2]);
    expect(state().history[2].live).toBe(19);
    expect(state().history.map((m) => m.sent).slice(0, 2)).toEqual(before.slice(0, 2));
    session.addToTimeline(3, { type: 'crash', node: 2 });
    session.addToTimeline(3, { type: 'write', node: 2, key: 0 });
    flush();
    session.step();
    flush();
    clock.advance(0);
    const refused = state().schedule.find((e) => e.refused);
    expect(refused?.action).toEqual({ type: 'write', node: 2, key: 0 });
    expect(state().notices.some((n) => /Timeline, round 3: write at node 2 refused: .*crashed/.test(n.text))).toBe(true);
  });

  it('an entry added at the current round takes effect at once', () => {
    const { session, state, flush } = sessionHarness({ nodes: '20', topology: 'complete' });
    session.step();
    flush();
    session.addToTimeline(1, { type: 'partition', groups: [[0, 1, 2, 3, 4]] });
    flush();
    expect(state().partition).toEqual([15, 5]);
    expect(state().round).toBe(1);
  });
});

describe('Session: the form while a run is being built', () => {
  it('follows a setting changed during the build once the run is up', () => {
    const { session, state, clock } = sessionHarness({ nodes: '20' });
    session.reset();
    expect(state().building).toBe(true);
    session.setFormValue('nodes', '30');
    clock.advance(1000);
    expect(state()).toMatchObject({ building: false, graph: { nodes: 30 } });
  });
});

describe('Session: partition tools', () => {
  it('splits into k groups, cuts one way, sets link loss and isolates a lasso', () => {
    const { session, state, flush } = sessionHarness({ nodes: '30', topology: 'complete' });
    session.splitInto(3);
    flush();
    expect(state().partition).toEqual([0, 10, 10, 10]);
    session.setLinks(1, 2, 'one-way');
    flush();
    expect(state().links).toContainEqual({ from: 1, to: 2, blocked: true, loss: 0 });
    expect(state().links).toContainEqual({ from: 2, to: 1, blocked: false, loss: 0 });
    session.setLinkLoss(2, 1, 40);
    flush();
    expect(state().links).toContainEqual({ from: 2, to: 1, blocked: false, loss: 0.4 });
    expect(state().links).toContainEqual({ from: 1, to: 2, blocked: true, loss: 0.4 });
    session.isolate([0, 1]);
    flush();
    expect(state().partition!.length).toBe(5);
    session.splitInto(1);
    expect(state().notices.at(-1)?.text).toMatch(/2 to 8 groups/);
    session.setLinks(1, 1, 'both');
    expect(state().notices.at(-1)?.text).toMatch(/different/);
  });
});

describe('Session: presets tell their story in the store', () => {
  const play = (id: string) => {
    const h = sessionHarness();
    h.session.loadPreset(id);
    h.flush();
    expect(h.state().status).toBe('playing');
    h.playOut();
    expect(h.state().status).toBe('paused');
    return h;
  };

  it('A rumor dies out: paused when the epidemic is over, with the residue as a number', () => {
    const { state } = play('rumor-residue');
    const s = state();
    const f = rumorFigures(s.runConfig, s.history.at(-1)!, s.spread[0], 0, s.rumorEndedAt)!;
    expect(s.rumorEndedAt).toBe(s.round);
    expect(f.residue).toBeGreaterThan(0.1);
    expect(f.infective).toBe(0);
    expect(s.notices.some((n) => /^Epidemic over at round \d+: residue 1\d\.\d % \(\d+ of 200 never informed\)\. Paused\.$/.test(n.text))).toBe(true);
  });

  it('Anti-entropy repairs the residue: it plays on past the rumor\'s end until the residue is 0', () => {
    const { state } = play('anti-entropy-repair');
    const s = state();
    expect(s.round).toBeGreaterThanOrEqual(30);
    expect(rumorFigures(s.runConfig, s.history.at(-1)!, s.spread[0], 0, s.rumorEndedAt)!.residue).toBe(0);
  });

  it('Conflicting writes: the winner and why, everywhere after the heal', () => {
    const { state } = play('conflicting-writes');
    const s = state();
    const c = conflictOf(s.writes, 0, s.runConfig.nodes, s.latest[0])!;
    expect(c.why).toMatch(/same counter \(2\), higher writer id/);
    expect(c.winner.holders).toBe(60);
    expect(healReport(s.heal, s.runConfig, s.rumorEnded, 60)!.tone).toBe('done');
  });

  it('Partition and heal: the heal is followed by a repair some rounds later', () => {
    const { state } = play('partition-and-heal');
    const s = state();
    const report = healReport(s.heal, s.runConfig, s.rumorEnded, s.runConfig.nodes)!;
    expect(report.text).toMatch(/^Healed after round 25: 30 of 60 live nodes lacked v1 by node \d+\. Repaired at round 3\d/);
  });

  it('Asymmetric partition: stays cut, the right half\'s write wins everywhere', () => {
    const { state } = play('asymmetric');
    const s = state();
    const c = conflictOf(s.writes, 0, 80, s.latest[0])!;
    const codec = versionCodec(80);
    expect(codec.writer(c.winner.version)).toBeGreaterThan(codec.writer(c.rows[1].version));
    expect(c.rows[1].reachedByGroup).toEqual([0, 40, 0]); // the left's write never reached group 2
    expect(s.links).toContainEqual({ from: 1, to: 2, blocked: true, loss: 0 });
  });

  it('every preset loads and plays to a pause', () => {
    for (const p of PRESETS) expect(play(p.id).state().preset?.title).toBe(p.title);
  });

  it("a loaded preset's caption is filled in, and follows the page's language", async () => {
    const preset = play('conflicting-writes').state().preset!;
    expect(preset.caption.join(' ')).not.toContain('{{');
    expect(preset.caption[0]).toMatch(/^All learn v1; the network splits at round 8\. Node \d+ \(right\)/);
    await setLanguage('zh');
    try {
      expect(preset.title).toBe('写冲突');
      expect(preset.caption[0]).toMatch(/^所有节点都获知 v1；第 8 轮网络分区。/);
    } finally {
      await setLanguage('en');
    }
  });
});
