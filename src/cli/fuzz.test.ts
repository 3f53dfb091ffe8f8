import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../engine/scenario';
import { INTEREST_RULES, PROTOCOLS, TOPOLOGIES } from '../engine/types';
import { runCli, type CliOutcome } from './cli';
import { SPECS } from './flags';
import { CLI_PROTOCOLS } from './options';

/**
 * Fuzz properties: whatever command line or scenario file the user gives, gossip-sim never
 * throws and never hangs — it either refuses with one line on stderr (status 2, nothing on
 * stdout) or runs (status 0, its summary on stdout). Runs are kept small (tens of nodes), so
 * the budget measures the refusal paths and catches a run that would not end.
 */
const BUDGET_MS = 5000;

function check(argv: readonly string[]): CliOutcome {
  const started = performance.now();
  let outcome: CliOutcome | undefined;
  expect(() => { outcome = runCli(argv); }, JSON.stringify(argv)).not.toThrow();
  expect(performance.now() - started, JSON.stringify(argv)).toBeLessThan(BUDGET_MS);
  const out = outcome!;
  if (out.status === 2) {
    expect(out.stdout).toBe('');
    expect(out.stderr, JSON.stringify(argv)).toMatch(/^gossip-sim: [^\n]+\n$/);
    expect([...out.stderr.slice(0, -1)].some((c) => c.charCodeAt(0) < 0x20), JSON.stringify(out.stderr)).toBe(false);
  } else {
    expect(out, JSON.stringify(argv)).toMatchObject({ status: 0, stderr: '' });
    expect(out.stdout.length).toBeGreaterThan(0);
    if (out.stdout.startsWith('{')) expect(() => JSON.parse(out.stdout)).not.toThrow();
  }
  return out;
}

/** Small clusters: the default 1000 nodes would make a membership trial cost seconds. */
const withSmallCluster = (argv: string[]): string[] =>
  argv.some((a) => a === '--nodes' || a.startsWith('--nodes=')) ? argv : [...argv, '--nodes', '40'];

const int = (min: number, max: number) => fc.integer({ min, max }).map(String);

/** A value each flag accepts, kept small enough that any combination runs in well under a second. */
const VALID: Record<string, fc.Arbitrary<string>> = {
  '--nodes': int(2, 80),
  '--protocol': fc.constantFrom(...CLI_PROTOCOLS),
  '--fanout': int(1, 6),
  '--topology': fc.constantFrom(...TOPOLOGIES),
  '--degree': int(1, 12),
  '--loss': fc.constantFrom('0', '0.1', '.5', '1'),
  '--trials': int(1, 3),
  '--seed': fc.constantFrom('0', '1', '123456789', '4294967295'),
  '--max-rounds': int(1, 300),
  '--format': fc.constantFrom('json', 'csv'),
  '--interest': fc.constantFrom(...INTEREST_RULES),
  '--k': int(1, 5),
  '--anti-entropy': int(0, 12),
  '--delay': fc.constantFrom('fixed:1', 'fixed:3', 'uniform:1:4', 'exp:2'),
  '--crash-rate': fc.constantFrom('0', '0.01', '0.2'),
  '--recover-rate': fc.constantFrom('0', '0.1', '1'),
  '--crash-at': int(0, 20),
  '--warmup': int(0, 10),
  '--indirect-checks': int(0, 5),
  '--suspicion-mult': int(1, 6),
  '--retransmit-mult': int(1, 6),
  '--gossip-nodes': int(0, 5),
  '--gossip-interval': fc.constantFrom('0', '0.2', '0.5', '2'),
  '--push-pull-interval': int(0, 40),
  '--reconnect-interval': int(0, 40),
  '--dead-gossip-time': int(0, 40),
  '--probe-selection': fc.constantFrom('round-robin', 'random'),
  '--t-fail': int(1, 15),
  '--t-cleanup': fc.constantFrom('0', '20', '40'),
  '--phi-threshold': fc.constantFrom('1', '8', '12.5'),
  '--seeds': fc.constantFrom('none', '0', '0,1', '2,5'),
};

const SWITCHES = SPECS.filter((s) => s.type === 'switch').map((s) => s.flag);

/** Command lines of well-formed flags: each alone is valid; together they may still be refused. */
const validArgv = fc.subarray([...Object.keys(VALID), ...SWITCHES], { maxLength: 7 }).chain((flags) =>
  fc.tuple(...flags.map((f) => (SWITCHES.includes(f) ? fc.constant([f]) : VALID[f].map((v) => [f, v]))))
    .map((pairs) => withSmallCluster(pairs.flat())));

/** Tokens for broken command lines: flags, near-misses, values of every kind, and junk. */
const TOKENS = [
  ...SPECS.map((s) => s.flag), '--nodez', '--', '-n', '---nodes', '--NODES', 'push', '', '-h', '--nodes=', '--loss=2', '--seed=1e3',
  '0', '1', '2', '3', '40', '-1', '1.5', '.5', '0.25', '1e3', '+5', 'abc', '99999999999', '4294967295', '4294967296',
  ...CLI_PROTOCOLS, ...TOPOLOGIES, ...INTEREST_RULES, 'json', 'csv', 'xml', 'fixed:2', 'uniform:1:3', 'uniform:3:1', 'exp:2', 'exp:0', 'fixed:0',
  'round-robin', '0,1', '1,1', 'none', '0,99', 'x\ny', '--no\nde', '--\u001b[31m', '\u0000', '\u001b[2J', '/dev/zero', '/dev/null', '/tmp', 'missing.json',
];

const brokenArgv = fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), { maxLength: 10 })
  .map(withSmallCluster);

describe('fuzz: command lines', () => {
  it('well-formed flags in any combination: refused with one line, or run', () => {
    let ran = 0;
    fc.assert(fc.property(validArgv, (argv) => {
      if (check(argv).status === 0) ran++;
    }), { numRuns: 80 });
    expect(ran).toBeGreaterThan(10); // the pool is not all refusals
  });

  it('broken command lines: refused with one line (or, by chance, run)', () => {
    let refused = 0;
    fc.assert(fc.property(brokenArgv, (argv) => {
      if (check(argv).status === 2) refused++;
    }), { numRuns: 400 });
    expect(refused).toBeGreaterThan(200);
  });
});

// Scenario files: near-valid JSON with broken fields mixed in, through the whole command.
const odd = fc.constantFrom<unknown>(null, -1, 2.5, 'x', '10', [], {}, true, 1e21, -0, 10_000_001, '__proto__');
const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 40, arbitrary: a }, { weight: 1, arbitrary: odd });
const node = maybe(fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 19 }) }, { weight: 1, arbitrary: fc.integer({ min: 20, max: 70 }) }));
const action = fc.oneof(
  fc.record({ type: fc.constant('write'), node, key: maybe(fc.oneof({ weight: 9, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }) })) }),
  fc.record({ type: fc.constantFrom('crash', 'recover'), node }),
  fc.record({ type: fc.constant('setLoss'), p: maybe(fc.constantFrom(0, 0.3, 1)) }),
  fc.record({ type: fc.constant('partition'), groups: maybe(fc.array(fc.array(node, { maxLength: 6 }), { minLength: 1, maxLength: 3 })) }),
  fc.record({ type: fc.constant('isolate'), nodes: maybe(fc.array(node, { minLength: 1, maxLength: 4 })) }),
  fc.record({ type: fc.constant('setLink'), from: maybe(fc.integer({ min: 0, max: 3 })), to: maybe(fc.integer({ min: 0, max: 3 })), blocked: maybe(fc.boolean()), loss: maybe(fc.constantFrom(0, 0.5)) }),
  fc.record({ type: maybe(fc.constant('heal')) }),
);
const config = fc.record({
  nodes: maybe(fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 20, max: 60 }) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 19 }) })),
  protocol: maybe(fc.constantFrom(...PROTOCOLS)),
  fanout: maybe(fc.integer({ min: 1, max: 4 })),
  topology: maybe(fc.constantFrom(...TOPOLOGIES)),
  degree: maybe(fc.integer({ min: 1, max: 8 })),
  loss: maybe(fc.constantFrom(0, 0.2, 1)),
  seed: maybe(fc.integer({ min: 0, max: 4294967295 })),
  keys: maybe(fc.integer({ min: 1, max: 3 })),
  origin: maybe(fc.integer({ min: -1, max: 5 })),
  interest: maybe(fc.constantFrom(...INTEREST_RULES)),
  k: maybe(fc.integer({ min: 1, max: 4 })),
  antiEntropy: maybe(fc.integer({ min: 0, max: 8 })),
  delay: maybe(fc.constantFrom({ kind: 'fixed', rounds: 1 }, { kind: 'uniform', min: 1, max: 3 }, { kind: 'exp', mean: 2 })),
  crashRate: maybe(fc.constantFrom(0, 0.05)),
  recoverRate: maybe(fc.constantFrom(0, 0.2)),
  recoverEmpty: maybe(fc.boolean()),
}, { requiredKeys: [] });
const scenario = fc.record({
  format: maybe(fc.constant('gossip-lab-scenario')),
  version: maybe(fc.constant(1)),
  name: maybe(fc.string({ maxLength: 20 })),
  config: maybe(config),
  actions: maybe(fc.array(fc.record({ round: maybe(fc.integer({ min: 0, max: 40 })), action: maybe(action) }), { maxLength: 6 })),
}, { requiredKeys: ['format', 'version', 'config', 'actions'] });

/** A scenario's text, sometimes cut short or with junk around it. */
const how = fc.oneof({ weight: 8, arbitrary: fc.constant('whole') }, { weight: 1, arbitrary: fc.constantFrom('cut', 'junk') });
const scenarioText = fc.tuple(scenario, how).map(([s, how]) => {
  const text = JSON.stringify(s);
  return how === 'whole' ? text : how === 'cut' ? text.slice(0, Math.floor(text.length / 2)) : `${text}}`;
});

describe('fuzz: scenario files', () => {
  it('the parser never throws on any text, and names a JSON path for every problem', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 200 }), scenarioText, fc.json({ maxDepth: 3 })), (text) => {
      const started = performance.now();
      const r = parseScenario(text);
      expect(performance.now() - started).toBeLessThan(BUDGET_MS);
      if (!r.ok) {
        expect(r.problems.length).toBeGreaterThan(0);
        for (const p of r.problems) expect(p.path).toMatch(/^\$/);
      }
    }), { numRuns: 400 });
  });

  it('through the command: refused with one line naming the file, or run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gossip-fuzz-'));
    let ran = 0, i = 0;
    const flags = fc.constantFrom<string[]>([], ['--trials', '2'], ['--nodes', '30'], ['--k', '2'], ['--protocol', 'rumor'], ['--max-rounds', '20'], ['--degree', '4'], ['--recover-empty']);
    fc.assert(fc.property(scenarioText, flags, (text, extra) => {
      const file = join(dir, `s${i++}.json`);
      writeFileSync(file, text);
      const out = check(['--scenario', file, ...extra]);
      if (out.status === 2) expect(out.stderr).toContain(file);
      else ran++;
    }), { numRuns: 100 });
    expect(ran).toBeGreaterThan(10); // the pool is not all refusals
  });
});
