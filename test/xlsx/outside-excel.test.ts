/**
 * Files written outside Excel (issue 10): every PLAN formula stored the way Excel stores add-in
 * functions (_xldudf_PLAN_…), every formula cell with a cached result computed by the core, and —
 * where LibreOffice is installed — the live columns readable in LibreOffice, not errors.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { main } from "../../src/xlsx/cli";
import { embeddedPlan } from "../../src/core/plan/embedded";

const dir = mkdtempSync(join(tmpdir(), "plan-monitor-outside-"));
const demo = join(dir, "demo.xlsx");
const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));

beforeAll(async () => {
  expect((await main(["demo", "-o", demo], { cwd: dir, now: new Date(2026, 10, 30, 8, 40) })).code).toBe(0);
}, 120_000);

describe("the demo workbook as a file", () => {
  test("no formula begins with a bare PLAN., and every formula cell carries a cached value", async () => {
    const zip = await JSZip.loadAsync(readFileSync(demo));
    const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets.length).toBeGreaterThan(5);
    let formulas = 0;
    let plan = 0;
    for (const name of sheets) {
      const xml = await zip.file(name)!.async("string");
      for (const m of xml.matchAll(/<c [^>]*>(.*?)<\/c>/g)) {
        const f = /<f[^>]*>(.*?)<\/f>/.exec(m[1]!);
        if (!f) continue;
        formulas++;
        expect([name, f[1]]).not.toEqual([name, expect.stringMatching(/(^|[^_A-Za-z])PLAN\./)]);
        if (f[1]!.includes("_xldudf_PLAN_")) plan++;
        expect([name, f[1]!.slice(0, 40), /<v>/.test(m[1]!) || /<is>/.test(m[1]!)]).toEqual([name, f[1]!.slice(0, 40), true]);
      }
    }
    expect(formulas).toBeGreaterThan(200);
    expect(plan).toBeGreaterThan(100);
  });

  const lo = SOFFICE ? test : test.skip;
  if (!SOFFICE) console.warn("LibreOffice (soffice) is not installed: the LibreOffice rendering test is skipped");
  lo("LibreOffice (headless, CSV) shows the live columns' values, not errors", () => {
    const out = join(dir, "csv");
    execFileSync(SOFFICE!, ["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", out, demo], {
      stdio: "ignore",
      timeout: 120_000,
      env: { ...process.env, HOME: dir },
    });
    const csv = readFileSync(join(out, readdirSync(out).find((f) => f.endsWith(".csv"))!), "utf8");
    expect(csv).not.toMatch(/#NAME\?|Err:\d+|#VALUE!/);
    const rows = csv.split("\n").map((l) => l.split(","));
    const header = rows.find((r) => r[0] === "ID")!;
    const status = header.indexOf("状态 Status");
    const labels = new Set(["提前实现", "已实现", "符合预期", "滞后", "倒退", "未实现", "无数据", "数据有误"]);
    const ids = embeddedPlan().indicators.map((i) => i.id);
    for (const id of ids) {
      const row = rows.find((r) => r[0] === id)!;
      expect([id, labels.has(row[status]!)]).toEqual([id, true]);
    }
  }, 180_000);
});
