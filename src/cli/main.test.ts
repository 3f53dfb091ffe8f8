import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** The binary run asynchronously, so that several runs share the machine's cores. */
function cliAsync(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('gossip-sim binary: rumor, scenarios and membership', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gossip-main-'));
  const scenario = join(dir, 'halves.json');
  writeFileSync(scenario, JSON.stringify({
    format: 'gossip-lab-scenario', version: 1, name: 'halves', config: { nodes: 40, protocol: 'rumor', antiEntropy: 4 },
    actions: [{ round: 0, action: { type: 'partition', groups: [[20, 21, 22, 23, 24, 25, 26, 27, 28, 29]] } }, { round: 8, action: { type: 'heal' } }],
  }));
  const malformed = join(dir, 'bad.json');
  writeFileSync(malformed, JSON.stringify({ format: 'gossip-lab-scenario', version: 1, config: { nodes: 40 }, actions: [{ round: 2, action: { type: 'crash', node: 'x' } }] }));

  it('runs rumor, a scenario and membership trials (JSON and CSV)', async () => {
    const [rumor, scen, swim, csv] = await Promise.all([
      cliAsync('--protocol', 'rumor', '--interest', 'blind-coin', '--k', '3', '--trials', '3'),
      cliAsync('--scenario', scenario, '--trials', '2', '--k', '3'),
      cliAsync('--protocol', 'swim', '--nodes', '50', '--crash-at', '2', '--trials', '3'),
      cliAsync('--protocol', 'heartbeat', '--nodes', '30', '--crash-at', '1', '--trials', '2', '--format', 'csv'),
    ]);
    for (const r of [rumor, scen, swim, csv]) expect(r).toMatchObject({ status: 0, stderr: '' });
    const a = JSON.parse(rumor.stdout);
    expect(a.config).toMatchObject({ protocol: 'rumor', interest: 'blind-coin', k: 3 });
    expect(a.theory.paper).toEqual({ s: 0.06, m: 2.8, tAve: 15, tLast: 32 });
    const b = JSON.parse(scen.stdout);
    expect(b.scenario).toMatchObject({ file: scenario, name: 'halves', actions: 2 });
    expect(b.config).toMatchObject({ nodes: 40, k: 3, antiEntropy: 4 });
    expect(b.converged).toBe(1);
    const c = JSON.parse(swim.stdout);
    expect(c.kind).toBe('membership');
    expect(c.detection.count).toBe(3);
    expect(Object.keys(c.detection)).toEqual(['mean', 'sd', 'min', 'p50', 'p95', 'max', 'count']);
    const lines = csv.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^trial,seed,rounds,detection,/);
    expect(lines).toHaveLength(3);
  });

  it('exits 2 with one line naming the file, the JSON path and what was expected; nothing on stdout', async () => {
    const cases: [string[], RegExp][] = [
      [['--scenario', malformed], new RegExp(`^gossip-sim: --scenario ${malformed.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: \\$\\.actions\\[0\\]\\.action\\.node: Invalid input: expected number, received string$`)],
      [['--scenario', join(dir, 'missing.json')], /^gossip-sim: --scenario .*missing\.json: no such file$/],
      [['--scenario', scenario, '--nodes', '20'], /^gossip-sim: --scenario .*halves\.json with --nodes 20: \$\.actions\[0\]\.action: node 20 does not exist/],
      [['--k', '3'], /^gossip-sim: --k applies to --protocol rumor only, not to --protocol push$/],
      [['--protocol', 'swim', '--nodes', '20000'], /^gossip-sim: --nodes must be at most 10,000 for --protocol swim/],
      [['--delay', 'fixed:0'], /^gossip-sim: --delay must be fixed:D with D an integer from 1 to 1000 \(got "fixed:0"\)$/],
    ];
    const results = await Promise.all(cases.map(([args]) => cliAsync(...args)));
    results.forEach((r, i) => {
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.endsWith('\n')).toBe(true);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr.trimEnd()).toMatch(cases[i][1]);
    });
  });
});

describe('gossip-sim binary: hardening', () => {
  it('prints the numbers that identify a run exactly (a seed of 10 digits replays)', async () => {
    const r = await cliAsync('--nodes', '50', '--seed', '4294967295', '--trials', '2');
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toContain('"seed": 4294967295');
    expect(JSON.parse(r.stdout).config.seed).toBe(4294967295);
  });

  it('ends quietly, status 0 and no trace, when the reader closes the pipe early (| head -c 10)', () => {
    // More output than a pipe holds (64 KB), so the writer meets the closed pipe.
    const r = spawnSync('bash', ['-c', `${JSON.stringify(process.execPath)} --import tsx src/cli/main.ts --protocol swim --nodes 2 --max-rounds 1 --trials 3000 --format csv | head -c 10; exit "\${PIPESTATUS[0]}"`],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toBe('trial,seed');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('refuses a FIFO or a device as --scenario at once, with one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gossip-fifo-'));
    const fifo = join(dir, 's.json');
    spawnSync('mkfifo', [fifo]);
    const [a, b] = await Promise.all([cliAsync('--scenario', fifo), cliAsync('--scenario', '/dev/zero')]);
    expect(a).toEqual({ status: 2, stdout: '', stderr: `gossip-sim: --scenario ${fifo}: is a FIFO (named pipe), not a regular file: a scenario is read from a regular file\n` });
    expect(b).toEqual({ status: 2, stdout: '', stderr: 'gossip-sim: --scenario /dev/zero: is a character device, not a regular file: a scenario is read from a regular file\n' });
  });

  it('keeps an error on one line when the user typed control characters', () => {
    const r = cli('--nodes\n\u001b[2J', '5');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^gossip-sim: unknown flag --nodes\\n\\u001b\[2J: expected one of/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('gossip-sim binary: primary-backup', () => {
  it('--protocol primary-backup --nodes 1000 --fanout 10 takes 100 rounds, with the primary\'s load', () => {
    const r = cli('--protocol', 'primary-backup', '--nodes', '1000', '--fanout', '10');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const s = JSON.parse(r.stdout);
    expect(s.rounds).toMatchObject({ mean: 100, min: 100, max: 100 });
    expect(s.theory.rounds).toBe(100);
    expect(s.messages.mean).toBeCloseTo(1.998, 9); // 999 updates and 999 acks over 1000 nodes
    expect(s.load.busiestPerRound.max).toBe(10);
    expect(s.load.busiestTotal.max).toBe(999);
  });

  it('refuses gossip-only and rumor-only flags with one line and exit status 2', () => {
    for (const [flag, value, text] of [
      ['--k', '3', '--k applies to --protocol rumor only, not to --protocol primary-backup'],
      ['--interest', 'blind-coin', '--interest applies to --protocol rumor only, not to --protocol primary-backup'],
      ['--topology', 'ring', '--topology applies to the gossip protocols (push, pull, push-pull, rumor) only, not to --protocol primary-backup'],
      ['--anti-entropy', '5', '--anti-entropy applies to the gossip protocols (push, pull, push-pull, rumor) only, not to --protocol primary-backup'],
    ]) {
      const r = cli('--protocol', 'primary-backup', flag, value);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd()).toBe(`gossip-sim: ${text}`);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});
