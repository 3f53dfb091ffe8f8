import { trialSeed } from '../engine/prng';
import { parseCli, USAGE } from './args';
import { formatCsv, formatJson, MEMBERSHIP_CSV_HEADER, membershipCsvRow, oneLine } from './format';
import { runMembershipExperiment } from './membership-runner';
import { isMembership, type CliOptions } from './options';
import { runExperiment } from './runner';
import { loadScenarioFile } from './scenario-file';
import { planFromScenario, type SpreadingPlan } from './spreading-plan';

class UsageError extends Error {}

/**
 * A reader that stops early (`| head -c 10`) closes the pipe: the rest of the output has nowhere
 * to go, which is what the user asked for. End quietly with status 0 instead of an EPIPE trace.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') {
      process.exitCode = 0;
      stream.destroy();
      return;
    }
    if (stream !== process.stderr) process.stderr.write(`gossip-sim: cannot write the output (${oneLine(e.message)})\n`);
    process.exitCode = 1;
  });
}

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
    process.stderr.write(`gossip-sim: ${oneLine(parsed.message)}\n`);
    return 2;
  }
  try {
    process.stdout.write(run(parsed.options, parsed.explicit));
    return 0;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // A runtime failure's message can span lines (a stack, a native error): its first line.
    process.stderr.write(`gossip-sim: ${oneLine(e instanceof UsageError ? message : message.split('\n')[0])}\n`);
    return e instanceof UsageError ? 2 : 1;
  }
}

quietOnClosedPipe(process.stdout);
quietOnClosedPipe(process.stderr);
process.exitCode = main(process.argv.slice(2));
