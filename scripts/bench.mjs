// `npm run bench`: the PLAN.* equity functions as Excel calls them, each against a plain pass over the
// same 2D ranges in the same rounds (ratios, so a noisy shared machine matters less); the gzipped
// size of what the runtime page loads; round trips per workbook action; start-up in chromium.
// Prints figures; asserts nothing.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { compile, root } from "./compile.mjs";
import { gzipSync } from "node:zlib";

const load = compile("plan-monitor-bench", ["scripts/bench/equity.ts", "scripts/bench/workbook.ts", "scripts/bench/startup.ts"]);
// The custom-functions runtime is not here: its error type, enough for the wrappers' error path.
globalThis.CustomFunctions = { Error: class extends Error {}, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!" } };
load("scripts/bench/equity.js").run();

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
