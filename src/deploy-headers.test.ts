import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string): string => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

/** The Content-Security-Policy of index.html's meta tag, and the headers public/_headers gives every path. */
const metaPolicy = (): string => /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(read('index.html'))![1];
function headersForAll(): Map<string, string> {
  const block = /^\/\*\n((?: {2}.+\n)+)/m.exec(read('public/_headers'))![1];
  return new Map(block.trim().split('\n').map((line) => {
    const at = line.indexOf(':');
    return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
  }));
}

describe('deployment headers (public/_headers) and the page\'s own policy (index.html)', () => {
  it('the meta policy is strict: own origin only, no eval, no inline script or style', () => {
    const policy = metaPolicy();
    expect(policy).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(policy).toMatch(/(^|; )style-src 'self'(;|$)/);
    expect(policy).toMatch(/(^|; )object-src 'none'(;|$)/);
    expect(policy).not.toMatch(/unsafe-(eval|inline)/);
    expect(policy).not.toContain('frame-ancestors'); // ignored (and reported) in a meta tag
  });

  it('the header policy is the meta policy plus frame-ancestors, with the other protections', () => {
    const headers = headersForAll();
    expect(headers.get('Content-Security-Policy')).toBe(`${metaPolicy()}; frame-ancestors 'none'`);
    expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(headers.get('X-Frame-Options')).toBe('DENY');
  });
});
