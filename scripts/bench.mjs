// `npm run bench`: speed and memory of the equity measures at 100,000 schools, each next to a plain
// single-pass loop over the same typed arrays in the same run (ratios, so a noisy shared machine
// matters less), plus the gzipped size of what the runtime page loads. Prints figures; asserts nothing.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { compile, root } from "./compile.mjs";
import { gzipSync } from "node:zlib";

const load = compile("plan-monitor-bench", ["src/core/calc/samples.ts", "scripts/bench/workbook.ts", "scripts/bench/startup.ts"]);
const equity = load("src/core/calc/equity.js");
const samples = load("src/core/calc/samples.js");

const N = 100_000;
let seed = 42;
const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const values = new Float64Array(N);
const weights = new Float64Array(N);
for (let i = 0; i < N; i++) {
  values[i] = 1 + 9 * random();
  weights[i] = 50 + Math.floor(1950 * random());
}
const sample = { values, weights };

/** The reference: one pass accumulating Σw, Σwx, Σwx². */
function plainLoop({ values: x, weights: w }) {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < x.length; i++) {
    const p = w[i];
    const px = p * x[i];
    s0 += p;
    s1 += px;
    s2 += px * x[i];
  }
  return s0 + s1 + s2;
}

function medianTime(fn, runs) {
  for (let i = 0; i < 5; i++) fn(sample); // warm-up
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn(sample);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

/**
 * Bytes of typed arrays one call allocates (views over an existing buffer excluded), counted by
 * swapping in counting subclasses for that one call; GC timing cannot blur this figure.
 */
function allocated(fn) {
  const originals = { Float64Array, Uint32Array };
  let bytes = 0;
  const counting = (Base) =>
    class extends Base {
      constructor(...args) {
        super(...args);
        if (!(args[0] instanceof ArrayBuffer)) bytes += this.byteLength;
      }
    };
  globalThis.Float64Array = counting(originals.Float64Array);
  globalThis.Uint32Array = counting(originals.Uint32Array);
  try {
    fn(sample);
  } finally {
    Object.assign(globalThis, originals);
  }
  return bytes;
}

const base = medianTime(plainLoop, 41);
console.log(`Equity measures, ${N.toLocaleString("en")} schools (median of repeated runs; ratio = time / plain loop in this run;\n  allocation = typed-array bytes per call, input ${((16 * N) / 1024).toFixed(0)} KiB)`);
console.log(`  plain single-pass loop     ${base.toFixed(3)} ms   1.0x`);
const rows = [
  ["CV (weighted)", equity.coefficientOfVariation, "target ≤ 2x"],
  ["Theil", equity.theil, ""],
  ["Gini", equity.gini, "O(n log n), target ≤ 10x"],
  ["McLoone", equity.mcloone, "O(n log n), target ≤ 10x"],
  ["Verstegen", equity.verstegen, "O(n log n), target ≤ 10x"],
  ["range ratio", equity.rangeRatio, "O(n log n), target ≤ 10x"],
];
for (const [name, fn, note] of rows) {
  const t = medianTime(fn, 21);
  const bytes = allocated(fn);
  console.log(`  ${name.padEnd(26)} ${t.toFixed(3)} ms  ${(t / base).toFixed(1).padStart(5)}x   allocates ${(bytes / 1024).toFixed(0).padStart(5)} KiB   ${note}`);
}
const sortOnly = medianTime(({ values: x }) => Float64Array.from(x).sort(), 21);
console.log(`  (for scale: the engine's native Float64Array sort of the values alone takes ${sortOnly.toFixed(3)} ms, ${(sortOnly / base).toFixed(1)}x)`);

// The Excel-facing path: a 2D range of cells → validated sample → CV.
const column = Array.from(values, (v) => [v]);
const wcolumn = Array.from(weights, (v) => [v]);
const t2d = medianTime(() => samples.measure("cv", samples.readSample(column, wcolumn, { values: "values", weights: "weights" }).value, "values"), 11);
console.log(`  PLAN.CV from ${N.toLocaleString("en")}-row Excel ranges (read + validate + CV): ${t2d.toFixed(2)} ms, ${(t2d / base).toFixed(0)}x the plain loop`);

// What the runtime page loads (production build in dist/).
const dist = join(root, "dist");
const gz = (file) => gzipSync(readFileSync(join(dist, file))).length;
const chunks = readdirSync(dist).filter((f) => f.endsWith(".js"));
const runtime = gz("runtime.js");
const lazy = chunks.filter((f) => f !== "runtime.js").reduce((sum, f) => sum + gz(f), 0);
console.log(`\nBundle (gzipped): functions registered from runtime.js = ${(runtime / 1024).toFixed(1)} KiB (target ≤ 60 KiB);`);
console.log(`  pane interactive after runtime.js + lazy chunks = ${((runtime + lazy) / 1024).toFixed(1)} KiB (target ≤ 250 KiB; excludes office.js from the CDN)`);

await load("scripts/bench/workbook.js").run();
await load("scripts/bench/startup.js").run();
