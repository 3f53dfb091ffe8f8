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
    const markup = headerMarkup({
      title: 'Informed <nodes>', background: '#fff', ink: '#333', fontFamily: 'sans-serif',
      legend: [{ label: 'Simulated', color: '#0072B2', shape: 'line' }, { label: 'Theory', color: '#999', shape: 'dashed' }, { label: 'Dropped', color: '#D55E00', shape: 'box' }],
    }, 600);
    expect(markup).toContain('Informed &lt;nodes&gt;');
    expect(markup.match(/<line /g)).toHaveLength(2);
    expect(markup.match(/stroke-dasharray/g)).toHaveLength(1);
    expect(markup.match(/<rect /g)).toHaveLength(1);
    // Well-formed enough to parse: balanced tags.
    expect(markup.match(/<text/g)!.length).toBe(markup.match(/<\/text>/g)!.length);
  });
});
