/** Medians, a least-squares line, and doubling ratios for the benchmark tables. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface LinearFit {
  /** Per unit of x. */
  readonly slope: number;
  readonly intercept: number;
  /** Coefficient of determination: 1 is a perfect line. */
  readonly r2: number;
}

/** Ordinary least squares y = slope * x + intercept; undefined for fewer than two distinct x. */
export function linearFit(points: readonly { x: number; y: number }[]): LinearFit | undefined {
  const n = points.length;
  if (n < 2 || new Set(points.map((p) => p.x)).size < 2) return undefined;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const syy = points.reduce((s, p) => s + (p.y - my) ** 2, 0);
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { slope, intercept, r2 };
}

/**
 * For consecutive sizes, how much the time grows per doubling of N: (t2 / t1) ^ (1 / log2(n2 / n1)). Linear work
 * gives 2, quadratic 4; sizes that are not exact doublings (100 -> 500) are normalised to one.
 */
export function doublingRatios(
  points: readonly { x: number; y: number }[],
): { from: number; to: number; ratio: number }[] {
  const sorted = [...points].sort((a, b) => a.x - b.x);
  const ratios: { from: number; to: number; ratio: number }[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (a.y <= 0 || b.x === a.x) continue;
    ratios.push({ from: a.x, to: b.x, ratio: (b.y / a.y) ** (1 / Math.log2(b.x / a.x)) });
  }
  return ratios;
}
