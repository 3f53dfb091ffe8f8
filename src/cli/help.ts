import { SPECS, type Scope } from './flags';

const SECTIONS: [string, readonly Scope[]][] = [
  ['Every run', ['all']],
  ['Spreading (push, pull, push-pull, rumor, primary-backup)', ['spreading']],
  ['Gossip (push, pull, push-pull, rumor; not primary-backup)', ['gossip']],
  ['Rumor mongering (--protocol rumor)', ['rumor']],
  ['Membership (--protocol heartbeat | swim)', ['membership']],
  ['SWIM (memberlist\'s names)', ['swim']],
  ['Heartbeat gossip (Cassandra)', ['heartbeat']],
];

const HELP_WIDTH = Math.max(...SPECS.map((s) => s.help.length));

function rows(scopes: readonly Scope[]): string {
  return SPECS.filter((s) => scopes.includes(s.scope)).map((s) => {
    const name = s.arg ? `${s.flag} ${s.arg}` : s.flag;
    return `  ${name.padEnd(24)} ${s.def ? `${s.help.padEnd(HELP_WIDTH)} default ${s.def}` : s.help}`;
  }).join('\n');
}

export const USAGE = `Usage: npm run --silent sim -- [flags]

Runs gossip-protocol trials on the Gossip Lab engine and prints one JSON summary on stdout.

Flags (--flag value or --flag=value; integers are plain decimal digits):
${SECTIONS.map(([title, scopes]) => `${title}:\n${rows(scopes)}`).join('\n')}
  --help                   this text

Spreading: the origin is node 0. A trial ends when every live node the origin can reach is
informed, or nothing more can spread (loss 1). Rumor: when no node is infective and nothing is
in flight; with --anti-entropy, then also everyone reachable is informed or a whole
anti-entropy cycle taught nobody anything. Primary-backup: node 0 is the primary and sends the
update to --fanout replicas a round, in id order, retrying those whose ack does not come; the
others never forward; it ends when every live node is informed or nothing more can spread (a
crashed primary). At --max-rounds in any case; never before a
scenario's last action.
Membership: a trial runs --max-rounds rounds, or, with --crash-at, until every live node knows
of the crash.
Exit status: 0 on success, 2 on a bad flag or scenario file (one line on stderr), 1 on a runtime failure.

Examples:
  npm run --silent sim -- --nodes 100000 --protocol push-pull --trials 20 --series
  npm run --silent sim -- --protocol rumor --interest blind-coin --k 2 --trials 300
  npm run --silent sim -- --protocol primary-backup --nodes 1000 --fanout 10
  npm run --silent sim -- --protocol swim --nodes 500 --crash-at 2 --trials 100
`;
