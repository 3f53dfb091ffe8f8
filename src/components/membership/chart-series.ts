/** A series point on a per-round chart. */
export interface Pt {
  round: number;
  value: number;
}

/**
 * At most `max` points: consecutive rounds are merged into buckets that keep their largest
 * value, so a single false positive in a long run still shows as a spike.
 */
export function bucketMax(points: readonly Pt[], max: number): Pt[] {
  if (points.length <= max || max < 1) return points.slice();
  const size = Math.ceil(points.length / max);
  const out: Pt[] = [];
  for (let i = 0; i < points.length; i += size) {
    let best = points[i];
    for (let j = i + 1; j < Math.min(points.length, i + size); j++) if (points[j].value > best.value) best = points[j];
    out.push({ round: points[Math.min(points.length - 1, i + size - 1)].round, value: best.value });
  }
  return out;
}
