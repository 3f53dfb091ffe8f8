import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { MAX_SCENARIO_BYTES, toScenario, type Scenario } from '../engine/scenario';
import { Simulation } from '../engine/simulation';
import type { LoggedAction } from '../engine/types';
import { parseCli, type CliOptions } from './args';
import { runExperiment } from './runner';
import { loadScenarioFile, type ScenarioFs } from './scenario-file';
import { planFromScenario, type SpreadingPlan } from './spreading-plan';

const dir = mkdtempSync(join(tmpdir(), 'gossip-cli-'));
const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** A partition of 60 nodes into halves for 12 rounds, healed after round 12; rumor with anti-entropy. */
const halves: Scenario = toScenario(
  { ...DEFAULT_CONFIG, nodes: 60, protocol: 'rumor', interest: 'feedback-counter', k: 3, antiEntropy: 5 },
  [
    { round: 0, action: { type: 'partition', groups: [Array.from({ length: 30 }, (_, i) => 30 + i)] } },
    { round: 12, action: { type: 'heal' } },
  ],
  'halves',
);
const halvesFile = write('halves.json', JSON.stringify(halves));

function opts(argv: string[]): CliOptions {
  const parsed = parseCli(argv);
  if (parsed.kind !== 'run') throw new Error(JSON.stringify(parsed));
  return parsed.options;
}

function plan(argv: string[]): SpreadingPlan | string {
  const parsed = parseCli(argv);
  if (parsed.kind !== 'run') throw new Error(JSON.stringify(parsed));
  const loaded = loadScenarioFile(parsed.options.scenario!);
  if (!loaded.ok) return loaded.message;
  const r = planFromScenario(parsed.options.scenario!, loaded.scenario, parsed.options, parsed.explicit);
  return r.ok ? r.plan : r.message;
}

/** A file system whose one file has the given kind, size and contents (tests of what root cannot provoke). */
function fakeFs(opts: { kind?: 'file' | 'fifo'; size: number; contents?: Uint8Array; openError?: Error; readError?: Error }) {
  const log = { read: 0, closed: false };
  const fs: ScenarioFs = {
    openSync: () => { if (opts.openError) throw opts.openError; return 7; },
    fstatSync: () => ({
      isFile: () => (opts.kind ?? 'file') === 'file', isDirectory: () => false, isFIFO: () => opts.kind === 'fifo',
      isCharacterDevice: () => false, isBlockDevice: () => false, isSocket: () => false, size: opts.size,
    }),
    readSync: (_fd, buffer, offset, length) => {
      if (opts.readError) throw opts.readError;
      const contents = opts.contents ?? new Uint8Array(0);
      const n = Math.min(length, contents.length - log.read);
      buffer.set(contents.subarray(log.read, log.read + n), offset);
      log.read += n;
      return n;
    },
    closeSync: () => { log.closed = true; },
  };
  return { fs, log };
}

describe('loadScenarioFile: one line naming the file and what is wrong', () => {
  it('names a missing file, a directory and a file too large (refused before reading)', () => {
    expect(loadScenarioFile(join(dir, 'nope.json'))).toEqual({ ok: false, message: `--scenario ${join(dir, 'nope.json')}: no such file` });
    expect(loadScenarioFile(dir)).toEqual({ ok: false, message: `--scenario ${dir}: is a directory, not a scenario file` });
    const { fs, log } = fakeFs({ size: MAX_SCENARIO_BYTES + 1 });
    expect(loadScenarioFile('big.json', fs)).toEqual({ ok: false, message: '--scenario big.json: file too large (2,097,153 bytes; at most 2,097,152)' });
    expect(log).toEqual({ read: 0, closed: true });
  });

  it('reads no more than the limit whatever the size says (a /proc file says 0, a file may grow)', () => {
    const { fs, log } = fakeFs({ size: 0, contents: new Uint8Array(MAX_SCENARIO_BYTES * 3).fill(32) });
    expect(loadScenarioFile('grows.json', fs)).toEqual({ ok: false, message: '--scenario grows.json: file too large (it goes on past 2,097,152 bytes; at most 2,097,152)' });
    expect(log).toEqual({ read: MAX_SCENARIO_BYTES + 1, closed: true });
    const json = new TextEncoder().encode(JSON.stringify(halves));
    const exact = fakeFs({ size: 0, contents: json });
    expect(loadScenarioFile('proc.json', exact.fs)).toMatchObject({ ok: true, scenario: { name: 'halves' } });
  });

  it('refuses what is not a regular file: a FIFO (without waiting for a writer), a device', () => {
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const started = performance.now();
    expect(loadScenarioFile(fifo)).toEqual({ ok: false, message: `--scenario ${fifo}: is a FIFO (named pipe), not a regular file: a scenario is read from a regular file` });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(loadScenarioFile('/dev/zero')).toEqual({ ok: false, message: '--scenario /dev/zero: is a character device, not a regular file: a scenario is read from a regular file' });
    expect(loadScenarioFile('x', fakeFs({ kind: 'fifo', size: 0 }).fs)).toMatchObject({ ok: false, message: '--scenario x: is a FIFO (named pipe), not a regular file: a scenario is read from a regular file' });
  });

  it('names an unreadable file (injected: root reads anything)', () => {
    const denied = Object.assign(new Error('EACCES: permission denied, open \'s.json\''), { code: 'EACCES' });
    expect(loadScenarioFile('s.json', fakeFs({ size: 10, openError: denied }).fs)).toEqual({ ok: false, message: '--scenario s.json: cannot read the file: permission denied (EACCES)' });
    const io = Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    const failing = fakeFs({ size: 10, readError: io });
    expect(loadScenarioFile('s.json', failing.fs)).toEqual({ ok: false, message: '--scenario s.json: cannot read the file (EIO: i/o error, read)' });
    expect(failing.log.closed).toBe(true);
  });

  it('gives the JSON path of the first problem and what was expected there', () => {
    const bad = (name: string, text: string): string => {
      const r = loadScenarioFile(write(name, text));
      if (r.ok) throw new Error(`${name} was accepted`);
      return r.message.slice(`--scenario ${join(dir, name)}: `.length);
    };
    expect(bad('json.json', '{"format": ')).toMatch(/^\$: not valid JSON: /);
    const base = { format: 'gossip-lab-scenario', version: 1, config: { nodes: 60 }, actions: [] as unknown[] };
    expect(bad('type.json', JSON.stringify({ ...base, actions: [{ round: 3, action: { type: 'crash', node: '7' } }] })))
      .toBe('$.actions[0].action.node: Invalid input: expected number, received string');
    expect(bad('range.json', JSON.stringify({ ...base, actions: [{ round: 3, action: { type: 'crash', node: 70 } }] })))
      .toBe('$.actions[0].action: node 70 does not exist: the scenario has 60 nodes (ids 0 to 59)');
    expect(bad('config.json', JSON.stringify({ ...base, config: { nodes: 60, loss: 2 } }))).toMatch(/^\$\.config\.loss: /);
    expect(bad('format.json', JSON.stringify({ ...base, format: 'other' }))).toMatch(/^\$\.format: /);
    expect(bad('two.json', JSON.stringify({ ...base, config: { nodes: 60, loss: 2, fanout: 0 } }))).toMatch(/\(and 1 more problem\)$/);
    expect(bad('lines.json', '{\n"format":\n')).not.toContain('\n');
  });
});

describe('scenario plans: the file sets configuration and actions, explicit flags override', () => {
  it('takes the scenario as it is without flags', () => {
    const p = plan(['--scenario', halvesFile]) as SpreadingPlan;
    expect(p.config).toEqual(halves.config);
    expect(p.actions).toEqual(halves.actions);
    expect(p.scenario).toEqual({ file: halvesFile, name: 'halves' });
  });

  it('lets explicit flags override configuration fields, and only those', () => {
    const p = plan(['--scenario', halvesFile, '--k', '5', '--loss', '0.1', '--seed', '7', '--delay', 'fixed:2']) as SpreadingPlan;
    expect(p.config).toEqual({ ...halves.config, k: 5, loss: 0.1, seed: 7, delay: { kind: 'fixed', rounds: 2 } });
  });

  it('checks flags against the scenario\'s protocol and the merged configuration as a whole', () => {
    const pushFile = write('push.json', JSON.stringify(toScenario({ ...DEFAULT_CONFIG, nodes: 30, protocol: 'push' }, [])));
    expect(plan(['--scenario', pushFile, '--k', '2'])).toBe(`--k applies to --protocol rumor only, not to --protocol push (the protocol of --scenario ${pushFile})`);
    expect((plan(['--scenario', pushFile, '--protocol', 'rumor', '--k', '2']) as SpreadingPlan).config).toMatchObject({ protocol: 'rumor', k: 2 });
    expect(plan(['--scenario', halvesFile, '--nodes', '40'])).toBe(`--scenario ${halvesFile} with --nodes 40: $.actions[0].action: node 40 does not exist: the scenario has 40 nodes (ids 0 to 39)`);
    expect(plan(['--scenario', halvesFile, '--nodes', '60', '--fanout', '60'])).toMatch(/with --nodes 60 --fanout 60: \$\.config\.fanout: an integer from 1 to 59/);
    const dense = write('dense.json', JSON.stringify(toScenario({ ...DEFAULT_CONFIG, nodes: 10_000, fanout: 9_999, delay: { kind: 'fixed', rounds: 5 } }, [])));
    expect(plan(['--scenario', dense])).toMatch(new RegExp(`^--scenario ${dense}: \\$\\.config\\.fanout: Fanout can be at most 2,000 at 10,000 nodes and a delay of up to 5 rounds: the command line handles`));
    expect(plan(['--scenario', halvesFile, '--max-rounds', '12'])).toBe(`--max-rounds 12 ends every trial before the last action of --scenario ${halvesFile} (after round 12)`);
  });
});

describe('runExperiment with a scenario', () => {
  it('trial i is the engine\'s run of the scenario with seed + i, ended by the documented rule', () => {
    const p = plan(['--scenario', halvesFile, '--seed', '11']) as SpreadingPlan;
    const s = runExperiment(opts(['--trials', '3']), p);
    expect(s.scenario).toMatchObject({ file: halvesFile, name: 'halves', actions: 2, rejected: { max: 0 } });
    expect(s.config).toMatchObject({ nodes: 60, protocol: 'rumor', seed: 11, trials: 3 });
    const single = [11, 12, 13].map((seed) => runExperiment(opts([]), { ...p, config: { ...p.config, seed } }));
    expect(s.traffic!.mean).toBeCloseTo(single.reduce((a, x) => a + x.traffic!.mean, 0) / 3, 12);
    // Seed 13 by hand: after the last action (round 12), stop once no node is infective and
    // everyone is informed, or an anti-entropy round (every 5) ends 5 rounds that taught nobody.
    const sim = new Simulation({ ...p.config, seed: 13 }, { schedule: p.actions });
    let traffic = 0, lastChange = 0;
    const quiet = () => sim.round % 5 === 0 && sim.round - lastChange >= 5;
    while (!(sim.round >= 12 && sim.rumorEnded && (sim.world.informed[0] === 60 || quiet()))) {
      const m = sim.step();
      traffic += m.traffic;
      if (m.newlyInformed[0] > 0) lastChange = m.round;
    }
    expect(single[2].rounds!.mean).toBe(sim.round);
    expect(single[2].traffic!.mean).toBeCloseTo(traffic / 60, 12);
    expect(s.rounds!.min).toBeGreaterThan(12); // never before the heal
  });

  it('the partition holds the rumor in one half until the heal; anti-entropy then finishes the job', () => {
    const p = plan(['--scenario', halvesFile]) as SpreadingPlan;
    const sim = new Simulation(p.config, { schedule: p.actions });
    for (let r = 0; r < 12; r++) sim.step();
    expect(sim.world.informed[0]).toBeLessThanOrEqual(30);
    const s = runExperiment(opts(['--trials', '20']), p);
    expect(s.converged).toBe(1);
    expect(s.stoppedAtMaxRounds).toBe(0);
  });

  it('counts actions the run refused (a write at a node that churn crashed)', () => {
    const actions: LoggedAction[] = [{ round: 3, action: { type: 'crash', node: 5 } }, { round: 4, action: { type: 'write', node: 5, key: 0 } }];
    const file = write('refused.json', JSON.stringify(toScenario({ ...DEFAULT_CONFIG, nodes: 50, protocol: 'push-pull' }, actions)));
    const p = plan(['--scenario', file]) as SpreadingPlan;
    const s = runExperiment(opts(['--trials', '2']), p);
    expect(s.scenario!.rejected).toMatchObject({ mean: 1, max: 1 });
    expect(s.converged).toBe(1);
  });

  it('with origin −1 the source is the first write of key 0, and times count from that write', () => {
    const late = write('late.json', JSON.stringify(toScenario({ ...DEFAULT_CONFIG, nodes: 200, protocol: 'push-pull', origin: -1 }, [{ round: 5, action: { type: 'write', node: 17, key: 0 } }])));
    const s = runExperiment(opts(['--trials', '5']), plan(['--scenario', late]) as SpreadingPlan);
    const now = runExperiment(opts(['--trials', '5', '--nodes', '200', '--protocol', 'push-pull']));
    expect(s.converged).toBe(1);
    expect(s.rounds!.min).toBeGreaterThan(5);
    expect(s.tLast!.mean).toBeCloseTo(s.rounds!.mean - 5, 12);
    expect(Math.abs(s.tAve!.mean - now.tAve!.mean)).toBeLessThan(1); // the same spread, shifted by the write
    const none = write('none.json', JSON.stringify(toScenario({ ...DEFAULT_CONFIG, nodes: 20, origin: -1 }, [])));
    const nothing = runExperiment(opts([]), plan(['--scenario', none]) as SpreadingPlan);
    expect(nothing).toMatchObject({ converged: 0, rounds: { max: 0 }, tAve: null });
  });
});
