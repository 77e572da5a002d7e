/**
 * The final evaluation reads each of the plan's contradictions against the figures at the end of the
 * period. Every reading on the demo as it is has its golden in test/xlsx/final.test.ts; here the demo
 * is edited where a reading turns on one cell, and another plan's contradiction reaches the figures
 * of a range and a change task (issue 16: a fresh run of final.ts left these untested). Expected
 * values worked out by hand from the plan (src/core/plan/embedded) and src/core/demo.ts.
 */
import ExcelJS from "exceljs";
import { buildDemo } from "../../src/usecases/demo";
import { xlsxPort } from "../../src/xlsx/port";
import { snapshotFromWorkbook } from "../../src/xlsx/snapshot";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { buildFinalReport, type FinalModel } from "../../src/core/report/final";
import { IH, TH, yearHeader } from "../../src/core/workbook/layout";
import type { Cell, WorkbookSnapshot } from "../../src/core/workbook/model";

const PLAN = embeddedPlan();
let demo: WorkbookSnapshot;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await buildDemo(xlsxPort(wb), new Date(2026, 10, 30, 8, 40));
  demo = snapshotFromWorkbook(wb);
}, 120_000);

const final = (snapshot: WorkbookSnapshot): FinalModel => buildFinalReport(PLAN, snapshot, { language: "zh", generatedAt: "2026-11-30 08:40" });

/** Per contradiction, each statement as [value, row it is read against, that row's 2025 value, a baseline figure?, met]. */
const readings = (model: FinalModel) =>
  Object.fromEntries(model.contradictions.map((c) => [c.id, c.readings.map((r) => [r.value, r.ref, r.actual, r.baseline, r.met])]));

/** The demo with one cell of a table replaced (values and formulas alike: a typed value). */
function edited(table: "indicators" | "tasks", id: string, header: string, value: Cell): WorkbookSnapshot {
  const copy = structuredClone(demo);
  const t = copy.tables[table]!;
  const r = t.values.findIndex((row) => row[t.headers.indexOf(table === "indicators" ? IH.id : TH.id)] === id);
  const c = t.headers.indexOf(header);
  expect(r >= 0 && c >= 0).toBe(true);
  t.values[r]![c] = value;
  t.formulas[r]![c] = value;
  return copy;
}

test("a figure read against a total's row is compared with what was built: 56 misses the parts' 57", () => {
  // Without the project ledger the total takes its own row's values: 56 by 2025, nothing before.
  const snapshot = edited("tasks", "T-BLD-PROJ", yearHeader(2025), 56);
  delete snapshot.tables.projects;
  const t = snapshot.tables.tasks!;
  const r = t.values.findIndex((row) => row[t.headers.indexOf(TH.id)] === "T-BLD-PROJ");
  for (const y of [2021, 2022, 2023, 2024]) t.values[r]![t.headers.indexOf(yearHeader(y))] = t.formulas[r]![t.headers.indexOf(yearHeader(y))] = null;
  const m = readings(final(snapshot));
  expect(m["C-BUILD-PROJECTS"]).toEqual([
    [58, "T-BLD-PROJ", 56, false, false],
    [57, "T-BLD-PROJ", 56, false, false],
  ]);
});

test("a row's own target is judged by its verdict: 90 % reached reads as met", () => {
  const m = readings(final(edited("indicators", "LOC-07", yearHeader(2025), 0.9)));
  expect(m["C-DUAL-TEACHER"]).toEqual([
    [0.9, "LOC-07", 0.9, false, true],
    [0.78, "T-VOC-02", 0.9, false, true], // the task restates LOC-07 and takes its values
  ]);
});

test("a row the data check rejects gives no figure and no reading (数据有误 is never met or missed)", () => {
  const m = readings(final(edited("indicators", "LOC-12", yearHeader(2025), "86.86%")));
  expect(m["C-QUALITY-DISTRICT-TIMING"]![3]).toEqual([0.906, "LOC-12", null, false, null]);
});

test("a figure above what the parts add to is met when the total is above it: 59 built reaches 58 and 57", () => {
  const snapshot = edited("tasks", "T-BLD-PROJ", yearHeader(2025), 59);
  delete snapshot.tables.projects;
  const m = readings(final(snapshot));
  expect(m["C-BUILD-PROJECTS"]).toEqual([
    [58, "T-BLD-PROJ", 59, false, true],
    [57, "T-BLD-PROJ", 59, false, true],
  ]);
});

test("another plan's contradiction: a range task's lower end is its figure, a change task's starting value its baseline", () => {
  // The model is the plan's, not Wujin's: a contradiction on the range task T-VOC-01 (5–7 专业群) and
  // the change task T-VOC-04 (1000 → 1100人左右), read against the demo.
  const plan = structuredClone(PLAN);
  plan.contradictions = [
    {
      id: "C-OTHER",
      kind: "table-vs-text",
      refs: ["T-VOC-01", "T-VOC-04"],
      summary: { zh: "示例", en: "Example" },
      statements: [
        { text: "5个", value: 5, source: { chapter: 2, section: "", line: 1, quote: "" } },
        { text: "1000人", value: 1000, source: { chapter: 2, section: "", line: 1, quote: "" } },
      ],
    },
  ];
  const model = buildFinalReport(plan, demo, { language: "zh", generatedAt: "2026-11-30 08:40" });
  const row = model.tasks.find((l) => l.row.id === "T-VOC-01")!.row;
  const reached = row.status === "reached" || row.status === "reachedEarly";
  expect(model.contradictions[0]!.readings.map((r) => [r.value, r.ref, r.actual, r.baseline, r.met])).toEqual([
    [5, "T-VOC-01", row.actual, false, reached],
    [1000, null, null, true, null],
  ]);
  // By hand (src/core/demo.ts taskValues, cumulative from the lower end 5): 1 + 1 + 1 by 2023, then 1 + 1 = 5, in the range.
  expect([row.actual, reached]).toEqual([5, true]);
});
