import { parseCli, USAGE } from './args';
import { formatCsv, formatJson } from './format';
import { runExperiment } from './runner';

/**
 * gossip-sim: the process shell around runExperiment. Exit 0 with the summary on stdout,
 * 2 with one line on stderr for a bad command line, 1 with one line for a runtime failure.
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
    const summary = runExperiment(parsed.options);
    process.stdout.write(parsed.options.format === 'csv' ? formatCsv(summary) : formatJson(summary));
    return 0;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`gossip-sim: ${message.split('\n')[0]}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
