/**
 * A second, plainly fictitious plan for 2026–2030 (issue 15: test/fixtures/plans/example-2026-2030.json,
 * a handful of indicators, one task, one milestone) end to end in both hosts: written from JSON with
 * the 2025 demo values carried over as baselines, data entered, the data check, the annual (mid-term)
 * report and the final evaluation — with nothing that assumes 2020–2025.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { cellValue, snapshotFromWorkbook } from "../../src/xlsx/snapshot";
import { loadPlan } from "../../src/core/plan/load";
import type { Plan } from "../../src/core/plan/schema";
import { DH, IH, MH, TABLES, TH, yearHeader } from "../../src/core/workbook/layout";
import { excelPort } from "../../src/excel/port";
import { FakeContext, FakeWorkbookData, installExcelEnums } from "../excel/fake-excel";
import { insertTemplate, summarizeYear, validateWorkbook } from "../../src/usecases/workbook";
import { generateReport } from "../../src/usecases/report";
import { DEMO_YEARS, demoIndicatorValue } from "../../src/core/demo";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { expectSchemaValid } from "./schema";

const ROOT = join(__dirname, "../..");
const FIXTURE = join(ROOT, "test/fixtures/plans/example-2026-2030.json");
const dir = mkdtempSync(join(tmpdir(), "plan-monitor-next-"));
const cli = (...args: string[]) => execFileSync(process.execPath, [join(ROOT, "scripts/cli.mjs"), ...args], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** Values typed for 2026–2028: INT-01 held at 100 %, LOC-01 on its way, NEW-01 reached early, NEW-02 a text slip. */
const TYPED: Record<string, Record<number, unknown>> = {
  "INT-01": { 2026: 1, 2027: 1, 2028: 1 },
  "LOC-01": { 2026: 0.946, 2027: 0.952, 2028: 0.958 },
  "LOC-09": { 2026: 0.44, 2027: 0.43, 2028: 0.42 },
  "NEW-01": { 2026: 0.9, 2027: 0.96, 2028: 0.985 },
  "NEW-02": { 2026: 0.39, 2027: 0.37, 2028: "0.36" },
};

function rows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    out[n - 1] = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => cellValue(v ?? null));
  });
  return out;
}

describe("the fictitious 2026–2030 plan on files (command line)", () => {
  const demo = join(dir, "demo.xlsx");
  const next = join(dir, "next.xlsx");
  const filled = join(dir, "next-filled.xlsx");
  let lines: string;

  beforeAll(async () => {
    cli("demo", "-o", demo);
    lines = cli("template", "--plan", FIXTURE, "--from", demo, "-o", next);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(next);
    const s = snapshotFromWorkbook(wb);
    const t = s.tables.indicators!;
    const ws = wb.getWorksheet(t.sheet)!;
    for (const [id, years] of Object.entries(TYPED)) {
      const r = t.values.findIndex((row) => row[t.headers.indexOf(IH.id)] === id);
      for (const [y, v] of Object.entries(years)) ws.getCell(t.row + 2 + r, t.col + 1 + t.headers.indexOf(yearHeader(Number(y)))).value = v as ExcelJS.CellValue;
    }
    const tasks = s.tables.tasks!;
    const tw = wb.getWorksheet(tasks.sheet)!;
    [2000, 2200, 2400].forEach((v, k) => (tw.getCell(tasks.row + 2, tasks.col + 1 + tasks.headers.indexOf(yearHeader(2026 + k))).value = v));
    const m = s.tables.milestones!;
    wb.getWorksheet(m.sheet)!.getCell(m.row + 2, m.col + 1 + m.headers.indexOf(MH.state)).value = "进行中";
    ws.getCell("B3").value = 2028;
    await wb.xlsx.writeFile(filled);
    cli("report", filled, "--year", "2028", "-o", join(dir, "mid.xlsx"));
    cli("report", filled, "--final", "-o", join(dir, "final.xlsx"));
  }, 180_000);

  test("the template from JSON, its mid-term report and its final evaluation pass the ECMA-376 schema check", () => {
    expectSchemaValid([next, join(dir, "mid.xlsx"), join(dir, "final.xlsx")]);
  }, 360_000);

  test("the template is built for 2026–2030 from JSON; reused IDs take the 2025 demo values as baselines, marked", async () => {
    expect(lines).toContain("2026–2030");
    expect(lines).toContain("2 项指标的基期值沿用上期 2025 年终值");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(next);
    const s = snapshotFromWorkbook(wb);
    const t = s.tables.indicators!;
    expect(t.headers.filter((h) => /^\d{4}$/.test(h))).toEqual(["2026", "2027", "2028", "2029", "2030"]);
    expect(s.namedCells!.PM_BaseYear!.value).toBe(2025);
    // The 2025 demo values, worked out by the demo's own rule (not read back from the core).
    const wujin = embeddedPlan();
    const final2025 = (id: string) => demoIndicatorValue(wujin, wujin.indicators.findIndex((i) => i.id === id), 2025);
    expect(DEMO_YEARS).toContain(2025);
    const baseline = (id: string) => t.values.find((r) => r[0] === id)![t.headers.indexOf(IH.baseline)];
    expect(baseline("LOC-01")).toBe(final2025("LOC-01"));
    expect(baseline("LOC-09")).toBe(final2025("LOC-09"));
    const def = s.tables.plan!;
    const note = (id: string) => def.values.find((r) => r[0] === id)![def.headers.indexOf(DH.note)];
    expect(note("LOC-09")).toBe("沿用上期 2025 年终值，可修改");
    expect(note("NEW-01") ?? "").toBe("");
    // Funding rows follow the period: 2025 (the base year) to 2030.
    expect(s.tables.funding!.values.map((r) => r[0])).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    // No building programme in this plan: no ledger, no roll-up.
    expect(s.tables.projects).toBeUndefined();
  });

  test("the 2028 report is the mid-term evaluation of this plan, its verdicts from its own period", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "mid.xlsx"));
    const r = rows(wb.getWorksheet("2028年度监测报告")!);
    expect(String(r[0]![0])).toBe("示例区“十五五”教育发展规划（虚构，仅供测试） 2028年度规划实施监测报告（中期评估）");
    const line = (id: string) => r.find((x) => x?.[0] === id)!;
    // Elapsed: (2028 − 2025)/(2030 − 2025) = 60 %. LOC-01: 94 % → 97 %, 95.8 % is (0.958 − 0.94)/0.03 = 60 % complete.
    expect(line("LOC-01")[9]).toBeCloseTo(0.6, 12);
    expect(line("LOC-01")[8]).toBeCloseTo(0.6, 9);
    expect(line("LOC-01")[11]).toBe("符合预期");
    expect(line("NEW-01")[11]).toBe("提前实现"); // 98.5 % ≥ 98 % before 2030
    expect(line("LOC-09")[11]).toBe("倒退"); // 42.44 % → 42 %, target 55 %
    expect(line("INT-01")[11]).toBe("符合预期"); // maintained at 100 %: held, never reached early (§7a.2)
    expect(line("NEW-02")[11]).toBe("数据有误"); // "0.36" typed as text
    expect(r.some((x) => x?.[0] === "规划指标" && x?.[2] === "NEW-02")).toBe(true); // named in the data problems
    // 2,000 + 2,200 + 2,400 = 6,600 of 12,000 places: 55 % complete against 60 % of the period elapsed.
    expect(line("T-NEW-01")[1]).toBe("滞后");
  });

  test("the final evaluation covers 2026–2030 and says what has no data yet", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "final.xlsx"));
    const r = rows(wb.getWorksheet("2026-2030终期评估")!);
    expect(String(r[0]![0])).toContain("2026—2030年规划实施终期评估报告");
    const header = r.find((x) => x?.[0] === "编号" && x?.[3] === "基期值")!;
    expect(header.slice(4, 9)).toEqual(["2026", "2027", "2028", "2029", "2030"]);
    // Nothing entered for 2030: every indicator is 无数据 at the end, none is reached.
    for (const id of ["INT-01", "LOC-01", "LOC-09", "NEW-01"]) expect([id, r.find((x) => x?.[0] === id && x.length > 9)![10]]).toEqual([id, "无数据"]);
  });
});

describe("the fictitious 2026–2030 plan in Excel (Office.js adapter, Excel double)", () => {
  beforeAll(installExcelEnums);

  test("insert, data check, mid-term report and final evaluation follow the plan the workbook carries", async () => {
    const json = JSON.parse(readFileSync(FIXTURE, "utf8"));
    for (const ind of json.indicators) ind.baseline ??= ind.id === "LOC-01" ? { value: 0.94, comparator: "=", text: "94" } : { value: 0.4244, comparator: "=", text: "42.44" };
    const loaded = loadPlan(json);
    if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.en).join("\n"));
    const plan: Plan = loaded.plan;
    const data = new FakeWorkbookData();
    data.addSheet("Sheet1");
    const port = () => excelPort(new FakeContext(data).excel);
    expect((await insertTemplate(port(), { language: "zh", onConflict: "ask", plan, year: 2028 })).kind).toBe("written");
    const sheet = data.table(TABLES.indicators)!.sheet;
    for (const [id, years] of Object.entries(TYPED)) for (const [y, v] of Object.entries(years)) data.type(sheet, data.addressOf(TABLES.indicators, id, yearHeader(Number(y))), v);
    const taskSheet = data.table(TABLES.tasks)!.sheet;
    [2000, 2200, 2400].forEach((v, k) => data.type(taskSheet, data.addressOf(TABLES.tasks, "T-NEW-01", yearHeader(2026 + k)), v));
    // No plan is passed from here on: every action follows the plan stored in the workbook.
    const checked = await validateWorkbook(port());
    expect(checked.kind === "checked" && checked.findings.find((f) => f.severity === "error")).toMatchObject({ key: "NEW-02", address: data.addressOf(TABLES.indicators, "NEW-02", yearHeader(2028)) });
    const summary = await summarizeYear(port());
    expect(summary).toMatchObject({ kind: "summary", years: [2026, 2027, 2028, 2029, 2030], summary: { year: 2028 } });
    const mid = await generateReport(port(), { language: "zh", year: 2028 });
    expect(mid).toMatchObject({ kind: "written", sheet: "2028年度监测报告", model: { kind: "midterm" } });
    if (mid.kind === "written") {
      const status = new Map(mid.model.indicators.map((l) => [l.id, l.status]));
      expect(Object.fromEntries(status)).toEqual({ "INT-01": "onTrack", "LOC-01": "onTrack", "LOC-09": "regressing", "NEW-01": "reachedEarly", "NEW-02": "invalid" });
      expect(mid.model.tasks.find((t) => t.id === "T-NEW-01")).toMatchObject({ actual: 6600, status: "behind" });
    }
    const final = await generateReport(port(), { language: "zh", final: true });
    expect(final).toMatchObject({ kind: "written", sheet: "2026-2030终期评估", year: 2030 });
    expect(data.sheet("2026-2030终期评估")).toBeDefined();
    expect(TH.id).toBe("ID");
  });
});
