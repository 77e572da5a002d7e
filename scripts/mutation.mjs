#!/usr/bin/env node
// npm run test:mutation [-- calc report workbook functions]: StrykerJS over each folder the
// mutation score is kept for, one folder at a time (each incremental, so a rerun only tests mutants
// whose code or covering tests changed), then the score per folder and every surviving mutant.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const FOLDERS = { functions: "src/functions", calc: "src/core/calc", report: "src/core/report", workbook: "src/core/workbook" };
const chosen = process.argv.slice(2).filter((a) => !a.startsWith("-") && !a.startsWith("!"));
// "!src/core/calc/equity.ts": leave a file out of this run (its incremental results are kept for the next).
const excluded = process.argv.slice(2).filter((a) => a.startsWith("!"));
// "--only=src/core/workbook/{text,layout}.ts": mutate just these files of the folder this run (the
// folder's other results are kept from earlier runs), so a large folder is measured in parts that finish.
const only = process.argv.slice(2).filter((a) => a.startsWith("--only=")).map((a) => a.slice("--only=".length));
const reportOnly = process.argv.includes("--report-only");
const names = chosen.length ? chosen : Object.keys(FOLDERS);
for (const n of names) if (!FOLDERS[n]) throw new Error(`unknown folder ${n}; choose from ${Object.keys(FOLDERS).join(", ")}`);

const base = JSON.parse(readFileSync(join(root, "stryker.config.json"), "utf8"));
const out = join(root, "reports/stryker");
mkdirSync(out, { recursive: true });

for (const name of reportOnly ? [] : names) {
  const config = {
    ...base,
    mutate: [...(only.length ? only : [`${FOLDERS[name]}/**/*.ts`]), ...excluded],
    incrementalFile: `reports/stryker/${name}.incremental.json`,
    jsonReporter: { fileName: `reports/stryker/${name}.json` },
    htmlReporter: { fileName: `reports/stryker/${name}.html` },
  };
  const file = join(out, `${name}.config.json`);
  writeFileSync(file, JSON.stringify(config, null, 2));
  console.log(`\n== ${FOLDERS[name]}`);
  // Each suite's test names, so a mutant's run loads only the suites that hold a covering test.
  const map = join(out, `${name}.tests.json`);
  const env = { ...process.env, STRYKER_TESTS: name };
  const list = spawnSync(process.execPath, [join(root, "node_modules/jest/bin/jest.js"), "--config", "jest.stryker.config.js", "--json", `--outputFile=${map}`, "--silent"], { cwd: root, stdio: ["ignore", "ignore", "inherit"], env });
  if (list.status !== 0) throw new Error(`the unmutated suites for ${name} fail; fix them first`);
  // Which suites killed each file's mutants last time, so a mutant's likeliest killer runs first.
  const kills = join(out, `${name}.kills.json`);
  writeFileSync(kills, JSON.stringify(killsBySuite(join(out, `${name}.json`))));
  const run = spawnSync(process.execPath, [join(root, "node_modules/@stryker-mutator/core/bin/stryker.js"), "run", file], { cwd: root, stdio: "inherit", env: { ...env, STRYKER_TEST_MAP: map, STRYKER_TEST_ROOT: root, STRYKER_KILLS: kills } });
  if (run.status !== 0) process.exitCode = run.status ?? 1;
}

/** From a previous report: per source file, how many of its mutants each test file killed. */
function killsBySuite(reportFile) {
  if (!existsSync(reportFile)) return {};
  const report = JSON.parse(readFileSync(reportFile, "utf8"));
  const suiteOf = new Map();
  for (const [path, f] of Object.entries(report.testFiles ?? {})) for (const t of f.tests) suiteOf.set(t.id, path);
  const kills = {};
  for (const [path, f] of Object.entries(report.files)) {
    const bySuite = (kills[path] = {});
    for (const m of f.mutants) {
      const suite = suiteOf.get(m.killedBy?.[0]);
      if (suite) bySuite[suite] = (bySuite[suite] ?? 0) + 1;
    }
  }
  return kills;
}

// Score = (killed + timed out) / (killed + timed out + survived + no coverage), as Stryker counts it.
const rows = [];
for (const name of names) {
  const file = join(out, `${name}.json`);
  if (!existsSync(file)) {
    rows.push([FOLDERS[name], "not run", "", "", "", "", ""]);
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  const count = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0, CompileError: 0, RuntimeError: 0 };
  const survivors = [];
  for (const [path, f] of Object.entries(report.files)) {
    for (const m of f.mutants) {
      count[m.status] = (count[m.status] ?? 0) + 1;
      if (m.status === "Survived" || m.status === "NoCoverage") {
        const line = f.source.split("\n")[m.location.start.line - 1] ?? "";
        survivors.push(`${path}:${m.location.start.line} ${m.status} ${m.mutatorName}: ${JSON.stringify(m.replacement ?? "")} in \`${line.trim().slice(0, 120)}\``);
      }
    }
  }
  const detected = count.Killed + count.Timeout;
  const valid = detected + count.Survived + count.NoCoverage;
  writeFileSync(join(out, `${name}.survivors.txt`), survivors.join("\n") + "\n");
  rows.push([FOLDERS[name], valid ? ((100 * detected) / valid).toFixed(2) : "—", String(count.Killed), String(count.Timeout), String(count.Survived), String(count.NoCoverage), String(count.Ignored)]);
}
// Ignored: mutants only module loading reaches (ignoreStatic), outside the score.
const header = ["folder", "score %", "killed", "timeout", "survived", "no coverage", "ignored"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join(" | ");
console.log(`\nMutation score per folder (survivors listed in reports/stryker/<folder>.survivors.txt)\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("-|-")}\n${rows.map(line).join("\n")}`);
