/**
 * Inter-school equity measures over per-school values Xᵢ weighted by enrolment Pᵢ
 * (Berne & Stiefel 1984; the 2017 balance method for the difference coefficient).
 *
 * Inputs are validated typed arrays (see `samples.ts`): finite values, finite weights ≥ 0 with a
 * positive total. Each function states its own extra preconditions (non-negative values, positive
 * mean) and returns NaN only where a caller skipped that check; `samples.ts` reports those cases as
 * Excel errors before calling.
 *
 * Conventions:
 * - every measure is the population (not sample) form, weighted by Pᵢ; unit weights give the
 *   ordinary unweighted measure;
 * - weighted quantile q(p): sort ascending, Cₖ the cumulative weight; q is the first value whose Cₖ
 *   exceeds p·P, and the mean of that value and the next when Cₖ equals p·P exactly (Hyndman & Fan
 *   type 2 for unit weights). The median M is q(0.5).
 */

export interface Sample {
  values: Float64Array;
  /** Same length as values. Unit weights for unweighted measures. */
  weights: Float64Array;
}

/** Σ Pᵢ Xᵢ / Σ Pᵢ. */
export function weightedMean({ values, weights }: Sample): number {
  let w = 0;
  let wx = 0;
  for (let i = 0; i < values.length; i++) {
    const p = weights[i]!;
    w += p;
    wx += p * values[i]!;
  }
  return wx / w;
}

/**
 * Coefficient of variation, population form: CV = S / X̄ with X̄ = Σ PᵢXᵢ / P and
 * S = √(Σ Pᵢ (Xᵢ − X̄)² / P). One pass over data shifted by the first value, which keeps the
 * usual cancellation error small (the "shifted data" algorithm) and gives exactly 0 for equal values.
 * Needs X̄ > 0.
 */
export function coefficientOfVariation({ values, weights }: Sample): number {
  const n = values.length;
  const shift = values[0]!;
  let w = 0;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const p = weights[i]!;
    const d = values[i]! - shift;
    const pd = p * d;
    w += p;
    s1 += pd;
    s2 += pd * d;
  }
  const meanShifted = s1 / w;
  const variance = Math.max(0, s2 / w - meanShifted * meanShifted);
  return Math.sqrt(variance) / (shift + meanShifted);
}

/**
 * Values sorted ascending with the total weight at each distinct value. Sorting uses the engine's
 * native typed-array sort (no comparator callback); weights follow by binary search, so there is no
 * index permutation to build.
 */
export interface Distribution {
  /** Distinct values, ascending. */
  x: Float64Array;
  /** Weight at each distinct value. */
  p: Float64Array;
  total: number;
}

export function distribution({ values, weights }: Sample): Distribution {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  // First index of each value in `sorted` collects the weight of all its copies.
  const at = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    at[lo]! += weights[i]!;
    total += weights[i]!;
  }
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) {
      sorted[k] = sorted[i]!;
      at[k] = at[i]!;
      k++;
    }
  }
  return { x: sorted.subarray(0, k), p: at.subarray(0, k), total };
}

/** Weighted quantile, type-2 convention (see module comment). 0 ≤ q ≤ 1. */
export function quantile(d: Distribution, q: number): number {
  const goal = q * d.total;
  let cumulative = 0;
  const last = d.x.length - 1;
  for (let k = 0; k <= last; k++) {
    // Zero-weight values carry no pupils: they cannot be a quantile.
    if (d.p[k] === 0) continue;
    cumulative += d.p[k]!;
    if (cumulative > goal) return d.x[k]!;
    if (cumulative === goal) {
      for (let j = k + 1; j <= last; j++) if (d.p[j]! > 0) return (d.x[k]! + d.x[j]!) / 2;
      return d.x[k]!;
    }
  }
  return d.x[last]!;
}

/**
 * Gini = ΣᵢΣⱼ PᵢPⱼ|Xᵢ − Xⱼ| / (2P²μ), computed after sorting as
 * Σₖ Pₖxₖ (C₍ₖ₋₁₎ + Cₖ − P) / (P · Σ Pₖxₖ). Needs Xᵢ ≥ 0 and μ > 0.
 */
export function gini(sample: Sample): number {
  const d = distribution(sample);
  let below = 0;
  let numerator = 0;
  let mass = 0;
  for (let k = 0; k < d.x.length; k++) {
    const p = d.p[k]!;
    const px = p * d.x[k]!;
    const through = below + p;
    numerator += px * (below + through - d.total);
    mass += px;
    below = through;
  }
  return numerator / (d.total * mass);
}

/** Theil T = Σ (Pᵢ/P)(Xᵢ/μ) ln(Xᵢ/μ), with 0·ln 0 = 0. Needs Xᵢ ≥ 0 and μ > 0. */
export function theil(sample: Sample): number {
  const { values, weights } = sample;
  const mu = weightedMean(sample);
  let w = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const r = values[i]! / mu;
    const p = weights[i]!;
    w += p;
    if (r > 0) sum += p * r * Math.log(r);
  }
  return sum / w;
}

/** Σ over one side of the median of PᵢXᵢ, divided by M·Σ Pᵢ on that side; 1 when that side is empty. */
function medianRatio(sample: Sample, side: -1 | 1): number {
  const d = distribution(sample);
  const m = quantile(d, 0.5);
  let px = 0;
  let p = 0;
  for (let k = 0; k < d.x.length; k++) {
    const x = d.x[k]!;
    if (side < 0 ? x < m : x > m) {
      px += d.p[k]! * x;
      p += d.p[k]!;
    }
  }
  return p === 0 ? 1 : px / (m * p);
}

/** McLoone = Σ_{Xᵢ<M} PᵢXᵢ / (M · Σ_{Xᵢ<M} Pᵢ); 1 when no school is below the median. Needs M > 0. */
export function mcloone(sample: Sample): number {
  return medianRatio(sample, -1);
}

/** Verstegen = Σ_{Xᵢ>M} PᵢXᵢ / (M · Σ_{Xᵢ>M} Pᵢ); 1 when no school is above the median. Needs M > 0. */
export function verstegen(sample: Sample): number {
  return medianRatio(sample, 1);
}

/** Federal range ratio (P95 − P5) / P5 with weighted quantiles. Needs P5 > 0. */
export function rangeRatio(sample: Sample): number {
  const d = distribution(sample);
  const p5 = quantile(d, 0.05);
  return (quantile(d, 0.95) - p5) / p5;
}
