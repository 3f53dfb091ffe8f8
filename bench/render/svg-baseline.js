/* global d3 */
/**
 * The baseline of bench/render.bench.mjs: the d3 gallery's "Force-directed graph"
 * (https://observablehq.com/@d3/force-directed-graph) as it is usually copied: one SVG <line>
 * per link and one <circle> per node, d3-force ticking once per animation frame and every
 * tick writing every element's attributes. A stand-in gossip spreads over the same kind of
 * graph at the same speed as the app and recolours every node each round, as the app does.
 * Query: ?n=2000&degree=6&rate=10
 */
(() => {
  const q = new URLSearchParams(location.search);
  const n = Number(q.get('n') ?? 2000);
  const degree = Number(q.get('degree') ?? 6);
  const rate = Number(q.get('rate') ?? 10);
  // A seeded LCG: the page must not depend on Math.random.
  let s = 12345;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);

  // Random graph with mean degree `degree`, no self-loops or repeated links (as the engine's).
  const nodes = Array.from({ length: n }, (_, id) => ({ id }));
  const links = [];
  const seen = new Set();
  const adj = Array.from({ length: n }, () => []);
  const target = Math.round((n * degree) / 2);
  while (links.length < target) {
    const a = Math.floor(rnd() * n), b = Math.floor(rnd() * n);
    const key = a < b ? a * n + b : b * n + a;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    links.push({ source: a, target: b });
    adj[a].push(b);
    adj[b].push(a);
  }

  const width = innerWidth, height = innerHeight;
  const simulation = d3
    .forceSimulation(nodes)
    .force('link', d3.forceLink(links).id((d) => d.id))
    .force('charge', d3.forceManyBody())
    .force('x', d3.forceX())
    .force('y', d3.forceY());

  const svg = d3.select('body').append('svg').attr('viewBox', [-width / 2, -height / 2, width, height]);
  const link = svg.append('g').attr('stroke', '#999').attr('stroke-opacity', 0.6).selectAll('line').data(links).join('line').attr('stroke-width', 1);
  const node = svg.append('g').attr('stroke', '#fff').attr('stroke-width', 1.5).selectAll('circle').data(nodes).join('circle').attr('r', 5).attr('fill', '#B8B8B8');

  simulation.on('tick', () => {
    link.attr('x1', (d) => d.source.x).attr('y1', (d) => d.source.y).attr('x2', (d) => d.target.x).attr('y2', (d) => d.target.y);
    node.attr('cx', (d) => d.x).attr('cy', (d) => d.y);
  });

  // Push gossip with 90 % loss (the app's benchmark settings), restarted when everyone knows.
  let informed = new Uint8Array(n);
  informed[0] = 1;
  setInterval(() => {
    const next = informed.slice();
    let all = true;
    for (let i = 0; i < n; i++) {
      if (informed[i] && adj[i].length && rnd() >= 0.9) next[adj[i][Math.floor(rnd() * adj[i].length)]] = 1;
      if (!next[i]) all = false;
    }
    informed = all ? Uint8Array.from({ length: n }, (_, i) => (i === 0 ? 1 : 0)) : next;
    node.attr('fill', (d) => (informed[d.index] ? '#0072B2' : '#B8B8B8'));
  }, 1000 / rate);
})();
