import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The repository root, so the binary runs exactly as `npm run sim` runs it. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('gossip-sim binary', () => {
  it('prints one JSON summary on stdout and nothing on stderr', () => {
    const r = cli('--nodes', '500', '--trials', '3', '--protocol', 'push-pull', '--seed', '9');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const s = JSON.parse(r.stdout);
    expect(s.config).toMatchObject({ nodes: 500, protocol: 'push-pull', seed: 9, trials: 3 });
    expect(s.converged).toBe(1);
    expect(s.series).toBeUndefined();
  });

  it('prints CSV rows of the series with --format csv', () => {
    const r = cli('--nodes', '200', '--trials', '2', '--format', 'csv');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('round,informed_mean,mean_field');
    expect(lines[1]).toBe('0,0.005,0.005');
    for (const line of lines.slice(1)) expect(line).toMatch(/^\d+,[\d.e-]+,[\d.e-]+$/);
    expect(lines[lines.length - 1].split(',')[1]).toBe('1');
  });

  it('prints the usage on stdout with --help and exits 0', () => {
    const r = cli('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: npm run --silent sim -- \[flags\]/);
    expect(r.stderr).toBe('');
  });

  // One spawn per kind of mistake: exit 2, one line on stderr that names the flag, no stdout.
  const mistakes: [string, string[], RegExp][] = [
    ['a non-integer', ['--nodes', 'abc'], /^gossip-sim: --nodes must be an integer from 2 to 10,000,000 \(got "abc"\)$/],
    ['a value out of range', ['--loss', '1.5'], /^gossip-sim: --loss must be a number from 0 to 1 \(got "1.5"\)$/],
    ['an unknown flag', ['--nodez', '5'], /^gossip-sim: unknown flag --nodez: expected one of --nodes,/],
    ['a missing value', ['--trials'], /^gossip-sim: --trials needs a value: an integer from 1 to 100,000$/],
    ['a fanout of nodes or more', ['--nodes', '10', '--fanout', '10'], /^gossip-sim: --fanout must be an integer from 1 to 9 \(nodes - 1\)/],
    ['a repeated flag', ['--seed', '1', '--seed', '2'], /^gossip-sim: --seed was given twice/],
    ['a stray argument', ['push'], /^gossip-sim: unexpected argument "push"/],
  ];
  for (const [what, args, message] of mistakes) {
    it(`exits 2 on ${what}`, () => {
      const r = cli(...args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.endsWith('\n')).toBe(true);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr.trimEnd()).toMatch(message);
    });
  }
});
