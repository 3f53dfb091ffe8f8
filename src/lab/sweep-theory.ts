import { literatureRounds, meanFieldRounds, primaryBackupRounds } from '../engine/theory';
import type { SimConfig } from '../engine/types';
import { DEMERS_TABLES, demersResidue } from '../cli/rumor-theory';

/** What theory says about one point, where it says anything (the complete graph only). */
export interface PointTheory {
  /** Push, pull, push-pull: the literature's rounds (Pittel; Karp et al.), without loss. */
  rounds: number | null;
  /** Push, pull, push-pull: the mean-field count, which does account for loss (the CLI's meanFieldRounds). */
  meanFieldRounds: number | null;
  /** Rumor mongering: Demers et al.'s update messages per node m (for rumor every message carries the update). */
  messages: number | null;
  source: string;
  /** Which theory it is, so the page can name it in its language (source is the CLI's English). */
  kind: 'literature' | 'primaryBackup' | 'demers' | null;
}

const NONE: PointTheory = { rounds: null, meanFieldRounds: null, messages: null, source: '', kind: null };

/** The paper's setting, where Demers et al.'s tables apply as printed (as the CLI decides it). */
function paperSetting(c: SimConfig): boolean {
  return c.nodes === 1000 && c.fanout === 1 && c.loss === 0 && c.antiEntropy === 0 && c.delay.kind === 'fixed'
    && c.delay.rounds === 1 && c.crashRate === 0 && c.recoverRate === 0;
}

/** The same theory the CLI prints for this configuration, reduced to what a sweep's charts can draw. */
export function pointTheory(c: SimConfig): PointTheory {
  if (c.protocol === 'primary-backup') {
    // Exact without loss, whatever the graph: the primary addresses every replica directly.
    return { rounds: primaryBackupRounds(c.nodes, c.fanout), meanFieldRounds: null, messages: null, source: 'ceil((n - 1) / b); without loss', kind: 'primaryBackup' };
  }
  if (c.topology !== 'complete') return NONE;
  if (c.protocol === 'rumor') {
    // s = e^(−m) (Demers et al. §1.4) turns the closed-form residue into messages; feedback-counter has only the table.
    const s = demersResidue(c.interest, c.k);
    const row = paperSetting(c) ? DEMERS_TABLES[c.interest]?.find((r) => r.k === c.k) : undefined;
    const messages = s !== null && s > 0 && s < 1 ? -Math.log(s) : row?.m ?? null;
    return messages === null ? NONE : { rounds: null, meanFieldRounds: null, messages, source: 'Demers et al. 1987', kind: 'demers' };
  }
  const lit = literatureRounds(c.protocol, c.nodes, c.fanout);
  const mf = meanFieldRounds({ protocol: c.protocol, nodes: c.nodes, fanout: c.fanout, loss: c.loss });
  return { rounds: lit.rounds, meanFieldRounds: Number.isFinite(mf) ? mf : null, messages: null, source: `${lit.source}; without loss`, kind: 'literature' };
}
