import { trialSeed } from '../engine/prng';
import { parseCli, USAGE } from './args';
import { formatCsv, formatJson, MEMBERSHIP_CSV_HEADER, membershipCsvRow, oneLine } from './format';
import { runMembershipExperiment } from './membership-runner';
import { isMembership, type CliOptions } from './options';
import { runExperiment } from './runner';
import { loadScenarioFile } from './scenario-file';
import { planFromScenario, type SpreadingPlan } from './spreading-plan';

class UsageError extends Error {}

function spreadingPlan(options: CliOptions, explicit: ReadonlySet<string>): SpreadingPlan | undefined {
  if (options.scenario === null) return undefined;
  const loaded = loadScenarioFile(options.scenario);
  if (!loaded.ok) throw new UsageError(loaded.message);
  const planned = planFromScenario(options.scenario, loaded.scenario, options, explicit);
  if (!planned.ok) throw new UsageError(planned.message);
  return planned.plan;
}

function run(options: CliOptions, explicit: ReadonlySet<string>): string {
  if (isMembership(options.protocol)) {
    const rows: string[] = [MEMBERSHIP_CSV_HEADER];
    const onTrial = options.format === 'csv' ? (i: number, r: Parameters<typeof membershipCsvRow>[2]) => rows.push(membershipCsvRow(i, trialSeed(options.seed, i), r)) : undefined;
    const summary = runMembershipExperiment(options, onTrial);
    return options.format === 'csv' ? `${rows.join('\n')}\n` : formatJson(summary);
  }
  const summary = runExperiment(options, spreadingPlan(options, explicit));
  return options.format === 'csv' ? formatCsv(summary) : formatJson(summary);
}

/** What one invocation prints and its exit status. */
export interface CliOutcome {
  status: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/**
 * gossip-sim without the process: status 0 with the summary on stdout, 2 with one line on
 * stderr for a bad command line or scenario file, 1 with one line for a runtime failure.
 * main.ts writes the outcome; the tests (and the fuzz properties) call this directly.
 */
export function runCli(argv: readonly string[]): CliOutcome {
  const parsed = parseCli(argv);
  if (parsed.kind === 'help') return { status: 0, stdout: USAGE, stderr: '' };
  if (parsed.kind === 'error') return { status: 2, stdout: '', stderr: `gossip-sim: ${oneLine(parsed.message)}\n` };
  try {
    return { status: 0, stdout: run(parsed.options, parsed.explicit), stderr: '' };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // A runtime failure's message can span lines (a stack, a native error): its first line.
    const line = oneLine(e instanceof UsageError ? message : message.split('\n')[0]);
    return { status: e instanceof UsageError ? 2 : 1, stdout: '', stderr: `gossip-sim: ${line}\n` };
  }
}
