/**
 * Data-check findings a fresh sampled mutation run of src/core/workbook (seed 20261203) showed no test
 * reading: investment spent over planned, which message a blank baseline or target gets, a task's
 * unreadable target, the key of an unnamed row. Snapshots typed by hand; the expected findings are
 * the rules' own words (src/core/workbook/text.ts), worked out cell by cell.
 */
import { checkWorkbook, type Finding } from "../../src/core/workbook/check";
import { IH, PH, TH, indicatorTable, projectTable, taskTable, type TableKey, type TableSpec } from "../../src/core/workbook/layout";
import { cellAddress } from "../../src/core/workbook/a1";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { rankMisses, type RowAssessment } from "../../src/core/workbook/assess";
import type { Cell, WorkbookSnapshot } from "../../src/core/workbook/model";

const PLAN = embeddedPlan();

/** One table of `spec`'s columns at A3 (header row 3, data from row 4). */
function only(key: TableKey, spec: TableSpec, rows: Array<Record<string, Cell>>, merged?: string[]): WorkbookSnapshot {
  const headers = spec.columns.map((c) => c.header);
  const values = rows.map((r) => headers.map((h) => (h in r ? r[h]! : null)));
  return {
    tables: { [key]: { name: spec.name, sheet: "表", col: 0, row: 2, headers, values, formulas: values, ...(merged ? { merged } : {}) } },
    sheets: ["表"],
    names: [],
    meta: null,
    year: 2023,
    protectedSheets: [],
  };
}
const at = (spec: TableSpec, header: string, row: number) => cellAddress(spec.columns.findIndex((c) => c.header === header), 2 + row);
const brief = (f: Finding[]) => f.map((x) => [x.severity, x.code, x.address, x.key]);

describe("the project ledger: investment spent over planned is a warning, only when both are typed", () => {
  const spec = projectTable(PLAN);
  const project = (planned: Cell, spent: Cell) => ({ [PH.name]: "新校", [PH.stage]: "小学", [PH.kind]: "新建", [PH.state]: "在建", [PH.start]: 2022, [PH.planned]: planned, [PH.spent]: spent });
  test("120 spent of 100 planned: named at the spent cell, with both figures", () => {
    const out = checkWorkbook(PLAN, only("projects", spec, [project(100, 120)]));
    expect(brief(out)).toEqual([["warning", "spent-over-planned", at(spec, PH.spent, 1), "新校"]]);
    expect(out[0]!.message.zh).toBe(`${at(spec, PH.spent, 1)}：已完成投资 120 万元超过计划投资 100 万元。如已追加投资请在说明中注明。`);
    expect(out[0]!.header).toBe(PH.spent);
  });
  test.each([
    ["equal", 100, 100],
    ["below", 100, 80],
    ["nothing spent yet", 100, null],
    ["no plan typed", null, 120],
  ])("%s: no finding", (_label, planned, spent) => {
    expect(checkWorkbook(PLAN, only("projects", spec, [project(planned, spent)]))).toEqual([]);
  });
  test("a row with data and no name is named by its position in the table", () => {
    const row = { ...project(100, 80), [PH.name]: null };
    const out = checkWorkbook(PLAN, only("projects", spec, [project(100, 80), row]));
    expect(brief(out)).toEqual([["error", "missing-project", at(spec, PH.name, 2), "#2"]]);
  });
});

describe("indicators: a blank baseline and a blank target each get their own message", () => {
  const spec = indicatorTable(PLAN);
  const row = (baseline: Cell, target: Cell) => ({ [IH.id]: "X-1", [IH.unit]: "%", [IH.baseline]: baseline, [IH.target]: target });
  test("blank baseline", () => {
    const out = checkWorkbook(PLAN, only("indicators", spec, [row(null, 0.9)]));
    expect(brief(out)).toEqual([["error", "missing-baseline", at(spec, IH.baseline, 1), "X-1"]]);
    expect(out[0]!.message.en).toBe(`${at(spec, IH.baseline, 1)}: indicator X-1 has no baseline, so progress cannot be calculated. Enter the plan's baseline.`);
  });
  test("blank target", () => {
    const out = checkWorkbook(PLAN, only("indicators", spec, [row(0.8, null)]));
    expect(brief(out)).toEqual([["error", "missing-target", at(spec, IH.target, 1), "X-1"]]);
    expect(out[0]!.message.en).toBe(`${at(spec, IH.target, 1)}: indicator X-1 has no target. Enter the plan's target.`);
  });
  test("a baseline that is not a number is named with the text", () => {
    const out = checkWorkbook(PLAN, only("indicators", spec, [row("约八成", 0.9)]));
    expect(brief(out)).toEqual([["error", "not-number", at(spec, IH.baseline, 1), "X-1"]]);
    expect(out[0]!.message.zh).toBe(`${at(spec, IH.baseline, 1)}：“约八成”不是数值。请填写数字（百分比如 92.52%，比值填前项如 18.5）。`);
  });
});

describe("tasks: a target the verdict cannot read is named; a readable one, or none, is not", () => {
  const spec = taskTable(PLAN);
  const task = (target: Cell) => ({ [TH.id]: "T-X", [TH.unit]: "个", [TH.basis]: "累计", [TH.target]: target });
  test("unreadable", () => {
    expect(brief(checkWorkbook(PLAN, only("tasks", spec, [task("若干")])))).toEqual([["error", "not-number", at(spec, TH.target, 1), "T-X"]]);
  });
  test.each([["5-7个"], ["30个左右"], [12], [null]])("%s: no finding", (target) => {
    expect(checkWorkbook(PLAN, only("tasks", spec, [task(target)]))).toEqual([]);
  });
});

describe("merged cells over rows without a key are named by position", () => {
  test("two rows merged in the task table, neither with an ID", () => {
    const spec = taskTable(PLAN);
    const col = at(spec, TH.name, 1).replace(/\d+$/, "");
    const out = checkWorkbook(PLAN, only("tasks", spec, [{ [TH.name]: "甲" }, { [TH.name]: null }], [`${col}4:${col}5`]));
    expect(brief(out.filter((f) => f.code === "merged"))).toEqual([
      ["error", "merged", `${col}4`, "#1"],
      ["error", "merged", `${col}5`, "#2"],
    ]);
  });
});

describe("worst first within a status: how far short of where the row should be by now", () => {
  // rankMisses is the report's order. Two tasks behind with different deadlines (elapsed 0.6 and 1.0):
  // A should be at 60 % and has 30 % (0.3 short), B at 100 % and has 60 % (0.4 short): B first. Two
  // missed rows: short of the whole target, 1 − completion: C (0.5) before D (0.2).
  const r = (id: string, status: RowAssessment["status"], elapsed: number, completion: number | null) => ({ id, status, elapsed, completion }) as RowAssessment;
  test("behind: by elapsed share − completion; missed: by 1 − completion; then by ID", () => {
    const rows = [r("A", "behind", 0.6, 0.3), r("B", "behind", 1, 0.6), r("D", "missed", 0.6, 0.8), r("C", "missed", 1, 0.5), r("E", "behind", 0.6, 0.3), r("F", "reached", 1, 1)];
    expect(rankMisses(rows).map((x) => x.id)).toEqual(["C", "D", "B", "A", "E"]);
  });
});
