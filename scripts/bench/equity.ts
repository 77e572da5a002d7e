/**
 * The PLAN.* equity functions on the path Excel calls them: 2D ranges parsed from JSON (one row per
 * school, 2 % blank values, skewed values and enrolments), through the custom-function wrappers,
 * interleaved round by round with a plain pass over the same 2D arrays. Prints the median and the
 * min–max of the ratio over the rounds, bytes allocated per call after the first (heap and array
 * buffers), and how the time grows from 100k to 1M rows. Asserts nothing: a shared machine is noisy.
 */
import * as F from "../../src/functions/functions";

type Range = unknown[][];

let seed = 20261130;
const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;

/** Values skewed like per-student resources (log-normal), enrolments skewed too; 2 % blanks. */
function ranges(n: number): { values: Range; weights: Range } {
  const values: unknown[][] = [];
  const weights: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    const normal = Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
    values.push([random() < 0.02 ? "" : Number((Math.exp(1 + 0.6 * normal)).toFixed(4))]);
    weights.push([Math.round(30 + 3000 * random() ** 3)]);
  }
  // As Excel hands them over: JSON-parsed arrays, not arrays built by the same process.
  return { values: JSON.parse(JSON.stringify(values)), weights: JSON.parse(JSON.stringify(weights)) };
}

/** The baseline: one plain pass over the same 2D arrays (blank test, Σw, Σwx, Σwx²). */
function plainPass(values: Range, weights: Range): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  for (let r = 0; r < values.length; r++) {
    const x = values[r]![0];
    if (typeof x !== "number") continue;
    const w = weights[r]![0] as number;
    s0 += w;
    s1 += w * x;
    s2 += w * x * x;
  }
  return s0 + s1 + s2;
}

const MEASURES: Array<[string, (v: Range, w: Range) => number, number]> = [
  ["CV (weighted)", (v, w) => F.diffCoef(v, w), 3],
  ["Theil", F.theilFunction, 8],
  ["Gini", F.giniFunction, 10],
  ["McLoone", F.mclooneFunction, 8],
  ["Verstegen", F.verstegenFunction, 8],
  ["range ratio", F.rangeRatioFunction, 8],
];

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return ms(t0);
}

/** Bytes one call leaves allocated, heap and array buffers, after a full GC (needs --expose-gc). */
function allocated(fn: () => unknown): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  for (let i = 0; i < 3; i++) fn(); // the first calls grow the reused buffers and settle the compiler
  let least = Infinity;
  for (let i = 0; i < 3; i++) {
    gc();
    const before = process.memoryUsage();
    fn();
    const after = process.memoryUsage();
    least = Math.min(least, Math.max(0, after.heapUsed - before.heapUsed + (after.arrayBuffers - before.arrayBuffers)));
  }
  return least;
}

export function run(rounds = 7, sizes: [number, number, number] = [10_000, 100_000, 1_000_000]): void {
  const [, middle, largest] = sizes;
  const k = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);
  const data = new Map(sizes.map((n) => [n, ranges(n)]));
  console.log(`\nPLAN.* equity functions as Excel calls them (2D ranges from JSON, 2 % blanks, skewed data);`);
  console.log(`  ratio = wrapper time / plain 2D pass in the same round; median (min–max) of ${rounds} interleaved rounds`);
  console.log(`  ${"measure".padEnd(15)} ${k(sizes[0]).padStart(18)} ${k(middle).padStart(18)}  target  ${`${k(largest)} / ${k(middle)}`.padStart(10)} (n log n: ${((largest / middle) * (Math.log(largest) / Math.log(middle))).toFixed(1)})  alloc/call`);
  for (const [name, fn, target] of MEASURES) {
    const cells: string[] = [];
    const medians = new Map<number, number>();
    for (const n of sizes) {
      const { values, weights } = data.get(n)!;
      const r = n === largest ? Math.max(1, Math.floor(rounds / 2)) : rounds;
      fn(values, weights); // warm-up
      plainPass(values, weights);
      const ratios: number[] = [];
      const times: number[] = [];
      for (let i = 0; i < r; i++) {
        const base = time(() => plainPass(values, weights));
        const t = time(() => fn(values, weights));
        ratios.push(t / base);
        times.push(t);
      }
      medians.set(n, median(times));
      if (n !== largest) cells.push(`${median(ratios).toFixed(1)}x (${Math.min(...ratios).toFixed(1)}–${Math.max(...ratios).toFixed(1)})`);
    }
    const { values, weights } = data.get(middle)!;
    const bytes = allocated(() => fn(values, weights));
    const growth = medians.get(largest)! / medians.get(middle)!;
    console.log(
      `  ${name.padEnd(15)} ${cells[0]!.padStart(18)} ${cells[1]!.padStart(18)}  ≤ ${String(target).padEnd(3)}x  ${growth.toFixed(1).padStart(10)}x              ${bytes === null ? "(run with --expose-gc)" : `${(bytes / 1024).toFixed(0)} KiB (target ≤ 1024)`}`,
    );
  }
}
