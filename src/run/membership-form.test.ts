import { describe, expect, it } from 'vitest';
import { MembershipSimulation } from '../engine/membership';
import { DEFAULT_MEMBERSHIP_FORM, formFromConfig, needsRebuild, nodeLimitHint, PAGE_MAX_NODES, resolveMembershipForm } from './membership-form';

describe('membership form', () => {
  it('resolves the defaults to memberlist\'s configuration, which the engine builds', () => {
    const { config, problems } = resolveMembershipForm(DEFAULT_MEMBERSHIP_FORM);
    expect(problems).toEqual({});
    expect(config).toEqual({
      protocol: 'swim', nodes: 100, seed: 1, loss: 0,
      swim: { indirectChecks: 3, suspicionMult: 4, retransmitMult: 4, gossipNodes: 3, pushPullInterval: 30, reconnectInterval: 0 },
    });
    expect(() => new MembershipSimulation(config!)).not.toThrow();
  });

  it('maps the heartbeat fields and the checkboxes', () => {
    const form = { ...DEFAULT_MEMBERSHIP_FORM, protocol: 'heartbeat' as const, tFail: '5', tCleanup: '0', phi: true, phiThreshold: '6.5', loss: '12.5' };
    expect(resolveMembershipForm(form).config).toEqual({
      protocol: 'heartbeat', nodes: 100, seed: 1, loss: 0.125, heartbeat: { tFail: 5, tCleanup: 0, phi: true, phiConvictThreshold: 6.5 },
    });
    expect(resolveMembershipForm({ ...DEFAULT_MEMBERSHIP_FORM, reconnect: true }).config!.swim!.reconnectInterval).toBe(30);
  });

  it('refuses bad fields one message each; fields of the other protocol are not checked', () => {
    const { config, problems } = resolveMembershipForm({ ...DEFAULT_MEMBERSHIP_FORM, nodes: '1', loss: 'x', suspicionMult: '2.5', tFail: '-3' });
    expect(config).toBeNull();
    expect(Object.keys(problems).sort()).toEqual(['loss', 'nodes', 'suspicionMult']);
    expect(problems.nodes).toBe('Nodes: a whole number from 2 to 2,000.');
    expect(problems.loss).toMatch(/^Packet loss: enter a number from 0 to 100/);
    const hb = resolveMembershipForm({ ...DEFAULT_MEMBERSHIP_FORM, protocol: 'heartbeat', tFail: '10', tCleanup: '5' });
    expect(hb.problems).toEqual({ tCleanup: 'T cleanup: 0 (never forget) or at least T fail.' });
  });

  it(`says why the page stops at ${PAGE_MAX_NODES} nodes: memory from membershipStateBytes`, () => {
    const { problems } = resolveMembershipForm({ ...DEFAULT_MEMBERSHIP_FORM, nodes: '5000' });
    expect(problems.nodes).toBe(
      'At most 2,000 nodes in the page: every node keeps a view of every other (n² entries), so 5,000 nodes would hold 150 MB in the browser, twice that with a snapshot (2,000: 24 MB). The engine runs up to 10,000 outside the page.',
    );
    expect(resolveMembershipForm({ ...DEFAULT_MEMBERSHIP_FORM, nodes: '2000' }).config!.nodes).toBe(2000);
    expect(nodeLimitHint('heartbeat', true)).toBe('2 to 2,000: n × n state, 52 MB at 2,000');
  });

  it('round-trips configurations and tells which changes need a rebuild', () => {
    const c = { protocol: 'swim' as const, nodes: 40, seed: 3, loss: 0.2, swim: { reconnectInterval: 30 } };
    const back = resolveMembershipForm(formFromConfig(c)).config!;
    expect(needsRebuild(back, c)).toBe(false);
    expect(needsRebuild({ ...back, loss: 0.5 }, c)).toBe(false);
    expect(needsRebuild({ ...back, seed: 4 }, c)).toBe(true);
    expect(needsRebuild(null, c)).toBe(false);
  });
});
