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
  lo("LibreOffice (headless, CSV of every sheet) shows every cell's value, never an error, and the live columns' values", () => {
    const out = join(dir, "csv");
    // Token 12 = -1: one CSV per sheet, named <file>-<sheet>.csv (LibreOffice 7.2 and later).
    execFileSync(SOFFICE!, ["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out, demo], {
      stdio: "ignore",
      timeout: 120_000,
      env: { ...process.env, HOME: dir },
    });
    const files = new Map(readdirSync(out).filter((f) => f.endsWith(".csv")).map((f) => [f.replace(/^demo-|\.csv$/g, ""), readFileSync(join(out, f), "utf8")]));
    // Every sheet the demo has, the hidden PM_Meta and both report sheets included.
    expect([...files.keys()].sort()).toEqual(
      ["规划指标", "任务目标", "里程碑", "学校数据", "均衡分析", "规划矛盾", "教育经费", "建设项目", "学校建设", "规划定义", "PM_Meta", "2023年度监测报告", "2021-2025终期评估"].sort(),
    );
    for (const [sheet, csv] of files) {
      const errors = csv.split("\n").flatMap((l, i) => l.split(",").flatMap((c, j) => (/^"?(#NAME\?|#VALUE!|#REF!|#N\/A|#DIV\/0!|#NUM!|Err:\d+)/.test(c) ? [`${i + 1}:${j + 1} ${c}`] : [])));
      expect([sheet, errors]).toEqual([sheet, []]);
    }
    const rows = (sheet: string) => files.get(sheet)!.split("\n").map((l) => l.split(","));
    const indicators = rows("规划指标");
    const header = indicators.find((r) => r[0] === "ID")!;
    const status = header.indexOf("状态 Status");
    const labels = new Set(["提前实现", "已实现", "符合预期", "滞后", "倒退", "未实现", "无数据", "数据有误"]);
    const ids = embeddedPlan().indicators.map((i) => i.id);
    for (const id of ids) {
      const row = indicators.find((r) => r[0] === id)!;
      expect([id, labels.has(row[status]!)]).toEqual([id, true]);
    }
    // The 2017 rule per school: the demo has schools on both sides of it (demo.ts).
    const schools = rows("学校数据");
    const rule = schools.find((r) => r[0] === "学校 School")!.indexOf("校级达标 Meets 2017 rule");
    const shown = schools.slice(schools.findIndex((r) => r[0] === "学校 School") + 1).filter((r) => r[0]).map((r) => r[rule]);
    expect(shown.length).toBe(14);
    expect(new Set(shown)).toEqual(new Set(["达标 Met", "未达标 Not met"]));
  }, 180_000);
});
