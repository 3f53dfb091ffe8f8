/**
 * A throwaway page that mounts GraphCanvas and the charts over a fake FrameSource driven by
 * the real engine on the main thread, so the renderer can be looked at (and screenshot)
 * without the app. Query: ?n=500&topology=random&degree=6&protocol=push&loss=0.1&ms=800
 * &theme=dark&mode=split&crash=3,9&partition=halves&rounds=3&paused=1&select=4
 */
import { createRoot } from 'react-dom/client';
import { useState } from 'react';
import './harness.css';
import { GraphCanvas, type GraphApi } from '../../src/components/GraphCanvas';
import { LineChart } from '../../src/components/charts/LineChart';
import { stackMessages } from '../../src/components/charts/chart-data';
import { Simulation } from '../../src/engine/simulation';
import { DEFAULT_CONFIG } from '../../src/engine/config';
import type { SimConfig, TopologyName, ProtocolName, MessageBatch } from '../../src/engine/types';
import type { FrameSource, GraphSpec, NodeFrame } from '../../src/view/frame-source';

const q = new URLSearchParams(location.search);
const num = (k: string, d: number) => (q.has(k) ? Number(q.get(k)) : d);
const config: SimConfig = {
  ...DEFAULT_CONFIG,
  nodes: num('n', 60),
  topology: (q.get('topology') ?? 'random') as TopologyName,
  protocol: (q.get('protocol') ?? 'push') as ProtocolName,
  degree: num('degree', 6),
  loss: num('loss', 0),
  fanout: num('fanout', 1),
  seed: num('seed', 1),
  origin: 0,
  ...(q.has('delay') ? { delay: { kind: 'fixed' as const, rounds: num('delay', 1) } } : {}),
};
const theme = (q.get('theme') ?? 'light') as 'light' | 'dark';
if (theme === 'dark') document.body.classList.add('dark');
const sim = new Simulation(config, { recordMessages: config.nodes <= 500 });
const graph: GraphSpec = { id: 1, nodes: config.nodes, topology: config.topology, offsets: sim.topology.offsets, neighbors: sim.topology.neighbors };
const listeners = new Set<() => void>();
let frame: NodeFrame | null = null;
let selected: number | null = q.has('select') ? num('select', 0) : null;
const ms = num('ms', 800);
const informed: { round: number; fraction: number }[] = [{ round: 0, fraction: 1 / config.nodes }];
const msgs: { round: number; delivered: number; dropped: number; redundant: number }[] = [];

function copyBatch(b: MessageBatch | null): MessageBatch | null {
  if (!b) return null;
  const c = b.count;
  return { count: c, from: b.from.slice(0, c), to: b.to.slice(0, c), kind: b.kind.slice(0, c), outcome: b.outcome.slice(0, c), useful: b.useful.slice(0, c), sentRound: b.sentRound.slice(0, c), deliverRound: b.deliverRound.slice(0, c) };
}
function emit(): void {
  for (const l of listeners) l();
}
function step(): void {
  const metrics = sim.step();
  const w = sim.world;
  frame = { graphId: 1, round: sim.round, keys: config.keys, versions: w.cur.slice(), latest: w.latest.slice(), alive: w.alive.slice(), group: w.group.slice(), messages: copyBatch(sim.messages), metrics };
  informed.push({ round: sim.round, fraction: metrics.informed[0] / Math.max(1, metrics.live) });
  msgs.push({ round: sim.round, delivered: metrics.delivered, dropped: metrics.droppedLoss + metrics.droppedPartition + metrics.droppedDead, redundant: metrics.redundant });
  emit();
}
for (const c of (q.get('crash') ?? '').split(',').filter(Boolean)) sim.apply({ type: 'crash', node: Number(c) });

const source: FrameSource = {
  subscribe(l) {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  graph: () => graph,
  frame: () => frame,
  selected: () => selected,
  shownKey: () => 0,
  roundDurationMs: () => ms,
};

let api: GraphApi | null = null;
function App() {
  const [, setTick] = useState(0);
  const [mode, setMode] = useState<'select' | 'split'>((q.get('mode') ?? 'select') as 'select' | 'split');
  (window as unknown as { harness: unknown }).harness = { step, api: () => api, setMode, rerender: () => setTick((t) => t + 1) };
  return (
    <>
      <div id="graph">
        <GraphCanvas
          source={source}
          theme={theme}
          mode={mode}
          onSelect={(n) => {
            selected = n;
            emit();
          }}
          onToggleCrash={(n) => sim.apply({ type: sim.world.alive[n] ? 'crash' : 'recover', node: n })}
          onSplit={(sides) => {
            sim.apply({ type: 'partition', groups: sides });
            setMode('select');
          }}
          onCancelSplit={() => setMode('select')}
          onReady={(a) => {
            api = a;
            if (q.get('partition') === 'halves') sim.apply({ type: 'partition', groups: a.splitHalves() });
          }}
        />
      </div>
      <div id="charts">
        <LineChart series={[{ label: 'Simulated', color: '#0072B2', dots: 'last', points: informed.map((p) => ({ x: p.round, y: p.fraction })) }]} summary="Informed nodes per round" note={q.get('note')} xLabel="Round" yLabel="Informed" yMax={1} theme={theme} />
        <LineChart series={stackMessages(msgs).map((points, i) => ({ label: ['Delivered', 'Redundant', 'Dropped'][i], color: ['#009E73', '#56B4E9', '#D55E00'][i], fill: 1, points }))} summary="Messages per round" xLabel="Round" yLabel="Messages" integerY step theme={theme} />
      </div>
    </>
  );
}
const root = createRoot(document.getElementById('root')!);
root.render(<App />);
const rounds = num('rounds', 0);
setTimeout(() => {
  for (let r = 0; r < rounds; r++) step();
  (window as unknown as { harness: { rerender(): void } }).harness.rerender();
  if (!q.has('paused'))
    setInterval(() => {
      step();
      (window as unknown as { harness: { rerender(): void } }).harness.rerender();
    }, ms);
}, 50);
