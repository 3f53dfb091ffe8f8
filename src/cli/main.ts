import { runCli } from './cli';
import { oneLine } from './format';

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

/** gossip-sim: the process shell around runCli (cli.ts). */
quietOnClosedPipe(process.stdout);
quietOnClosedPipe(process.stderr);
const outcome = runCli(process.argv.slice(2));
if (outcome.stdout) process.stdout.write(outcome.stdout);
if (outcome.stderr) process.stderr.write(outcome.stderr);
process.exitCode = outcome.status;
