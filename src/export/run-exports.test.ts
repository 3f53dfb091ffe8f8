import { describe, expect, it } from 'vitest';
import { parseScenario } from '../engine/scenario';
import { sessionHarness } from '../session/session-harness';
import { metricsCsvText, metricsJsonText, scenarioText } from './run-exports';
import type { FileText } from '../engine/scenario';

/** The text of a file the writer accepted (a refusal fails the test). */
const textOf = (f: FileText): string => {
  if (!f.ok) throw new Error(f.reason);
  return f.text;
};

describe('exports of a run', () => {
  const h = sessionHarness({ nodes: '50', protocol: 'push-pull' });
  for (let i = 0; i < 6; i++) {
    h.session.step();
    h.flush();
    if (i === 2) {
      h.session.toggleCrash(4);
      h.flush();
    }
  }
  const state = h.state();

  it('the scenario export reads back as the same configuration and actions', () => {
    const back = parseScenario(textOf(scenarioText(state, 'lecture')));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.scenario.config).toEqual(state.runConfig);
    expect(back.scenario.actions).toEqual([{ round: 3, action: { type: 'crash', node: 4 } }]);
    expect(back.scenario.name).toBe('lecture');
  });

  it('the CSV has a header and one row per round, every row as wide as the header', () => {
    const lines = metricsCsvText(state).trimEnd().split('\n');
    const header = lines[0].split(',');
    expect(header.slice(0, 3)).toEqual(['round', 'live', 'sent']);
    expect(lines).toHaveLength(1 + 7);
    for (const line of lines.slice(1)) expect(line.split(',')).toHaveLength(header.length);
    expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(Number(lines[4].split(',')[1])).toBe(49);
  });

  it('the JSON holds the configuration, the actions and every round', () => {
    const data = JSON.parse(metricsJsonText(state));
    expect(data.config).toEqual(state.runConfig);
    expect(data.actions).toHaveLength(1);
    expect(data.rounds.map((m: { round: number }) => m.round)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
