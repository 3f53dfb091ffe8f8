import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, MAX_EDGES, parseCli, USAGE } from './args';

const run = (argv: string[]) => {
  const r = parseCli(argv);
  if (r.kind !== 'run') throw new Error(`expected options, got ${JSON.stringify(r)}`);
  return r.options;
};
const error = (argv: string[]): string => {
  const r = parseCli(argv);
  if (r.kind !== 'error') throw new Error(`expected an error for ${argv.join(' ')}, got ${JSON.stringify(r)}`);
  return r.message;
};

describe('parseCli', () => {
  it('gives the documented defaults for an empty command line', () => {
    expect(run([])).toEqual(DEFAULT_OPTIONS);
    expect(DEFAULT_OPTIONS).toMatchObject({ nodes: 1000, protocol: 'push', fanout: 1, topology: 'complete', degree: 6, loss: 0, trials: 1, seed: 1, maxRounds: 10_000, series: false, format: 'json' });
  });

  it('reads every flag, as "--flag value" or "--flag=value"', () => {
    expect(run([
      '--nodes', '5000', '--protocol=push-pull', '--fanout', '3', '--topology', 'random', '--degree=8', '--loss', '0.25',
      '--trials', '40', '--seed', '4294967295', '--max-rounds', '99', '--series', '--format', 'json',
    ])).toEqual({
      ...DEFAULT_OPTIONS,
      nodes: 5000, protocol: 'push-pull', fanout: 3, topology: 'random', degree: 8, loss: 0.25,
      trials: 40, seed: 4294967295, maxRounds: 99, series: true, format: 'json',
    });
    expect(run(['--format', 'csv']).format).toBe('csv');
    expect(run(['--loss', '1']).loss).toBe(1);
    expect(run(['--loss', '.5']).loss).toBe(0.5);
    expect(run(['--loss=0']).loss).toBe(0);
    expect(run(['--nodes', '2', '--fanout', '1']).nodes).toBe(2);
    expect(run(['--nodes', '10000000']).nodes).toBe(10_000_000);
  });

  it('answers --help (and -h) whatever else is on the line', () => {
    expect(parseCli(['--help'])).toEqual({ kind: 'help' });
    expect(parseCli(['--nodes', 'abc', '-h'])).toEqual({ kind: 'help' });
    for (const flag of ['--nodes', '--protocol', '--fanout', '--topology', '--degree', '--loss', '--trials', '--seed', '--max-rounds', '--series', '--format']) {
      expect(USAGE).toContain(flag);
    }
  });

  it('refuses integers that are not plain decimal digits or out of range, naming the flag and its range', () => {
    expect(error(['--nodes', 'abc'])).toBe('--nodes must be an integer from 2 to 10,000,000 (got "abc")');
    for (const bad of ['', '1e3', '+5', '5.0', ' 5', '-1', '0x10', '1,000', '1_000', 'Infinity', 'NaN']) {
      expect(error([`--nodes=${bad}`])).toBe(`--nodes must be an integer from 2 to 10,000,000 (got ${JSON.stringify(bad)})`);
    }
    expect(error(['--nodes', '1'])).toMatch(/^--nodes must be an integer from 2 to 10,000,000/);
    expect(error(['--nodes', '10000001'])).toMatch(/^--nodes must be/);
    expect(error(['--nodes', '99999999999999999999999'])).toMatch(/^--nodes must be/);
    expect(error(['--trials', '0'])).toBe('--trials must be an integer from 1 to 100,000 (got "0")');
    expect(error(['--trials', '100001'])).toMatch(/^--trials must be an integer from 1 to 100,000/);
    expect(error(['--seed', '4294967296'])).toBe('--seed must be an integer from 0 to 4,294,967,295 (got "4294967296")');
    expect(error(['--max-rounds', '0'])).toMatch(/^--max-rounds must be an integer from 1 to 1,000,000/);
    expect(error(['--degree', '0'])).toMatch(/^--degree must be an integer from 1 to 10,000/);
    expect(error(['--fanout', 'two'])).toBe('--fanout must be an integer from 1 to nodes - 1 (got "two")');
  });

  it('refuses a fanout of nodes or more', () => {
    expect(error(['--nodes', '10', '--fanout', '10'])).toBe('--fanout must be an integer from 1 to 9 (nodes - 1) (got "10")');
    expect(error(['--fanout', '1000'])).toMatch(/^--fanout must be an integer from 1 to 999/);
    expect(run(['--fanout', '999']).fanout).toBe(999);
  });

  it('refuses probabilities outside [0, 1] or not written as decimals', () => {
    for (const bad of ['1.5', '-0.1', 'abc', '', '1e-3', '50%', '0.5.1']) {
      expect(error(['--loss', bad])).toBe(`--loss must be a number from 0 to 1 (got ${JSON.stringify(bad)})`);
    }
  });

  it('refuses unknown choices, listing the accepted ones', () => {
    expect(error(['--protocol', 'gossip'])).toBe('--protocol must be one of push, pull, push-pull, rumor, primary-backup, heartbeat, swim (got "gossip")');
    expect(error(['--topology', 'star'])).toBe('--topology must be one of complete, ring, random, grid (got "star")');
    expect(error(['--format', 'xml'])).toBe('--format must be one of json, csv (got "xml")');
    expect(error(['--protocol', 'PUSH'])).toMatch(/^--protocol must be one of/);
  });

  it('refuses unknown flags, missing values, repeated flags, stray arguments and values on switches', () => {
    expect(error(['--node', '5'])).toMatch(/^unknown flag --node: expected one of --nodes, .*--format/);
    expect(error(['-n', '5'])).toMatch(/^unexpected argument "-n"/);
    expect(error(['--nodes'])).toBe('--nodes needs a value: an integer from 2 to 10,000,000');
    expect(error(['--nodes', '--series'])).toBe('--nodes needs a value: an integer from 2 to 10,000,000');
    expect(error(['--nodes', '5', '--nodes', '6'])).toBe('--nodes was given twice: it takes one value, an integer from 2 to 10,000,000');
    expect(error(['--series', '--series'])).toMatch(/^--series was given twice/);
    expect(error(['5000'])).toMatch(/^unexpected argument "5000": values follow their flag/);
    expect(error(['--nodes', '5000', 'push'])).toMatch(/^unexpected argument "push"/);
    expect(error(['--series=yes'])).toBe('--series takes no value (got "yes")');
  });

  it('refuses explicit graphs too large to build, naming --degree and the limit', () => {
    expect(error(['--topology', 'random', '--nodes', '10000000', '--degree', '100'])).toMatch(
      new RegExp(`^--degree 100 with --nodes 10,000,000: Degree can be at most 10 at 10,000,000 nodes on a random graph: the command line holds at most ${MAX_EDGES.toLocaleString('en-US')} links \\(this graph: 500,000,000\\)`),
    );
    expect(run(['--topology', 'random', '--nodes', '10000000', '--degree', '10']).degree).toBe(10);
    expect(run(['--topology', 'ring', '--nodes', '10000000', '--degree', '10']).degree).toBe(10);
    expect(run(['--topology', 'grid', '--nodes', '10000000']).topology).toBe('grid');
  });

  it('refuses runs whose messages per round, held for their delay, are past the budget', () => {
    expect(error(['--nodes', '10000000', '--delay', 'fixed:1000'])).toBe(
      '--delay fixed:1000 with --nodes 10,000,000: Delay can be at most 10 rounds at 10,000,000 nodes and fanout 1: the command line handles at most 100,000,000 messages per round counting the rounds they stay on their way (nodes × fanout × delay: 10,000,000,000) (lower --delay or --nodes)',
    );
    expect(error(['--nodes', '10000000', '--fanout', '20'])).toMatch(/^--fanout 20 with --nodes 10,000,000: Fanout can be at most 10 at 10,000,000 nodes: /);
    expect(run(['--nodes', '10000000', '--fanout', '10']).fanout).toBe(10);
    // The 15-second round: a complete graph of 10,000 nodes, fanout 9,999, delay 5.
    expect(error(['--nodes', '10000', '--fanout', '9999', '--delay', 'fixed:5'])).toMatch(/Fanout can be at most 2,000 at 10,000 nodes and a delay of up to 5 rounds/);
    expect(run(['--nodes', '10000', '--fanout', '2000', '--delay', 'fixed:5']).fanout).toBe(2000);
  });

  it('reports every error on one line', () => {
    for (const argv of [['--nodes', 'abc'], ['--foo'], ['--nodes'], ['x'], ['--loss', '2'], ['--topology', 'ring', '--nodes', '10000000', '--degree', '10000']]) {
      expect(error(argv)).not.toContain('\n');
    }
  });
});

describe('parseCli: rumor mongering, delays and faults', () => {
  it('reads the rumor flags and the fault flags', () => {
    const o = run(['--protocol', 'rumor', '--interest', 'blind-coin', '--k', '5', '--anti-entropy', '10', '--delay', 'uniform:1:3',
      '--crash-rate', '0.01', '--recover-rate=0.2', '--recover-empty']);
    expect(o).toMatchObject({ protocol: 'rumor', interest: 'blind-coin', k: 5, antiEntropy: 10, delay: { kind: 'uniform', min: 1, max: 3 }, crashRate: 0.01, recoverRate: 0.2, recoverEmpty: true });
    expect(run(['--delay', 'fixed:4']).delay).toEqual({ kind: 'fixed', rounds: 4 });
    expect(run(['--delay', 'exp:2.5']).delay).toEqual({ kind: 'exp', mean: 2.5 });
    expect(run(['--anti-entropy', '3']).antiEntropy).toBe(3); // anti-entropy backs up push too
  });

  it('refuses malformed and out-of-range delays with what each kind needs', () => {
    expect(error(['--delay', 'exp'])).toBe('--delay must be fixed:D, uniform:A:B or exp:MEAN (got "exp")');
    expect(error(['--delay', 'fixed:0'])).toBe('--delay must be fixed:D with D an integer from 1 to 1000 (got "fixed:0")');
    expect(error(['--delay', 'uniform:3:2'])).toBe('--delay must be uniform:A:B with integers 1 <= A <= B <= 1000 (got "uniform:3:2")');
    expect(error(['--delay', 'exp:200'])).toBe('--delay must be exp:MEAN with MEAN from 1 to 100 (got "exp:200")');
    expect(error(['--delay', 'fixed:1.5'])).toMatch(/^--delay must be fixed:D with D an integer/);
    expect(error(['--delay', 'gauss:2'])).toMatch(/^--delay must be fixed:D, uniform:A:B or exp:MEAN/);
  });

  it('refuses values out of the engine\'s ranges', () => {
    expect(error(['--protocol', 'rumor', '--k', '0'])).toBe('--k must be an integer from 1 to 100 (got "0")');
    expect(error(['--protocol', 'rumor', '--k', '101'])).toMatch(/^--k must be an integer from 1 to 100/);
    expect(error(['--protocol', 'rumor', '--interest', 'gossip'])).toBe('--interest must be one of feedback-counter, feedback-coin, blind-counter, blind-coin (got "gossip")');
    expect(error(['--anti-entropy', '1000001'])).toMatch(/^--anti-entropy must be an integer from 0 to 1,000,000/);
    expect(error(['--crash-rate', '2'])).toBe('--crash-rate must be a number from 0 to 1 (got "2")');
    expect(error(['--recover-empty=yes'])).toBe('--recover-empty takes no value (got "yes")');
  });

  it('refuses rumor flags with another protocol, naming both', () => {
    expect(error(['--k', '3'])).toBe('--k applies to --protocol rumor only, not to --protocol push');
    expect(error(['--protocol', 'pull', '--interest', 'blind-coin'])).toBe('--interest applies to --protocol rumor only, not to --protocol pull');
  });

  it('leaves a scenario\'s protocol to the scenario, but refuses membership flags with it', () => {
    expect(run(['--scenario', 'x.json', '--k', '3']).scenario).toBe('x.json');
    expect(error(['--scenario', 'x.json', '--crash-at', '3'])).toBe('--crash-at applies to the membership protocols (heartbeat, swim) only; --scenario describes a spreading run');
    expect(error(['--scenario', 'x.json', '--protocol', 'swim'])).toMatch(/^--scenario applies to the spreading protocols \(push, pull, push-pull, rumor, primary-backup\) only, not to --protocol swim/);
    expect(error(['--scenario', ''])).toBe('--scenario must be the path of a scenario file (got "")');
  });

  it('reports which flags were given explicitly (a scenario yields to them)', () => {
    const r = parseCli(['--nodes', '50', '--scenario=s.json', '--recover-empty']);
    expect(r.kind === 'run' && [...r.explicit]).toEqual(['--nodes', '--scenario', '--recover-empty']);
  });
});

describe('parseCli: membership', () => {
  it('reads memberlist\'s and Cassandra\'s parameters into the engine\'s names, and defaults to 100 rounds', () => {
    const swim = run(['--protocol', 'swim', '--nodes', '500', '--indirect-checks', '2', '--suspicion-mult', '6', '--retransmit-mult', '3',
      '--gossip-nodes', '4', '--gossip-interval', '0.5', '--push-pull-interval', '0', '--reconnect-interval', '30', '--dead-gossip-time', '20',
      '--probe-selection', 'random', '--crash-at', '2', '--warmup', '1']);
    expect(swim.swim).toEqual({ indirectChecks: 2, suspicionMult: 6, retransmitMult: 3, gossipNodes: 4, gossipInterval: 0.5, pushPullInterval: 0, reconnectInterval: 30, gossipToTheDeadTime: 20, probeSelection: 'random' });
    expect(swim).toMatchObject({ crashAt: 2, warmup: 1, maxRounds: 100, heartbeat: {} });
    const hb = run(['--protocol', 'heartbeat', '--t-cleanup', '0', '--phi', '--phi-threshold', '12.5', '--seeds', '0,3,7', '--max-rounds', '40']);
    expect(hb.heartbeat).toEqual({ tCleanup: 0, phi: true, phiConvictThreshold: 12.5, seeds: [0, 3, 7] });
    expect(hb.maxRounds).toBe(40);
    expect(run(['--protocol', 'heartbeat', '--t-fail', '5', '--t-cleanup', '7']).heartbeat).toEqual({ tFail: 5, tCleanup: 7 });
    expect(run(['--protocol', 'heartbeat', '--seeds', 'none']).heartbeat.seeds).toEqual([]);
    expect(run(['--protocol', 'swim', '--nodes', '10000']).nodes).toBe(10_000);
  });

  it('refuses more than 10,000 nodes with the reason', () => {
    expect(error(['--protocol', 'swim', '--nodes', '10001'])).toBe('--nodes must be at most 10,000 for --protocol swim: every node keeps a view of every other node, n² entries (got "10001")');
  });

  it('refuses flags of the other protocol family, and of the other membership protocol', () => {
    expect(error(['--protocol', 'swim', '--fanout', '2'])).toBe('--fanout applies to the spreading protocols (push, pull, push-pull, rumor, primary-backup) only, not to --protocol swim');
    expect(error(['--protocol', 'swim', '--series'])).toMatch(/^--series applies to the spreading protocols/);
    expect(error(['--protocol', 'heartbeat', '--indirect-checks', '2'])).toBe('--indirect-checks applies to --protocol swim only, not to --protocol heartbeat');
    expect(error(['--protocol', 'swim', '--phi'])).toBe('--phi applies to --protocol heartbeat only, not to --protocol swim');
    expect(error(['--crash-at', '5'])).toBe('--crash-at applies to the membership protocols (heartbeat, swim) only, not to --protocol push');
  });

  it('refuses parameters the engine refuses, in the flag\'s words', () => {
    expect(error(['--protocol', 'heartbeat', '--t-fail', '10', '--t-cleanup', '5'])).toBe('--t-cleanup must be 0 (never forget) or an integer from --t-fail to 50000 (got "5")');
    expect(error(['--protocol', 'heartbeat', '--nodes', '100', '--seeds', '0,200'])).toBe('--seeds must be distinct node ids from 0 to 99 (got "0,200")');
    expect(error(['--protocol', 'heartbeat', '--seeds', '1,1'])).toMatch(/^--seeds must be distinct node ids/);
    expect(error(['--protocol', 'heartbeat', '--seeds', '1;2'])).toBe('--seeds must be comma-separated node ids (e.g. 0,5,9) or none (got "1;2")');
    expect(error(['--protocol', 'swim', '--gossip-interval', '0.001'])).toBe('--gossip-interval must be rounds between gossip ticks, 0 (off) or from 0.01 to 1000 (got "0.001")');
    expect(error(['--protocol', 'swim', '--indirect-checks', '65'])).toBe('--indirect-checks must be an integer from 0 to 64 (got "65")');
    expect(error(['--protocol', 'heartbeat', '--phi-threshold', '0'])).toBe('--phi-threshold must be a number above 0, at most 1000 (got "0")');
    expect(error(['--protocol', 'swim', '--crash-at', '100'])).toBe('--crash-at must be below --max-rounds (100): the crash would come after the run (got "100")');
    expect(error(['--protocol', 'swim', '--warmup', '20', '--max-rounds', '20'])).toBe('--warmup must be below --max-rounds (20) (got "20")');
  });
});
