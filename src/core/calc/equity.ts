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
  /** The smallest value and the weighted mean, when the reader already knows them. */
  min?: number;
  mean?: number;
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
 * S = √(Σ Pᵢ (Xᵢ − X̄)² / P). Two passes (the mean, then the squared deviations from it): exact
 * where a one-pass formula cancels catastrophically (one school at 10⁹ beside schools at 1).
 * Needs X̄ > 0; pass the mean when it is already known.
 */
export function coefficientOfVariation(sample: Sample, mean?: number): number {
  const { values, weights } = sample;
  const mu = mean ?? weightedMean(sample);
  const first = values[0]!;
  let w = 0;
  let ss = 0;
  let same = true;
  for (let i = 0; i < values.length; i++) {
    const p = weights[i]!;
    const x = values[i]!;
    const d = x - mu;
    w += p;
    ss += p * d * d;
    same = same && x === first;
  }
  // Equal values vary by exactly nothing, whatever rounding the mean carries.
  return same ? 0 : Math.sqrt(ss / w) / mu;
}

/**
 * Values sorted ascending with the total weight at each distinct value.
 */
export interface Distribution {
  /** Distinct values, ascending. */
  x: Float64Array;
  /** Weight at each distinct value. */
  p: Float64Array;
  total: number;
}

const RADIX_BITS = 11;
const RADIX = 1 << RADIX_BITS;
const MASK = RADIX - 1;
// (word, shift) of the six 11-bit digits of a 64-bit key, least significant first.
const DIGITS: ReadonlyArray<readonly [0 | 1, number]> = [
  [0, 0],
  [0, 11],
  [0, 22],
  [1, 0],
  [1, 11],
  [1, 22],
];

/**
 * Sorts (value, weight) pairs by value with an LSD radix sort on the IEEE-754 bits, made monotone
 * (sign bit flipped for positives, all bits flipped for negatives). Linear passes over typed
 * arrays instead of a comparison sort with a callback: the measures that need order stay within a
 * small multiple of one plain pass. Passes whose digit is the same for every value are skipped.
 */
// Reused sort buffers and digit counts: sorting 100,000 schools allocates nothing once they have grown.
let sortBuffers = { x: new Float64Array(0), p: new Float64Array(0), x2: new Float64Array(0), p2: new Float64Array(0) };
const counts = new Uint32Array(RADIX * 6);
const offsets = new Uint32Array(RADIX);
function sortScratch(n: number) {
  if (sortBuffers.x.length < n) {
    const size = Math.max(n, sortBuffers.x.length * 2, 1024);
    sortBuffers = { x: new Float64Array(size), p: new Float64Array(size), x2: new Float64Array(size), p2: new Float64Array(size) };
  }
  return sortBuffers;
}

function sortPairs(values: Float64Array, weights: Float64Array): { x: Float64Array; p: Float64Array } {
  const n = values.length;
  const scratch = sortScratch(n);
  let x = scratch.x.subarray(0, n);
  let p = scratch.p.subarray(0, n);
  p.set(weights);
  let bits = new Uint32Array(x.buffer, 0, 2 * n);
  counts.fill(0);
  // One pass: the key bits made monotone, and the six digit histograms.
  for (let i = 0; i < n; i++) {
    x[i] = values[i]! + 0; // -0 → 0
    let lo = bits[2 * i]!;
    let hi = bits[2 * i + 1]!;
    if (hi & 0x80000000) {
      lo = ~lo >>> 0;
      hi = ~hi >>> 0;
    } else {
      hi = (hi | 0x80000000) >>> 0;
    }
    bits[2 * i] = lo;
    bits[2 * i + 1] = hi;
    counts[lo & MASK]!++;
    counts[RADIX + ((lo >>> 11) & MASK)]!++;
    counts[2 * RADIX + (lo >>> 22)]!++;
    counts[3 * RADIX + (hi & MASK)]!++;
    counts[4 * RADIX + ((hi >>> 11) & MASK)]!++;
    counts[5 * RADIX + (hi >>> 22)]!++;
  }
  let x2 = scratch.x2.subarray(0, n);
  let p2 = scratch.p2.subarray(0, n);
  let bits2 = new Uint32Array(x2.buffer, 0, 2 * n);
  for (let d = 0; d < DIGITS.length; d++) {
    const [word, shift] = DIGITS[d]!;
    const base = d * RADIX;
    let skip = false;
    let sum = 0;
    for (let b = 0; b < RADIX; b++) {
      const c = counts[base + b]!;
      if (c === n) skip = true;
      offsets[b] = sum;
      sum += c;
    }
    if (skip) continue;
    for (let i = 0; i < n; i++) {
      const digit = (bits[2 * i + word]! >>> shift) & MASK;
      const to = offsets[digit]!++;
      bits2[2 * to] = bits[2 * i]!;
      bits2[2 * to + 1] = bits[2 * i + 1]!;
      p2[to] = p[i]!;
    }
    [x, x2] = [x2, x];
    [bits, bits2] = [bits2, bits];
    [p, p2] = [p2, p];
  }
  for (let i = 0; i < n; i++) {
    const hi = bits[2 * i + 1]!;
    if (hi & 0x80000000) {
      bits[2 * i + 1] = (hi & 0x7fffffff) >>> 0;
    } else {
      bits[2 * i] = ~bits[2 * i]! >>> 0;
      bits[2 * i + 1] = ~hi >>> 0;
    }
  }
  return { x, p };
}

export function distribution({ values, weights }: Sample): Distribution {
  const { x, p } = sortPairs(values, weights);
  let k = 0;
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    total += p[i]!;
    if (i > 0 && x[i] === x[k - 1]) {
      p[k - 1]! += p[i]!;
    } else {
      x[k] = x[i]!;
      p[k] = p[i]!;
      k++;
    }
  }
  return { x: x.subarray(0, k), p: p.subarray(0, k), total };
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
  // Ties need no merging: equal values contribute the same whichever order they sort in.
  const { x, p: weights } = sortPairs(sample.values, sample.weights);
  let total = 0;
  for (let k = 0; k < weights.length; k++) total += weights[k]!;
  let below = 0;
  let numerator = 0;
  let mass = 0;
  for (let k = 0; k < x.length; k++) {
    const p = weights[k]!;
    const px = p * x[k]!;
    const through = below + p;
    numerator += px * (below + through - total);
    mass += px;
    below = through;
  }
  return numerator / (total * mass);
}

/** Theil T = Σ (Pᵢ/P)(Xᵢ/μ) ln(Xᵢ/μ), with 0·ln 0 = 0. Needs Xᵢ ≥ 0 and μ > 0. */
export function theil(sample: Sample, mean?: number): number {
  const { values, weights } = sample;
  const mu = mean ?? weightedMean(sample);
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

/**
 * Weighted quantile by selection instead of sorting (expected linear time), with the same type-2
 * convention as `quantile`: the first value whose cumulative weight exceeds q·P, or the mean of
 * that value and the one before when the cumulative weight before it equals q·P exactly.
 */
export function selectQuantile({ values, weights }: Sample, q: number): number {
  return selectQuantileInPlace({ values: Float64Array.from(values), weights: Float64Array.from(weights) }, q);
}

/** `selectQuantile` that reorders the sample's own arrays (pairs kept together) instead of copying them. */
export function selectQuantileInPlace({ values: x, weights: w }: Sample, q: number): number {
  let total = 0;
  for (let i = 0; i < x.length; i++) total += w[i]!;
  return selectIn(x, w, 0, x.length, q * total, 0, -Infinity);
}

/**
 * Two weighted quantiles q1 ≤ q2 in place: the second selection starts where the first stopped,
 * since everything left of that point lies below both answers.
 */
export function selectTwoInPlace({ values: x, weights: w }: Sample, q1: number, q2: number): [number, number] {
  let total = 0;
  for (let i = 0; i < x.length; i++) total += w[i]!;
  const state: SelectState = { lo: 0, below: 0, prev: -Infinity };
  const a = selectIn(x, w, 0, x.length, q1 * total, 0, -Infinity, state);
  return [a, selectIn(x, w, state.lo, x.length, q2 * total, state.below, state.prev)];
}

/** Where a selection stopped: everything left of `lo` lies below the answer (weight, largest value). */
export interface SelectState {
  lo: number;
  below: number;
  prev: number;
}

/**
 * Selection in x[lo, hi) for the goal weight, knowing the weight `below` and the largest
 * positive-weight value `prev` of everything left of lo (the type-2 rule needs both). `state`, when
 * given, receives where it stopped, so a larger quantile can start from there.
 */
function selectIn(x: Float64Array, w: Float64Array, lo: number, hi: number, goal: number, below: number, prev: number, state?: SelectState, windowWeight?: number): number {
  let seed = 0x9e3779b9;
  let window = windowWeight;
  if (window === undefined) {
    window = 0;
    for (let i = lo; i < hi; i++) window += w[i]!;
  }
  const picks = new Float64Array(5);
  for (;;) {
    if (lo >= hi) return prev; // q = 1 with trailing zero weights
    // The pivot: of five random values, the one at the goal's share of the window (a targeted
    // pivot shrinks the window around the quantile faster than a uniform one).
    for (let k = 0; k < 5; k++) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      picks[k] = x[lo + (seed % (hi - lo))]!;
    }
    picks.sort();
    const share = window > 0 ? (goal - below) / window : 0.5;
    const pivot = picks[Math.min(4, Math.max(0, Math.round(share * 4)))]!;
    // Three-way partition of [lo, hi): < pivot, = pivot, > pivot.
    let lt = lo;
    let i = lo;
    let gt = hi;
    let wLess = 0;
    let wEq = 0;
    let maxLess = -Infinity;
    while (i < gt) {
      const v = x[i]!;
      if (v < pivot) {
        const wi = w[i]!;
        wLess += wi;
        if (wi > 0 && v > maxLess) maxLess = v;
        x[i] = x[lt]!;
        w[i] = w[lt]!;
        x[lt] = v;
        w[lt] = wi;
        lt++;
        i++;
      } else if (v > pivot) {
        gt--;
        const wi = w[i]!;
        x[i] = x[gt]!;
        w[i] = w[gt]!;
        x[gt] = v;
        w[gt] = wi;
      } else {
        wEq += w[i]!;
        i++;
      }
    }
    if (below + wLess > goal) {
      hi = lt;
      window = wLess;
    } else if (below + wLess + wEq > goal) {
      if (state) Object.assign(state, { lo, below, prev });
      const before = Math.max(prev, maxLess);
      return below + wLess === goal && before > -Infinity ? (before + pivot) / 2 : pivot;
    } else {
      below += wLess + wEq;
      prev = Math.max(prev, maxLess, wEq > 0 ? pivot : -Infinity);
      window -= wLess + wEq;
      lo = gt;
    }
  }
}

/** Σ over one side of the median M of PᵢXᵢ, divided by M·Σ Pᵢ on that side; 1 when that side is empty. */
export function medianRatio(sample: Sample, m: number, side: -1 | 1): number {
  const { values, weights } = sample;
  let px = 0;
  let p = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (side < 0 ? x < m : x > m) {
      px += weights[i]! * x;
      p += weights[i]!;
    }
  }
  return p === 0 ? 1 : px / (m * p);
}

/** McLoone = Σ_{Xᵢ<M} PᵢXᵢ / (M · Σ_{Xᵢ<M} Pᵢ); 1 when no school is below the median. Needs M > 0. */
export function mcloone(sample: Sample): number {
  return medianRatio(sample, selectQuantile(sample, 0.5), -1);
}

/** Verstegen = Σ_{Xᵢ>M} PᵢXᵢ / (M · Σ_{Xᵢ>M} Pᵢ); 1 when no school is above the median. Needs M > 0. */
export function verstegen(sample: Sample): number {
  return medianRatio(sample, selectQuantile(sample, 0.5), 1);
}

/** Federal range ratio (P95 − P5) / P5 with weighted quantiles. Needs P5 > 0. */
export function rangeRatio(sample: Sample): number {
  const p5 = selectQuantile(sample, 0.05);
  return (selectQuantile(sample, 0.95) - p5) / p5;
}
