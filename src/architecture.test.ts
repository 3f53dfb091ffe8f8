import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The house's shape, checked: layers import only downward, and no module imports itself
 * through others. Type-only imports count too — a circle of types is still a circle to read.
 *
 *   engine ← worker ← view ← presets ← run ← share ← store ← session ← hooks ← components ← App
 *   (i18n — strings and number formats — sits at the bottom beside engine, for every page layer;
 *   cli, render and export sit beside: cli on engine; render on view; export on engine/view;
 *   lab — the sweep's pure core — on engine and cli, so a sweep runs the CLI's own trial function;
 *   lessons — the course as data, its measures and challenge checks — on engine, presets, run and
 *   i18n, and on cli for Demers et al.'s tables of rumor mongering)
 */
const SRC = resolve(__dirname);

/** Each folder and the folders it may import from (its own folder always). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  engine: [],
  cli: ['engine'],
  lab: ['engine', 'cli'],
  worker: ['engine', 'view', 'lab'],
  view: ['i18n', 'engine', 'theme'],
  theme: [],
  i18n: [],
  render: ['i18n', 'engine', 'view', 'theme'],
  presets: ['i18n', 'engine', 'view', 'worker', 'render'],
  run: ['i18n', 'engine', 'worker', 'view', 'presets', 'render', 'theme'],
  share: ['i18n', 'engine'],
  lessons: ['i18n', 'engine', 'cli', 'presets', 'run'],
  export: ['i18n', 'engine', 'view', 'run', 'worker', 'theme'],
  store: ['i18n', 'engine', 'worker', 'view', 'presets', 'run', 'share', 'theme', 'render'],
  session: ['i18n', 'engine', 'worker', 'view', 'presets', 'run', 'share', 'store', 'theme', 'export', 'render', 'lessons'],
  hooks: ['i18n', 'engine', 'worker', 'view', 'presets', 'run', 'share', 'store', 'session', 'theme', 'export', 'render', 'lab', 'lessons'],
  components: ['i18n', 'engine', 'worker', 'view', 'presets', 'run', 'share', 'store', 'session', 'hooks', 'render', 'theme', 'export', 'lab', 'lessons'],
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const files = sources(SRC);
const known = new Set(files);

/** The files a module imports (relative imports only), resolved to paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"](\.[^'"]+)['"]/g)) {
    const base = resolve(dirname(file), m[1]);
    const hit = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => known.has(p));
    if (hit) out.push(hit);
  }
  return out;
}

const graph = new Map(files.map((f) => [f, importsOf(f)]));
const folderOf = (file: string): string => relative(SRC, file).split('/')[0].replace(/\.tsx?$/, '');

describe('architecture', () => {
  it('layers import only downward', () => {
    const wrong: string[] = [];
    for (const [file, deps] of graph) {
      const from = folderOf(file);
      const allowed = MAY_IMPORT[from];
      if (!allowed) continue; // App.tsx, main.tsx: the top
      for (const dep of deps) {
        const to = folderOf(dep);
        if (to !== from && !allowed.includes(to)) wrong.push(`${relative(SRC, file)} → ${relative(SRC, dep)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no import circles', () => {
    // Tarjan's strongly connected components: any component of more than one module is a circle.
    let index = 0;
    const idx = new Map<string, number>(), low = new Map<string, number>(), stack: string[] = [], onStack = new Set<string>();
    const circles: string[][] = [];
    const visit = (v: string): void => {
      idx.set(v, index);
      low.set(v, index++);
      stack.push(v);
      onStack.add(v);
      for (const w of graph.get(v) ?? []) {
        if (!idx.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
      }
      if (low.get(v) === idx.get(v)) {
        const scc: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          scc.push(relative(SRC, w));
        } while (w !== v);
        if (scc.length > 1) circles.push(scc.sort());
      }
    };
    for (const f of files) if (!idx.has(f)) visit(f);
    expect(circles).toEqual([]);
  });

  it('the store holds only state slices and selectors, and presets never read it', () => {
    for (const [file, deps] of graph) {
      if (folderOf(file) === 'presets') expect(deps.filter((d) => folderOf(d) === 'store'), relative(SRC, file)).toEqual([]);
    }
    const store = files.filter((f) => folderOf(f) === 'store').map((f) => relative(join(SRC, 'store'), f)).sort();
    expect(store.every((f) => /(-slice|selectors|-store|^store|chart-series|panels)\.ts$/.test(f)), store.join(', ')).toBe(true);
  });
});
