import { trialSeed } from '../engine/prng';
import { parseCli, USAGE } from './args';
import { formatCsv, formatJson, MEMBERSHIP_CSV_HEADER, membershipCsvRow } from './format';
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

/**
 * gossip-sim: the process shell around the runners. Exit 0 with the summary on stdout, 2 with
 * one line on stderr for a bad command line or scenario file, 1 with one line for a runtime failure.
 */
function main(argv: readonly string[]): number {
  const parsed = parseCli(argv);
  if (parsed.kind === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`gossip-sim: ${parsed.message}\n`);
    return 2;
  }
  try {
    process.stdout.write(run(parsed.options, parsed.explicit));
    return 0;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`gossip-sim: ${message.split('\n')[0]}\n`);
    return e instanceof UsageError ? 2 : 1;
  }
}

process.exitCode = main(process.argv.slice(2));
