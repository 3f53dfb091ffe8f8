import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { toScenario } from '../engine/scenario';
import { buildTopology, degreeOf } from '../engine/topology';
import { Rng } from '../engine/prng';
import { parseCli } from './args';
import { loadScenarioFile } from './scenario-file';
import { maxNeighbours } from './no-effect';
import { planFromScenario } from './spreading-plan';

const error = (argv: string[]): string => {
  const r = parseCli(argv);
  if (r.kind !== 'error') throw new Error(`expected an error for ${argv.join(' ')}, got ${JSON.stringify(r)}`);
  return r.message;
};
const runs = (argv: string[]): boolean => parseCli(argv).kind === 'run';

describe('flags that would have no effect are refused, naming why', () => {
  it('--degree where the topology takes none, or builds the same graph as another degree', () => {
    expect(error(['--degree', '8'])).toBe('--degree has no effect with --topology complete: every node is linked to every other (drop --degree, or use --topology ring or random)');
    expect(error(['--topology', 'grid', '--degree', '4'])).toBe('--degree has no effect with --topology grid: a grid links each node to its left, right, upper and lower neighbours (drop --degree)');
    expect(error(['--topology', 'ring', '--degree', '3'])).toBe('--degree 3 with --topology ring builds the same ring as --degree 2: a ring links ⌊D/2⌋ neighbours on each side (at least 1, at most ⌊nodes/2⌋ = 500)');
    expect(error(['--topology', 'ring', '--degree', '1'])).toMatch(/^--degree 1 with --topology ring builds the same ring as --degree 2:/);
    expect(error(['--topology', 'ring', '--nodes', '10', '--degree', '12'])).toMatch(/^--degree 12 with --topology ring builds the same ring as --degree 10:/);
    expect(error(['--topology', 'random', '--nodes', '10', '--degree', '12'])).toBe('--degree 12 with --nodes 10 builds the same graph as --degree 9: a node has at most nodes - 1 neighbours');
    expect(runs(['--topology', 'ring', '--degree', '2'])).toBe(true);
    expect(runs(['--topology', 'ring', '--nodes', '10', '--degree', '10'])).toBe(true);
    expect(runs(['--topology', 'random', '--nodes', '10', '--degree', '9'])).toBe(true);
    expect(runs(['--topology', 'grid'])).toBe(true); // the default degree is not "given"
  });

  it('--fanout beyond the neighbours a node has', () => {
    expect(error(['--topology', 'grid', '--fanout', '5'])).toBe('--fanout 5 has no effect beyond 4 with --topology grid: a node has at most 4 neighbours to send to (lower --fanout)');
    expect(error(['--topology', 'ring', '--degree', '4', '--fanout', '5'])).toBe('--fanout 5 has no effect beyond 4 with --topology ring --degree 4: a node has at most 4 neighbours to send to (lower --fanout)');
    expect(error(['--topology', 'ring', '--fanout', '7'])).toMatch(/^--fanout 7 has no effect beyond 6 with --topology ring --degree 6:/);
    expect(runs(['--topology', 'grid', '--fanout', '4'])).toBe(true);
    expect(runs(['--topology', 'random', '--degree', '2', '--fanout', '5'])).toBe(true); // degrees vary: some node may have 5
  });

  it('maxNeighbours is the most neighbours the engine\'s graph gives any node', () => {
    for (const topology of ['ring', 'grid'] as const) {
      for (const nodes of [2, 3, 4, 5, 6, 8, 9, 10, 17, 30]) {
        for (const degree of [1, 2, 4, 6, 9]) {
          const t = buildTopology(topology, nodes, degree, new Rng(1));
          let most = 0;
          for (let i = 0; i < nodes; i++) most = Math.max(most, degreeOf(t, i));
          expect(maxNeighbours({ topology, nodes, degree }), `${topology} n=${nodes} d=${degree}`).toBe(most);
        }
      }
    }
  });

  it('churn flags with nothing to act on, and --series with CSV', () => {
    expect(error(['--recover-rate', '0.1'])).toBe('--recover-rate has no effect without crashes: no node is ever down to recover (add --crash-rate, or crash actions in a --scenario)');
    expect(error(['--recover-empty'])).toBe('--recover-empty has no effect: no node ever recovers (add --crash-rate and --recover-rate, or recover actions in a --scenario)');
    expect(error(['--crash-rate', '0.01', '--recover-empty'])).toMatch(/^--recover-empty has no effect/);
    expect(runs(['--crash-rate', '0.01', '--recover-rate', '0.1', '--recover-empty'])).toBe(true);
    expect(runs(['--recover-rate', '0'])).toBe(true); // 0 is "off", the default, said explicitly
    expect(error(['--series', '--format', 'csv'])).toBe('--series has no effect with --format csv: the CSV is the series');
  });

  it('membership parameters that the chosen detector or gossip setting ignores', () => {
    expect(error(['--protocol', 'heartbeat', '--phi-threshold', '5'])).toBe('--phi-threshold has no effect without --phi: --t-fail decides when a member is down (add --phi)');
    expect(error(['--protocol', 'heartbeat', '--phi', '--t-fail', '5'])).toBe('--t-fail has no effect with --phi: the phi-accrual detector decides when a member is down (drop --t-fail, or set --phi-threshold)');
    expect(error(['--protocol', 'swim', '--gossip-interval', '0', '--gossip-nodes', '4'])).toBe('--gossip-nodes has no effect with --gossip-interval 0: gossip is off (drop one of them)');
    expect(error(['--protocol', 'swim', '--gossip-nodes', '0', '--gossip-interval', '0.5'])).toBe('--gossip-interval has no effect with --gossip-nodes 0: gossip goes to no one (drop one of them)');
    expect(runs(['--protocol', 'swim', '--gossip-interval', '0'])).toBe(true);
    expect(runs(['--protocol', 'heartbeat', '--phi', '--phi-threshold', '5'])).toBe(true);
  });

  it('with a scenario, checks the merged configuration and the scenario\'s actions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gossip-noeffect-'));
    const file = (name: string, actions: Parameters<typeof toScenario>[1]) => {
      const path = join(dir, name);
      writeFileSync(path, JSON.stringify(toScenario({ ...DEFAULT_CONFIG, nodes: 30, topology: 'grid' }, actions)));
      return path;
    };
    const plan = (argv: string[]) => {
      const parsed = parseCli(argv);
      if (parsed.kind !== 'run') throw new Error(JSON.stringify(parsed));
      const loaded = loadScenarioFile(parsed.options.scenario!);
      if (!loaded.ok) throw new Error(loaded.message);
      return planFromScenario(parsed.options.scenario!, loaded.scenario, parsed.options, parsed.explicit);
    };
    const plain = file('plain.json', []);
    expect(plan(['--scenario', plain, '--degree', '4'])).toEqual({ ok: false, message: `--degree has no effect with --topology grid: a grid links each node to its left, right, upper and lower neighbours (drop --degree) (with --scenario ${plain})` });
    expect(plan(['--scenario', plain, '--topology', 'ring', '--degree', '4']).ok).toBe(true);
    expect(plan(['--scenario', plain, '--recover-rate', '0.2'])).toMatchObject({ ok: false, message: expect.stringMatching(/^--recover-rate has no effect without crashes/) });
    const crashes = file('crashes.json', [{ round: 2, action: { type: 'crash', node: 3 } }, { round: 5, action: { type: 'recover', node: 3 } }]);
    expect(plan(['--scenario', crashes, '--recover-rate', '0.2']).ok).toBe(true);
    expect(plan(['--scenario', crashes, '--recover-empty']).ok).toBe(true); // the scenario's recover restarts empty
  });
});

describe('the command line\'s other traps', () => {
  it('-h or --help as a flag\'s value is that value, not a request for help', () => {
    expect(parseCli(['--nodes', 'abc', '-h'])).toEqual({ kind: 'help' });
    expect(parseCli(['-h', '--nodes', '5'])).toEqual({ kind: 'help' });
    expect(error(['--nodes', '-h'])).toBe('--nodes must be an integer from 2 to 10,000,000 (got "-h")');
    expect(error(['--protocol', 'heartbeat', '--seeds', '-h'])).toMatch(/^--seeds must be comma-separated node ids .* \(got "-h"\)$/);
    const r = parseCli(['--scenario', '-h']);
    expect(r.kind === 'run' && r.options.scenario).toBe('-h');
  });

  it('an error stays on one line whatever control characters the user typed', () => {
    const message = error(['--no\ndes\u001b[31m', '5']);
    expect(message).toMatch(/^unknown flag --no\\ndes\\u001b\[31m: expected one of/);
    expect([...message].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
    expect(error(['--nodes=1\r2'])).toBe('--nodes must be an integer from 2 to 10,000,000 (got "1\\r2")');
  });

  it('--t-fail above the default --t-cleanup names --t-fail, the flag the user gave', () => {
    expect(error(['--protocol', 'heartbeat', '--t-fail', '30'])).toBe('--t-fail 30 is above --t-cleanup (20, the default): a member would be forgotten before it is marked down (give --t-cleanup 0 to never forget, or at least --t-fail)');
    expect(error(['--protocol', 'heartbeat', '--t-fail', '30', '--t-cleanup', '25'])).toMatch(/^--t-cleanup must be 0 \(never forget\) or an integer from --t-fail/);
    expect(runs(['--protocol', 'heartbeat', '--t-fail', '30', '--t-cleanup', '0'])).toBe(true);
  });
});
