import { describe, expect, it } from 'vitest';
import { runFileBase } from './file-names';
import { headerMarkup, xmlEscape } from './svg-export';

describe('export file names', () => {
  it('say protocol, size, seed and round, in safe characters', () => {
    expect(runFileBase({ protocol: 'push-pull', nodes: 100, seed: 7 }, 12)).toBe('gossip-lab-push-pull-100n-seed7-round12');
    expect(runFileBase({ protocol: 'a/b c' as 'push', nodes: 2, seed: 0 }, -3)).toBe('gossip-lab-a-b-c-2n-seed0-round0');
  });
});

describe('chart SVG header', () => {
  it('escapes text and draws one swatch per legend entry', () => {
    expect(xmlEscape('a<b & "c"')).toBe('a&lt;b &amp; &quot;c&quot;');
    const { markup, height } = headerMarkup({
      title: 'Informed <nodes>', background: '#fff', ink: '#333', fontFamily: 'sans-serif',
      legend: [{ label: 'Simulated', color: '#0072B2', shape: 'line' }, { label: 'Theory', color: '#999', shape: 'dashed' }, { label: 'Dropped', color: '#D55E00', shape: 'box' }],
    }, 600);
    expect(markup).toContain('Informed &lt;nodes&gt;');
    expect(markup.match(/<line /g)).toHaveLength(2);
    expect(markup.match(/stroke-dasharray/g)).toHaveLength(1);
    expect(markup.match(/<rect /g)).toHaveLength(1);
    // A wide chart keeps the legend beside the title; a narrow one wraps it onto more lines.
    expect(height).toBe(28);
    const narrow = headerMarkup({ title: 'Messages per round', background: '#fff', ink: '#333', fontFamily: 'x', legend: [
      { label: 'Delivered', color: '#0a0', shape: 'box' }, { label: 'Redundant', color: '#0af', shape: 'box' }, { label: 'Dropped', color: '#f50', shape: 'box' },
    ] }, 290);
    expect(narrow.height).toBeGreaterThan(28);
    for (const x of [...narrow.markup.matchAll(/<text x="([\d.]+)"/g)].map((m) => Number(m[1]))) expect(x).toBeLessThan(290);
    // A kept run's own dash pattern is drawn as it is on the page.
    const kept = headerMarkup({ title: 'Informed', background: '#fff', ink: '#333', fontFamily: 'x', legend: [{ label: 'fanout 2', color: '#56B4E9', shape: 'dashed', dash: '2 3' }] }, 600);
    expect(kept.markup).toContain('stroke-dasharray="2 3"');
    // Well-formed enough to parse: balanced tags.
    expect(markup.match(/<text/g)!.length).toBe(markup.match(/<\/text>/g)!.length);
  });
});
