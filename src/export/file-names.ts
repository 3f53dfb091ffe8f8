
/**
 * A file name that says what the file holds, so a folder of exports stays readable:
 * `gossip-lab-push-pull-100n-seed1-round12`. Only safe characters.
 */
export function runFileBase(config: { protocol: string; nodes: number; seed: number }, round: number): string {
  const safe = (s: string) => s.replace(/[^a-z0-9-]+/gi, '-');
  return `gossip-lab-${safe(config.protocol)}-${config.nodes}n-seed${config.seed}-round${Math.max(0, Math.floor(round))}`;
}
