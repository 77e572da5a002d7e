// `npm run bench`: the PLAN.* equity functions as Excel calls them, each against a plain pass over the
// same 2D ranges in the same rounds (ratios, so a noisy shared machine matters less); the gzipped
// size of what the runtime page loads; round trips per workbook action; start-up in chromium.
// Prints figures; asserts nothing. `--quick` (CI): small sizes and few rounds, to prove it still runs.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile, root } from "./compile.mjs";
import { gzipSync } from "node:zlib";

const quick = process.argv.includes("--quick");

// The formula engine's declaration goes along: the bench's workbook figures evaluate formulas with it.
const load = compile("plan-monitor-bench", ["scripts/bench/equity.ts", "scripts/bench/workbook.ts", "scripts/bench/startup.ts", "test/formulas/fast-formula-parser.d.ts"]);
// The custom-functions runtime is not here: its error type, enough for the wrappers' error path.
globalThis.CustomFunctions = { Error: class extends Error {}, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!" } };
load("scripts/bench/equity.js").run(quick ? 2 : 7, quick ? [1_000, 5_000, 20_000] : undefined);

// What the runtime page loads (production build in dist/).
const dist = join(root, "dist");
const gz = (file) => gzipSync(readFileSync(join(dist, file))).length;
const chunks = readdirSync(dist).filter((f) => f.endsWith(".js"));
const runtime = gz("runtime.js");
const lazy = chunks.filter((f) => f !== "runtime.js").reduce((sum, f) => sum + gz(f), 0);
console.log(`\nBundle (gzipped): functions registered from runtime.js = ${(runtime / 1024).toFixed(1)} KiB (target ≤ 60 KiB);`);
console.log(`  pane interactive after runtime.js + lazy chunks = ${((runtime + lazy) / 1024).toFixed(1)} KiB (target ≤ 250 KiB; excludes office.js from the CDN)`);

await load("scripts/bench/workbook.js").run();
if (!quick) await load("scripts/bench/startup.js").run();
await load("scripts/bench/startup.js").runOffline(quick ? 1 : 5);

// The command line as a planner runs it (prebuilt by `npm run build`), against starting node alone,
// interleaved: --help, and a demo workbook and a report written.
const dir = mkdtempSync(join(tmpdir(), "plan-monitor-bench-"));
const cli = join(root, "scripts/cli.mjs");
const timed = (args) => {
  const t = process.hrtime.bigint();
  execFileSync(process.execPath, args, { stdio: "ignore", cwd: dir });
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
execFileSync(process.execPath, [cli, "demo", "-o", join(dir, "demo.xlsx"), "--overwrite"], { stdio: "ignore" });
const rounds = quick ? 1 : 5;
const node = [];
const help = [];
const report = [];
for (let i = 0; i < rounds; i++) {
  node.push(timed(["-e", "0"]));
  help.push(timed([cli, "--help"]));
  report.push(timed([cli, "report", join(dir, "demo.xlsx"), "--year", "2022", "-o", join(dir, "r.xlsx"), "--overwrite"]));
}
console.log(`\nCommand line (prebuilt), median of ${rounds}, as a multiple of starting node (${median(node).toFixed(0)} ms here):`);
console.log(`  --help ${(median(help) / median(node)).toFixed(1)}×; a 2022 report of the demo ${(median(report) / median(node)).toFixed(1)}×`);
