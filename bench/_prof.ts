import { Simulation } from '/work/main/src/engine/simulation';
import { DEFAULT_CONFIG } from '/work/main/src/engine/config';
const n = 1_000_000;
const sim = new Simulation({ ...DEFAULT_CONFIG, nodes: n, protocol: 'push' });
while (sim.world.informed[0] < n) sim.step();
const t0 = performance.now();
for (let i = 0; i < 20; i++) sim.step();
console.log('steady push ms/round', ((performance.now() - t0) / 20).toFixed(2));
