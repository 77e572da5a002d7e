/**
 * Computed indicators recorded per year (domain notes §7.6): the schools data's year, blank cells
 * filled, a different value replaced only when the planner says so, and the report naming a
 * recorded value that the same year's schools data contradicts.
 */
import { excelPort } from "../../src/excel/port";
import { FakeContext, FakeWorkbookData, installExcelEnums } from "./fake-excel";
import { generateReport } from "../../src/usecases/report";
import { insertTemplate, recordSchoolResults } from "../../src/usecases/workbook";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { demoOps, demoSchools } from "../../src/core/demo";
import { applyOps } from "../../src/excel/apply";
import { readSnapshot } from "../../src/excel/snapshot";
import { TABLES, yearHeader } from "../../src/core/workbook/layout";

beforeAll(installExcelEnums);
const PLAN = embeddedPlan();
const port = (data: FakeWorkbookData) => excelPort(new FakeContext(data).excel);

async function withSchools(): Promise<FakeWorkbookData> {
  const data = new FakeWorkbookData();
  await insertTemplate(port(data), { language: "zh", onConflict: "ask", year: 2023 });
  const ctx = new FakeContext(data);
  await applyOps(ctx.excel, demoOps(PLAN, await readSnapshot(ctx.excel)));
  return data;
}

/** The student-weighted CV of one per-student column, written out independently of the product. */
function weightedCv(stage: string, k: number, scale: number): number {
  const rows = demoSchools().filter((s) => s[1] === stage);
  const xs = rows.map((s) => ((s[5 + k] as number) / (s[2] as number)) * scale);
  const ws = rows.map((s) => s[2] as number);
  const P = ws.reduce((a, b) => a + b, 0);
  const mean = xs.reduce((a, x, i) => a + x * ws[i]!, 0) / P;
  return Math.sqrt(xs.reduce((a, x, i) => a + ws[i]! * (x - mean) ** 2, 0) / P) / mean;
}
const share = (stage: string) => {
  const rows = demoSchools().filter((s) => s[1] === stage);
  return rows.reduce((a, s) => a + (s[4] as number), 0) / rows.reduce((a, s) => a + (s[3] as number), 0);
};

describe("record school results into the schools data's year", () => {
  test("fills the blank 2023 cells of LOC-03 and LOC-04 with the computed figures (3 round trips)", async () => {
    const data = await withSchools();
    const ctx = new FakeContext(data);
    const outcome = await recordSchoolResults(excelPort(ctx.excel));
    expect(ctx.syncCount).toBe(3);
    expect(outcome).toMatchObject({ kind: "written", year: 2023 });
    const at = (id: string) => data.at("规划指标", data.addressOf(TABLES.indicators, id, yearHeader(2023)))!.formula as number;
    // Equipment value (the 6th indicator, per student) spreads most in both stages.
    expect(at("LOC-04-PRI")).toBeCloseTo(weightedCv("小学", 5, 1), 12);
    expect(at("LOC-04-JUN")).toBeCloseTo(weightedCv("初中", 5, 1), 12);
    expect(at("LOC-04-PRI")).toBeCloseTo(0.406, 3); // inside ＜0.42, not yet ＜0.40: 滞后
    expect(at("LOC-03-PRI")).toBeCloseTo(share("小学"), 12);
    expect(at("LOC-03-JUN")).toBeCloseTo(share("初中"), 12);
    // A second run finds nothing to do.
    expect(await recordSchoolResults(port(data))).toEqual({ kind: "nothing", year: 2023 });
  });

  test("a different value already there is a conflict: asked, then kept or replaced", async () => {
    const data = await withSchools();
    const address = data.addressOf(TABLES.indicators, "LOC-04-PRI", yearHeader(2023));
    data.type("规划指标", address, 0.39);
    const asked = await recordSchoolResults(port(data));
    expect(asked).toMatchObject({ kind: "confirm", conflicts: [{ id: "LOC-04-PRI", address: `规划指标!${address}`, recorded: 0.39 }] });
    expect(data.at("规划指标", address)!.formula).toBe(0.39); // nothing replaced without asking
    // The blank cells were not written either: one decision for the whole action.
    expect(data.at("规划指标", data.addressOf(TABLES.indicators, "LOC-03-PRI", yearHeader(2023)))?.formula ?? "").toBe("");
    await recordSchoolResults(port(data), "keep");
    expect(data.at("规划指标", address)!.formula).toBe(0.39);
    expect(data.at("规划指标", data.addressOf(TABLES.indicators, "LOC-03-PRI", yearHeader(2023)))!.formula).toBeCloseTo(share("小学"), 12);
    // The report names the disagreement.
    const report = await generateReport(port(data), { language: "zh", year: 2023 });
    if (report.kind !== "written") throw new Error(report.kind);
    expect(report.model.recorded).toEqual([expect.objectContaining({ id: "LOC-04-PRI", recorded: 0.39, agrees: false })]);
    await recordSchoolResults(port(data), "replace");
    expect(data.at("规划指标", address)!.formula).toBeCloseTo(weightedCv("小学", 5, 1), 12);
  });

  test("without a data year or monitoring year it says what to set", async () => {
    const data = await withSchools();
    data.type("学校数据", "D1", "");
    data.type("规划指标", "B3", "");
    const outcome = await recordSchoolResults(port(data));
    expect(outcome).toMatchObject({ kind: "error", message: { zh: expect.stringContaining("数据年度"), en: expect.stringContaining("Data year") } });
  });
});
