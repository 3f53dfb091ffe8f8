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
      '--trials', '40', '--seed', '4294967295', '--max-rounds', '99', '--series', '--format', 'csv',
    ])).toEqual({
      nodes: 5000, protocol: 'push-pull', fanout: 3, topology: 'random', degree: 8, loss: 0.25,
      trials: 40, seed: 4294967295, maxRounds: 99, series: true, format: 'csv',
    });
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
    expect(error(['--protocol', 'gossip'])).toBe('--protocol must be one of push, pull, push-pull (got "gossip")');
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
      new RegExp(`^--degree 100 with --nodes 10,000,000 would build about 500,000,000 edges: a random graph is limited to ${MAX_EDGES.toLocaleString('en-US')} edges`),
    );
    expect(run(['--topology', 'random', '--nodes', '10000000', '--degree', '10']).degree).toBe(10);
    expect(run(['--topology', 'complete', '--nodes', '10000000', '--degree', '10000']).degree).toBe(10_000);
    expect(run(['--topology', 'grid', '--nodes', '10000000']).topology).toBe('grid');
  });

  it('reports every error on one line', () => {
    for (const argv of [['--nodes', 'abc'], ['--foo'], ['--nodes'], ['x'], ['--loss', '2'], ['--topology', 'ring', '--nodes', '10000000', '--degree', '10000']]) {
      expect(error(argv)).not.toContain('\n');
    }
  });
});
