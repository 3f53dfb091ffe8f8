import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { Simulation } from '../engine/simulation';
import { metricsToCsv, metricsToJson } from './metrics-export';

describe('metrics export', () => {
  const sim = new Simulation({ ...DEFAULT_CONFIG, nodes: 100, keys: 2 });
  const history = Array.from({ length: 12 }, () => sim.step());

  it('CSV parses back: one header, one row per round, equal column counts, the values', () => {
    const lines = metricsToCsv(history, 2).trim().split('\n');
    expect(lines).toHaveLength(13);
    const header = lines[0].split(',');
    expect(header).toContain('informed_k1');
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      expect(cells).toHaveLength(header.length);
      expect(cells.every((c) => Number.isFinite(Number(c)))).toBe(true);
    }
    const last = lines[12].split(',');
    expect(Number(last[header.indexOf('round')])).toBe(12);
    expect(Number(last[header.indexOf('sent')])).toBe(history[11].sent);
    expect(Number(last[header.indexOf('informed_k0')])).toBe(history[11].informed[0]);
  });

  it('JSON parses back with the configuration and every round', () => {
    const data = JSON.parse(metricsToJson(sim.config, sim.log, history));
    expect(data.config.nodes).toBe(100);
    expect(data.rounds).toHaveLength(12);
    expect(data.rounds[3]).toEqual(history[3]);
  });
});
