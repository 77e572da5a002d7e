/**
 * Data-check findings and row assessments that fresh sampled mutation runs of src/core/workbook
 * (seeds 20261203 and 20261204) showed no test reading: investment spent over planned, which message
 * a blank baseline or target gets, a task's unreadable target, the key of an unnamed row; schools'
 * names and merged cells, tasks' bands and bases, milestones' first year, the recorded-values guard.
 * Snapshots typed by hand; the expected findings are the rules' own words (src/core/workbook/text.ts),
 * worked out cell by cell.
 */
import { checkWorkbook, type Finding } from "../../src/core/workbook/check";
import { buildReport } from "../../src/core/report/model";
import { FH, IH, MH, PH, SCHOOL_INDICATORS, SH, TH, fundingTable, indicatorTable, milestoneTable, projectTable, schoolTable, taskTable, noteHeader, yearHeader, type TableKey, type TableSpec } from "../../src/core/workbook/layout";
import { cellAddress } from "../../src/core/workbook/a1";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { assessYear, rankMisses, type RowAssessment } from "../../src/core/workbook/assess";
import { recordedChecks } from "../../src/core/workbook/record";
import { workbookPlan } from "../../src/core/workbook/plan";
import { yearSummary } from "../../src/core/workbook/flags";
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

describe("the project ledger: a project entered twice (§7a.7)", () => {
  const spec = projectTable(PLAN);
  const project = (name: string, places = 360, completion = 2022) => ({ [PH.name]: name, [PH.stage]: "学前", [PH.kind]: "新建", [PH.places]: places, [PH.state]: "已交付使用", [PH.start]: 2021, [PH.completion]: completion, [PH.actualYear]: completion });
  test("the same name again (spaces aside) is an error at the copy, naming the first", () => {
    const out = checkWorkbook(PLAN, only("projects", spec, [project("甲幼儿园"), project("乙幼儿园", 400), project("甲 幼儿园 ")]));
    expect(brief(out)).toEqual([["error", "duplicate-project", at(spec, PH.name, 3), "甲幼儿园"]]);
    expect(out[0]!.message.zh).toContain(`与 ${at(spec, PH.name, 1)} 同名`);
    expect(out[0]!.message.en).toContain("looks entered twice");
  });
  test("another name with the same stage, kind, places and completion year is a warning to confirm", () => {
    const out = checkWorkbook(PLAN, only("projects", spec, [project("甲幼儿园"), project("丙幼儿园")]));
    expect(brief(out)).toEqual([["warning", "similar-project", at(spec, PH.name, 2), "丙幼儿园"]]);
    expect(out[0]!.message.zh).toContain(at(spec, PH.name, 1));
  });
  test.each([
    ["other places", project("丙幼儿园", 400)],
    ["another completion year", project("丙幼儿园", 360, 2023)],
    ["no places typed", { ...project("丙幼儿园"), [PH.places]: null }],
  ])("%s: no finding", (_what, other) => {
    expect(checkWorkbook(PLAN, only("projects", spec, [project("甲幼儿园"), other]))).toEqual([]);
  });
});

describe("funding figures a finance office could not have (§7a.7)", () => {
  const spec = fundingTable(PLAN);
  const year = (y: number, revenue: Cell, budget: Cell = 556000 + (y - 2020) * 25000) => ({ [FH.year]: y, [FH.budget]: budget, [FH.revenue]: revenue });
  const revenue = [2100000, 2230000, 2290000, 2250000, 2330000, 2420000];
  const rows = (change: (r: number, v: Cell) => Cell = (_r, v) => v) => revenue.map((v, r) => year(2020 + r, change(r, v)));
  test("2023 regular revenue typed as 4.5 % (0.045): an error at that cell, and the year's funding checks are 数据有误", () => {
    const snapshot = only("funding", spec, rows((r, v) => (r === 3 ? 0.045 : v)));
    const out = checkWorkbook(PLAN, snapshot);
    expect(brief(out)).toEqual([["error", "funding-slip", at(spec, FH.revenue, 4), "2023"]]);
    expect(out[0]!.message.zh).toContain("0.045 与 2022 年的 2,290,000 相差上千倍");
    const funding = assessYear(PLAN, snapshot, 2025).funding!;
    const faster = funding.checks.filter((c) => c.check === "appropriation"); // 三个增长: appropriations outgrow regular revenue
    // 2023 compares with 0.045, 2024 grows from it: neither is judged.
    expect(faster.filter((c) => c.year === 2023 || c.year === 2024).map((c) => c.verdict)).toEqual(["invalid", "invalid"]);
  });
  test("an amount in yuan instead of 10k yuan in the first row is named there (its next year confirms it)", () => {
    const out = checkWorkbook(PLAN, only("funding", spec, rows((r, v) => (r === 0 ? (v as number) * 10000 : v))));
    expect(brief(out)).toEqual([["error", "funding-slip", at(spec, FH.revenue, 1), "2020"]]);
  });
  test("a slip in the second row is named there, not in the first row beside it; in the last row, there", () => {
    expect(brief(checkWorkbook(PLAN, only("funding", spec, rows((r, v) => (r === 1 ? 0.062 : v)))))).toEqual([["error", "funding-slip", at(spec, FH.revenue, 2), "2021"]]);
    expect(brief(checkWorkbook(PLAN, only("funding", spec, rows((r, v) => (r === 5 ? (v as number) * 10000 : v)))))).toEqual([["error", "funding-slip", at(spec, FH.revenue, 6), "2025"]]);
    // Two rows only, 1,000 times apart: the later one is questioned.
    const two = only("funding", spec, [year(2020, 2100000), year(2021, 223)]);
    expect(brief(checkWorkbook(PLAN, two))).toEqual([["error", "funding-slip", at(spec, FH.revenue, 2), "2021"]]);
  });
  test("a change beyond ±50 % is a warning to check or explain; the year after it is not flagged again", () => {
    const out = checkWorkbook(PLAN, only("funding", spec, revenue.map((v, r) => year(2020 + r, v, r === 2 ? 850000 : 556000 + r * 25000))));
    // 581,000 → 850,000 is +46.3 %: no finding; back to 631,000 is −25.8 %: none either.
    expect(out).toEqual([]);
    const jump = checkWorkbook(PLAN, only("funding", spec, revenue.map((v, r) => year(2020 + r, v, r === 2 ? 950000 : 556000 + r * 25000))));
    // 581,000 → 950,000 is +63.5 %: a warning at 2022; 950,000 → 631,000 is −33.6 %: none.
    expect(brief(jump)).toEqual([["warning", "funding-jump", at(spec, FH.budget, 3), "2022"]]);
  });
});

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
  // missed rows: short of the whole target, 1 − completion: G (0.7, though its elapsed share is 0.6: a
  // task missed at an early deadline) before C (0.5) before D (0.2).
  const r = (id: string, status: RowAssessment["status"], elapsed: number, completion: number | null) => ({ id, status, elapsed, completion }) as RowAssessment;
  test("behind: by elapsed share − completion; missed: by 1 − completion; then by ID", () => {
    const rows = [r("A", "behind", 0.6, 0.3), r("B", "behind", 1, 0.6), r("D", "missed", 0.6, 0.8), r("C", "missed", 1, 0.5), r("E", "behind", 0.6, 0.3), r("F", "reached", 1, 1), r("G", "missed", 0.6, 0.3)];
    expect(rankMisses(rows).map((x) => x.id)).toEqual(["G", "C", "D", "B", "A", "E"]);
  });
});

// Fourth sample (seed 20261204): the schools sheet's names and merged cells, tasks' bands, bases and
// bad cells, milestones' year first reached, the recorded-values guard, a plan's two-digit version.
describe("the schools sheet", () => {
  const spec = schoolTable();
  const school = (name: Cell, enrolment: Cell) => ({ [SH.school]: name, [SH.stage]: "小学", [SH.enrolment]: enrolment, [SH.classes]: 10, [SH.standardClasses]: 8, ...Object.fromEntries(SCHOOL_INDICATORS.map((i) => [i.raw, 5])) });

  test("a name with spaces around it is the same school: a duplicate, named at the second row", () => {
    const findings = checkWorkbook(PLAN, only("schools", spec, [school("湖塘实验小学", 900), school(" 湖塘实验小学 ", 800)]));
    expect(brief(findings)).toEqual([["error", "duplicate-school", at(spec, SH.school, 2), "湖塘实验小学"]]);
  });

  test("an enrolment of 0 is its own error, with the school's name", () => {
    const findings = checkWorkbook(PLAN, only("schools", spec, [school("星辰小学", 0)]));
    expect(brief(findings)).toEqual([["error", "zero-enrolment", at(spec, SH.enrolment, 1), "星辰小学"]]);
    expect(findings[0]!.message.zh).toBe(`${at(spec, SH.enrolment, 1)}：星辰小学 在校生数为 0。无学生的学校不参与计算，请删除该行或填写实际人数。`);
  });

  test("cells merged across two schools' enrolment are named, each cell with its school", () => {
    const area = `${at(spec, SH.enrolment, 1)}:${at(spec, SH.enrolment, 2)}`;
    const findings = checkWorkbook(PLAN, only("schools", spec, [school("甲校", 900), school("乙校", 900)], [area]));
    expect(brief(findings.filter((f) => f.code === "merged"))).toEqual([
      ["error", "merged", at(spec, SH.enrolment, 1), "甲校"],
      ["error", "merged", at(spec, SH.enrolment, 2), "乙校"],
    ]);
  });
});

describe("a task as the report reads it", () => {
  const spec = taskTable(PLAN);
  // A planner's own task (the plan does not know OWN-1), monitored in 2023, due by 2025.
  const task = (cells: Record<string, Cell>) => ({ [TH.id]: "OWN-1", [TH.section]: "自定", [TH.name]: "新建托育点", [TH.unit]: "个", [TH.period]: "2025", ...cells });
  const row = (cells: Record<string, Cell>) => assessYear(PLAN, only("tasks", spec, [task(cells)]), 2023).tasks[0]!;

  test("about 100, 96 typed in 2023: 3 short of a 1 % band (99–101), so behind; inside the default 5 % (95–105), reached early", () => {
    const typed = { [TH.target]: "100左右", [yearHeader(2023)]: 96 };
    const judged = (r: RowAssessment) => [r.status, r.gap, r.exceeded];
    expect(judged(row({ ...typed, [TH.band]: 0.01 }))).toEqual(["behind", 3, false]);
    expect(judged(row(typed))).toEqual(["reachedEarly", 0, false]);
  });

  test("about 100 in 个, 104 typed: beyond the 1 % band is more delivered, reached and marked exceeded by 3 (§7a.1)", () => {
    const r = row({ [TH.target]: "100左右", [TH.band]: 0.01, [yearHeader(2023)]: 104 });
    expect([r.status, r.gap, r.exceeded]).toEqual(["reachedEarly", -3, true]);
  });

  test("a blank basis reads as the latest year's figure, and says so (the report prints its label)", () => {
    // 3, 5, 4 typed for 2021–2023: latest 4 (cumulative would be 12).
    const r = row({ [TH.target]: "10", [yearHeader(2021)]: 3, [yearHeader(2022)]: 5, [yearHeader(2023)]: 4 });
    expect([r.basis, r.actual]).toEqual(["latest", 4]);
  });

  test("a band typed as text is the data check's error: invalid data, no achieved figure, the band cell named", () => {
    const r = row({ [TH.target]: "100左右", [TH.band]: "5%", [yearHeader(2023)]: 100 });
    expect([r.status, r.actual, r.problems.map((p) => p.address)]).toEqual(["invalid", null, [at(spec, TH.band, 1)]]);
  });

  test("a blank name or note is empty text, not a placeholder", () => {
    const indicator = assessYear(PLAN, only("indicators", indicatorTable(PLAN), [{ [IH.id]: "LOC-01", [IH.unit]: "%", [IH.baseline]: 0.9252, [IH.target]: 0.94 }]), 2023).indicators[0]!;
    expect([row({ [TH.name]: null, [TH.target]: "10" }).name, indicator.note, indicator.name]).toEqual(["", "", ""]);
  });

  test("tasks and milestones have no school stage", () => {
    const milestone = only("milestones", milestoneTable(PLAN), [{ [MH.id]: "OWN-M", [MH.name]: "建成", [MH.plannedYear]: 2024, [MH.state]: "已完成", [MH.doneYear]: 2022 }]);
    expect([row({ [TH.target]: "10" }).stage, assessYear(PLAN, milestone, 2023).milestones[0]!.stage]).toEqual(["", ""]);
  });
});

describe("a milestone's year first reached", () => {
  const spec = milestoneTable(PLAN);
  const first = (state: string, done: Cell, year: number) =>
    assessYear(PLAN, only("milestones", spec, [{ [MH.id]: "OWN-M", [MH.name]: "建成", [MH.plannedYear]: 2024, [MH.state]: state, [MH.doneYear]: done }]), year).milestones[0]!;

  test("done in 2022, planned for 2024: reached early, first reached 2022; not done: none", () => {
    expect([first("已完成", 2022, 2023).status, first("已完成", 2022, 2023).firstReached]).toEqual(["reachedEarly", 2022]);
    expect([first("已完成", 2024, 2024).status, first("已完成", 2024, 2024).firstReached]).toEqual(["reached", 2024]);
    expect(first("进行中", null, 2023).firstReached).toBeNull();
  });
});

describe("recorded values are compared only in the schools data's own year", () => {
  const spec = indicatorTable(PLAN);
  const snapshot = (schoolYear: number | null, headers = spec.columns.map((c) => c.header)): WorkbookSnapshot => {
    const values = [headers.map((h) => (h === IH.id ? "LOC-04-PRI" : h === yearHeader(2023) ? 0.3 : null))];
    return { ...only("indicators", spec, []), tables: { indicators: { name: spec.name, sheet: "表", col: 0, row: 2, headers, values, formulas: values } }, schoolYear } as WorkbookSnapshot;
  };

  test("no indicator table, another year's schools data, or no column for the year: nothing to compare", () => {
    expect(recordedChecks(PLAN, { ...snapshot(2023), tables: {} }, 2023)).toEqual([]);
    expect(recordedChecks(PLAN, snapshot(2022), 2023)).toEqual([]);
    expect(recordedChecks(PLAN, snapshot(2023, spec.columns.map((c) => c.header).filter((h) => h !== yearHeader(2023))), 2023)).toEqual([]);
  });

  test("the year's column first in the table (moved there by the planner) is still found", () => {
    const headers = spec.columns.map((c) => c.header);
    const moved = [yearHeader(2023), ...headers.filter((h) => h !== yearHeader(2023))];
    expect(recordedChecks(PLAN, snapshot(2023, moved), 2023).map((c) => [c.id, c.recorded])).toEqual([["LOC-04-PRI", 0.3]]);
  });
});

describe("the plan a workbook follows", () => {
  test("versions compare part by part as numbers: the embedded 1.10.0 is newer than a stored 1.9.0", () => {
    const stored = { ...PLAN, version: "1.9.0", names: { ...PLAN.names, zh: "旧版" } };
    const snapshot = { ...only("indicators", indicatorTable(PLAN), []), meta: { templateId: PLAN.id, version: "1.9.0", language: "zh", protection: false, ids: [], highlights: [], planJson: JSON.stringify(stored) } } as WorkbookSnapshot;
    expect(workbookPlan(snapshot, { ...PLAN, version: "1.10.0" }).version).toBe("1.10.0");
    expect(workbookPlan(snapshot, { ...PLAN, version: "1.8.9" }).version).toBe("1.9.0");
  });
});

// Fifth sample (seed 20261205): gross ratios over 100 %, keys with spaces, a year done without the
// state, a project's blank choice and a moved column, the year an indicator first reached its target,
// whether a year has data at all.
describe("percentages over 100 %", () => {
  const spec = indicatorTable(PLAN);
  // Findings at the 2023 cell only (the rows' blank baselines and targets are findings of their own).
  const at2023 = (id: string, value: number) => checkWorkbook(PLAN, only("indicators", spec, [{ [IH.id]: id, [IH.unit]: "%", [yearHeader(2023)]: value }])).filter((f) => f.header === yearHeader(2023));

  test("a gross enrolment ratio may pass 100 % (INT-01, 学前三年毛入园率); a net share may not (LOC-01)", () => {
    expect(brief(at2023("INT-01", 1.02))).toEqual([]);
    expect(brief(at2023("LOC-01", 1.02))).toEqual([["error", "percent-range", at(spec, yearHeader(2023), 1), "LOC-01"]]);
  });

  test("a retention rate (INT-02, a cohort ratio) may pass 100 % with pupils moving in: a warning that asks for the year's note, none once it is written (§7a.8)", () => {
    const row = (value: number, note: string, unit = "%（巩固率）") => ({ [IH.id]: "INT-02", [IH.unit]: unit, [yearHeader(2023)]: value, [noteHeader(2023)]: note });
    const findings = (r: Record<string, Cell>) => checkWorkbook(PLAN, only("indicators", spec, [r])).filter((f) => f.header === yearHeader(2023));
    expect(brief(findings(row(1.02, "")))).toEqual([["warning", "cohort-over-100", at(spec, yearHeader(2023), 1), "INT-02"]]);
    expect(findings(row(1.02, ""))[0]!.message.zh).toBe(`${at(spec, yearHeader(2023), 1)}：巩固率 102% 超过 100%。巩固率以同一批学生入学时的人数为分母，外地学生转入时可以超过 100%；请核对，并在“2023 说明”栏写明原因（如转入人数）。`);
    expect(brief(findings(row(1.02, "外地转入 36 人")))).toEqual([]);
    // Exactly 100 % asks nothing; percentage points typed as a number are still an error.
    expect(brief(findings(row(1, "")))).toEqual([]);
    expect(brief(findings(row(101.5, "")))).toEqual([["error", "percent-points", at(spec, yearHeader(2023), 1), "INT-02"]]);
    // The plan says INT-02 is a cohort ratio even where the row's unit is the plain "%" of an older workbook.
    expect(brief(findings(row(1.02, "", "%")))).toEqual([["warning", "cohort-over-100", at(spec, yearHeader(2023), 1), "INT-02"]]);
    // A row a planner added with the cohort label is read the same way.
    expect(brief(findings({ ...row(1.03, ""), [IH.id]: "OWN-RET" }))).toEqual([["warning", "cohort-over-100", at(spec, yearHeader(2023), 1), "OWN-RET"]]);
  });

  test("a task's percentage may not pass 100 %", () => {
    const tasks = taskTable(PLAN);
    const findings = checkWorkbook(PLAN, only("tasks", tasks, [{ [TH.id]: "OWN-1", [TH.unit]: "%", [TH.target]: "90%", [TH.period]: "2025", [yearHeader(2023)]: 1.2 }]));
    expect(brief(findings)).toEqual([["error", "percent-range", at(tasks, yearHeader(2023), 1), "OWN-1"]]);
  });
});

describe("keys are read without the spaces around them", () => {
  test("a merged cell's row is named by its trimmed ID", () => {
    const spec = indicatorTable(PLAN);
    const area = `${at(spec, IH.target, 1)}:${at(spec, IH.target, 2)}`;
    const findings = checkWorkbook(PLAN, only("indicators", spec, [{ [IH.id]: " LOC-01 " }, { [IH.id]: "LOC-02" }], [area]));
    expect(findings.filter((f) => f.code === "merged").map((f) => f.key)).toEqual(["LOC-01", "LOC-02"]);
  });

  test("a row without an ID is no indicator; a milestone without one is named by its position", () => {
    const noId = only("indicators", indicatorTable(PLAN), [{ [IH.id]: null, [IH.unit]: "%", [IH.baseline]: 0.9, [IH.target]: 0.95, [yearHeader(2023)]: 0.93 }]);
    expect(assessYear(PLAN, noId, 2023).indicators).toEqual([]);
    const milestone = checkWorkbook(PLAN, only("milestones", milestoneTable(PLAN), [{ [MH.id]: null, [MH.name]: "建成", [MH.state]: "快了" }]));
    expect(milestone.map((f) => [f.code, f.key])).toEqual([["milestone-state", "#1"]]);
  });

  test("an indicator's row is assessed under its trimmed ID", () => {
    const snapshot = only("indicators", indicatorTable(PLAN), [{ [IH.id]: " LOC-01 ", [IH.unit]: "%", [IH.baseline]: 0.9252, [IH.target]: 0.94, [yearHeader(2023)]: 0.95 }]);
    expect(assessYear(PLAN, snapshot, 2023).indicators.map((r) => [r.id, r.status])).toEqual([["LOC-01", "reachedEarly"]]);
  });
});

describe("a milestone's year done", () => {
  const spec = milestoneTable(PLAN);
  const findings = (state: string, done: Cell) => checkWorkbook(PLAN, only("milestones", spec, [{ [MH.id]: " M-1 ", [MH.name]: "建成", [MH.plannedYear]: 2024, [MH.state]: state, [MH.doneYear]: done }]));

  test("typed while the state is not done: a warning at the year, under the trimmed ID; with the state done, none", () => {
    const f = findings("进行中", 2022);
    expect(brief(f)).toEqual([["warning", "done-year-not-done", at(spec, MH.doneYear, 1), "M-1"]]);
    expect(f[0]!.message.zh).toBe(`${at(spec, MH.doneYear, 1)}：填写了完成年度，但进展不是“已完成”。请核对进展。`);
    expect(findings("已完成", 2022)).toEqual([]);
  });
});

describe("a project's choices", () => {
  const spec = projectTable(PLAN);
  const project = { [PH.name]: "新校", [PH.stage]: "小学", [PH.kind]: "新建", [PH.state]: "在建", [PH.start]: 2022, [PH.completion]: 2024 };

  test("a blank state is an error naming the project, at the state cell", () => {
    const f = checkWorkbook(PLAN, only("projects", spec, [{ ...project, [PH.state]: null }]));
    expect(brief(f)).toEqual([["error", "missing-choice", at(spec, PH.state, 1), "新校"]]);
    expect(f[0]!.message.zh).toBe(`${at(spec, PH.state, 1)}：项目“新校”未填写此项，汇总时不计入。请从下拉列表选择。`);
  });

  test("a choice column dragged to the front is still checked; one missing from the table is passed over", () => {
    const headers = [PH.stage, PH.name, PH.kind, PH.start, PH.completion];
    const values = [[null, "新校", "新建", 2022, 2024]];
    const snapshot = { ...only("projects", spec, []), tables: { projects: { name: spec.name, sheet: "表", col: 0, row: 2, headers, values, formulas: values } } } as WorkbookSnapshot;
    expect(brief(checkWorkbook(PLAN, snapshot))).toEqual([["error", "missing-choice", "A4", "新校"]]);
  });
});

describe("the year an indicator first reached its target", () => {
  // LOC-01 rises from 92.52 % to 94 %: 93 % in 2021 (short), 94.5 % in 2022 (reached), 95 % in 2023.
  const values = (y2022: Cell) => ({ [IH.id]: "LOC-01", [IH.unit]: "%", [IH.baseline]: 0.9252, [IH.target]: 0.94, [yearHeader(2021)]: 0.93, [yearHeader(2022)]: y2022, [yearHeader(2023)]: 0.95 });
  const first = (y2022: Cell) => assessYear(PLAN, only("indicators", indicatorTable(PLAN), [values(y2022)]), 2023).indicators[0]!;

  test("is the earliest year at or past the target: 2022, not the monitoring year", () => {
    expect([first(0.945).status, first(0.945).firstReached]).toEqual(["reachedEarly", 2022]);
  });

  test("a year the data check rejected does not count: 2022 typed as text, so first reached in 2023", () => {
    expect([first("94.5%").status, first("94.5%").firstReached]).toEqual(["reachedEarly", 2023]);
  });
});

describe("whether a year has indicator data", () => {
  test("a value the data check rejects is data (to be fixed), not an empty year", () => {
    const snapshot = only("indicators", indicatorTable(PLAN), [{ [IH.id]: "LOC-01", [IH.unit]: "%", [IH.baseline]: 0.9252, [IH.target]: 0.94, [yearHeader(2023)]: "九成" }]);
    expect(yearSummary(PLAN, snapshot, 2023).hasData).toBe(true);
    expect(yearSummary(PLAN, only("indicators", indicatorTable(PLAN), [{ [IH.id]: "LOC-01", [IH.unit]: "%", [IH.baseline]: 0.9252, [IH.target]: 0.94 }]), 2023).hasData).toBe(false);
  });
});

// Sixth sample (seed 20261206): the year-over-year jump warning, school count codes, tasks due every year.
describe("a jump from one year to the next is a warning to check the figure", () => {
  const spec = indicatorTable(PLAN);
  const jumps = (unit: string, from: number, to: number) =>
    checkWorkbook(PLAN, only("indicators", spec, [{ [IH.id]: "OWN-1", [IH.unit]: unit, [IH.baseline]: from, [IH.target]: to, [yearHeader(2021)]: from, [yearHeader(2022)]: to }])).filter((f) => f.code === "jump").map((f) => f.address);
  const at2022 = at(spec, yearHeader(2022), 1);

  test("a percentage: more than 15 points either way (0.10 → 0.20 is 10 points: none; 0.50 → 0.70 is 20: one)", () => {
    expect([jumps("%", 0.1, 0.2), jumps("%", 0.5, 0.7), jumps("%", 0.7, 0.5)]).toEqual([[], [at2022], [at2022]]);
    // Exactly 15 points (0.15 → 0.30, exact in binary): not more than 15, no warning.
    expect(jumps("%", 0.15, 0.3)).toEqual([]);
  });

  test("a count: more than half of last year's figure either way; from 0 no share to judge", () => {
    expect([jumps("所", 100, 150), jumps("所", 100, 151), jumps("所", 100, 40), jumps("所", 0, 5)]).toEqual([[], [at2022], [at2022], []]);
  });
});

describe("a school's class counts", () => {
  const spec = schoolTable();
  const school = (classes: number, standard: number) => ({ [SH.school]: "甲校", [SH.stage]: "小学", [SH.enrolment]: 30, [SH.classes]: classes, [SH.standardClasses]: standard, ...Object.fromEntries(SCHOOL_INDICATORS.map((i) => [i.raw, 5])) });
  test("more classes than pupils, and more standard-size classes than classes, are errors of their own", () => {
    expect(brief(checkWorkbook(PLAN, only("schools", spec, [school(40, 2)])))).toEqual([["error", "classes-over-enrolment", at(spec, SH.classes, 1), "甲校"]]);
    expect(brief(checkWorkbook(PLAN, only("schools", spec, [school(2, 3)])))).toEqual([["error", "standard-over-classes", at(spec, SH.standardClasses, 1), "甲校"]]);
  });
});

describe("a task due every year", () => {
  const spec = taskTable(PLAN);
  // Each year at least 3: 4 in 2021, 2 in 2022 (short), 5 in 2023.
  const row = (values: Record<string, Cell>) =>
    assessYear(PLAN, only("tasks", spec, [{ [TH.id]: "OWN-1", [TH.section]: "自定", [TH.name]: "培训", [TH.unit]: "次", [TH.basis]: "每年", [TH.target]: "3", [TH.period]: "2021–2025", ...values }]), 2023).tasks[0]!;

  test("a year short before this one keeps it from reached, though this year's figure meets it", () => {
    const r = row({ [yearHeader(2021)]: 4, [yearHeader(2022)]: 2, [yearHeader(2023)]: 5 });
    expect([r.actual, r.status]).toEqual([5, "regressing"]);
    // Met every year so far: on track, never reached early (§7a.2).
    expect(row({ [yearHeader(2021)]: 4, [yearHeader(2022)]: 3, [yearHeader(2023)]: 5 }).status).toBe("onTrack");
  });

  test("a year left blank before this one has not been shown to reach it: 无数据, naming 2022 (§7a.2)", () => {
    expect(row({ [yearHeader(2021)]: 4, [yearHeader(2023)]: 5 })).toMatchObject({ status: "noData", blankYear: 2022, actual: 5 });
  });

  test("a rejected value in an earlier year makes the duty 数据有误 now (§7a.2)", () => {
    expect(row({ [yearHeader(2021)]: "四", [yearHeader(2022)]: 3, [yearHeader(2023)]: 5 }).status).toBe("invalid");
  });
});

// Fifth fresh draw (seed 20261208): severities, the order of findings, negative ledger amounts,
// a value refused before the jump check, merged areas at a table's edge, columns wherever they stand.
describe("the data check's severities and order", () => {
  const spec = indicatorTable(PLAN);
  const row = (id: string, unit: string, value: Cell) => ({ [IH.id]: id, [IH.unit]: unit, [IH.direction]: "降低", [IH.baseline]: 1.3, [IH.target]: 1.2, [yearHeader(2023)]: value });

  test("errors come first, then warnings, each kind in row order", () => {
    // Rows 4–8: a coefficient over 1 (warning), a text value (error), another coefficient over 1, a
    // logical (error), a row of data without an ID (warning).
    const out = checkWorkbook(PLAN, only("indicators", spec, [row("A-1", "系数", 1.4), row("A-2", "系数", "abc"), row("A-3", "系数", 1.5), row("A-4", "系数", true), { [yearHeader(2023)]: 0.5 }]));
    const y = (r: number) => at(spec, yearHeader(2023), r);
    expect(brief(out)).toEqual([
      ["error", "not-number", y(2), "A-2"],
      ["error", "not-number", y(4), "A-4"],
      ["warning", "coefficient-range", y(1), "A-1"],
      ["warning", "coefficient-range", y(3), "A-3"],
      ["warning", "missing-id", at(spec, IH.id, 5), "#5"],
    ]);
    // A logical is quoted as Excel shows it.
    expect(out[1]!.message.zh).toContain("“TRUE”");
  });

  test("a value refused for its unit is not compared with the years around it (no jump warning from or to it)", () => {
    // 92.52 in a percent row (points, not a share): refused. 2022 and 2024 (0.93, 0.94) are compared
    // with the baseline and each other only: no jump anywhere.
    const r = { [IH.id]: "P-1", [IH.unit]: "%", [IH.direction]: "提高", [IH.baseline]: 0.9252, [IH.target]: 0.95, [yearHeader(2022)]: 0.93, [yearHeader(2023)]: 92.52, [yearHeader(2024)]: 0.94 };
    expect(brief(checkWorkbook(PLAN, only("indicators", spec, [r])))).toEqual([["error", "percent-points", at(spec, yearHeader(2023), 1), "P-1"]]);
  });

  test("a merged area running past the table's last column names the table's cells only", () => {
    const tasks = taskTable(PLAN);
    const last = cellAddress(tasks.columns.length - 1, 3).replace(/\d+$/, "");
    const next = cellAddress(tasks.columns.length, 3).replace(/\d+$/, "");
    const out = checkWorkbook(PLAN, only("tasks", tasks, [{ [TH.id]: "T-1" }], [`${last}4:${next}4`]));
    expect(brief(out.filter((f) => f.code === "merged"))).toEqual([["error", "merged", `${last}4`, "T-1"]]);
  });

  test("a task target that cannot be read is named in whichever column the target stands, the first included", () => {
    const headers = [TH.target, TH.id, TH.name, TH.unit];
    const values: Cell[][] = [["若干", "T-X", "任务", "个"]];
    const snapshot = { ...only("tasks", taskTable(PLAN), []), tables: { tasks: { name: taskTable(PLAN).name, sheet: "表", col: 0, row: 2, headers, values, formulas: values } } } as WorkbookSnapshot;
    expect(brief(checkWorkbook(PLAN, snapshot))).toEqual([["error", "not-number", "A4", "T-X"]]);
  });
});

describe("the schools sheet's stage and the funding sheet's year, as typed", () => {
  test("a stage typed with spaces is the stage; a blank one is named and quoted as empty", () => {
    const spec = schoolTable();
    const seven = Object.fromEntries(SCHOOL_INDICATORS.map((i) => [i.raw, 10]));
    const school = (name: string, stage: Cell) => ({ [SH.school]: name, [SH.stage]: stage, [SH.enrolment]: 900, [SH.classes]: 20, [SH.standardClasses]: 20, ...seven });
    const out = checkWorkbook(PLAN, only("schools", spec, [school("甲校", " 小学 "), school("乙校", null)]));
    expect(brief(out)).toEqual([["error", "stage", at(spec, SH.stage, 2), "乙校"]]);
    expect(out[0]!.message.zh).toBe(`${at(spec, SH.stage, 2)}：学段“”无效。请选择“小学”或“初中”（九年一贯制学校请分两行填写）。`);
  });
});

describe("negative amounts in the project ledger", () => {
  const spec = projectTable(PLAN);
  const project = (cells: Record<string, Cell>) => ({ [PH.name]: "新校", [PH.stage]: "小学", [PH.kind]: "新建", [PH.state]: "在建", [PH.start]: 2022, [PH.places]: 900, [PH.planned]: 100, [PH.spent]: 50, ...cells });

  test("places or an investment below 0 is an error naming the cell; 0 is allowed", () => {
    const out = checkWorkbook(PLAN, only("projects", spec, [project({ [PH.places]: -900 }), project({ [PH.name]: "二校", [PH.spent]: -5 }), project({ [PH.name]: "三校", [PH.planned]: 0, [PH.spent]: 0 })]));
    expect(brief(out)).toEqual([
      ["error", "negative", at(spec, PH.places, 1), "新校"],
      ["error", "negative", at(spec, PH.spent, 2), "二校"],
    ]);
    expect(out[0]!.message.zh).toContain("-900");
  });
});

describe("what a row's assessment carries as typed (fifth draw, seed 20261208)", () => {
  test("an indicator's group and a milestone's name as typed; blank ones blank, never a placeholder", () => {
    const ind = indicatorTable(PLAN);
    const ms = milestoneTable(PLAN);
    const snapshot = {
      ...only("indicators", ind, [
        { [IH.id]: "LOC-01", [IH.group]: "地方发展性指标", [IH.unit]: "%", [IH.direction]: "提高", [IH.baseline]: 0.9252, [IH.target]: 0.94 },
        { [IH.id]: "LOC-02", [IH.unit]: "%", [IH.direction]: "提高", [IH.baseline]: 0.9684, [IH.target]: 1 },
      ]),
    };
    const milestones = only("milestones", ms, [{ [MH.id]: "M-1", [MH.name]: "区政府批复", [MH.plannedYear]: 2025 }, { [MH.id]: "M-2", [MH.plannedYear]: 2025 }]).tables.milestones!;
    const a = assessYear(PLAN, { ...snapshot, tables: { ...snapshot.tables, milestones: { ...milestones, sheet: "里程碑" } } }, 2023);
    expect(a.indicators.map((r) => r.group)).toEqual(["地方发展性指标", ""]);
    expect(a.milestones.map((r) => r.name)).toEqual(["区政府批复", ""]);
  });

  test("a plan task that restates an indicator reads the indicator's values even with its link cell cleared", () => {
    // T-PRE-01 (普惠性幼儿园覆盖率) restates LOC-01 in the plan.
    const ind = only("indicators", indicatorTable(PLAN), [{ [IH.id]: "LOC-01", [IH.unit]: "%", [IH.direction]: "提高", [IH.baseline]: 0.9252, [IH.target]: 0.94, [yearHeader(2023)]: 0.93 }]);
    const tasks = only("tasks", taskTable(PLAN), [{ [TH.id]: "T-PRE-01", [TH.unit]: "%", [TH.target]: "94%", [TH.link]: null }]).tables.tasks!;
    const a = assessYear(PLAN, { ...ind, tables: { ...ind.tables, tasks: { ...tasks, sheet: "任务" } } }, 2023);
    expect(a.tasks.map((t) => [t.id, t.actual])).toEqual([["T-PRE-01", 0.93]]);
  });
});

describe("a milestone done while what it rests on falls short that year (issue 28, item 6)", () => {
  // M-CMP-QUALITY-DISTRICT rests on every class within 45 / 50 (LOC-03 at 100 %) and the coefficients
  // within 0.50 / 0.45 (LOC-04) in the year it is marked done.
  const ispec = indicatorTable(PLAN);
  const mspec = milestoneTable(PLAN);
  function workbook(values: Record<string, number | null>, state: Cell, done: Cell): WorkbookSnapshot {
    const table = (spec: TableSpec, sheet: string, row: number, rows: Array<Record<string, Cell>>) => {
      const headers = spec.columns.map((c) => c.header);
      const cells = rows.map((r) => headers.map((h) => (h in r ? r[h]! : null)));
      return { name: spec.name, sheet, col: 0, row, headers, values: cells, formulas: cells };
    };
    const ind = (id: string, unit: string) => ({ [IH.id]: id, [IH.unit]: unit, [IH.baseline]: 0.5, [IH.target]: 0.8, [yearHeader(2024)]: values[id] ?? null });
    return {
      tables: {
        indicators: table(ispec, "规划指标", 4, [ind("LOC-03-PRI", "%"), ind("LOC-03-JUN", "%"), { ...ind("LOC-04-PRI", "系数"), [IH.baseline]: "＜0.42", [IH.target]: "＜0.40" }, { ...ind("LOC-04-JUN", "系数"), [IH.baseline]: "＜0.38", [IH.target]: "＜0.35" }]),
        milestones: table(mspec, "里程碑", 2, [{ [MH.id]: "M-CMP-QUALITY-DISTRICT", [MH.name]: "创建全国义务教育优质均衡发展区", [MH.plannedYear]: 2025, [MH.state]: state, [MH.doneYear]: done }]),
      },
      sheets: ["规划指标", "里程碑"],
      names: [],
      meta: null,
      year: 2024,
      protectedSheets: [],
    };
  }
  const standards = (f: Finding[]) => f.filter((x) => x.code === "milestone-standard");
  test("done in 2024 with 72 % / 83 % standard-size classes: a warning at its state cell naming both figures", () => {
    const out = standards(checkWorkbook(PLAN, workbook({ "LOC-03-PRI": 0.72, "LOC-03-JUN": 0.83, "LOC-04-PRI": 0.41, "LOC-04-JUN": 0.3 }, "已完成", 2024)));
    const at = cellAddress(mspec.columns.findIndex((c) => c.header === MH.state), 3);
    expect(out.map((f) => [f.severity, f.address, f.key])).toEqual([["warning", at, "M-CMP-QUALITY-DISTRICT"]]);
    expect(out[0]!.message.zh).toBe(
      `${at}：标为已完成（2024年），但2024年义务教育标准班额比例（小学）为 72%（要求小学所有班级学生数不超过45人（标准班额比例100%））；义务教育标准班额比例（初中）为 83%（要求初中所有班级学生数不超过50人（标准班额比例100%））。请核实进展，或在说明栏注明依据。`,
    );
    expect(out[0]!.message.en).toContain("marked done in 2024");
    // The annual report of 2024 prints it under the milestones; the 2023 report (done later) does not.
    const at2024 = buildReport(PLAN, workbook({ "LOC-03-PRI": 0.72, "LOC-03-JUN": 0.83 }, "已完成", 2024), 2024, { language: "zh", generatedAt: "" });
    expect(at2024.crossChecks).toEqual([out[0]!.message.zh]);
    expect(buildReport(PLAN, workbook({ "LOC-03-PRI": 0.72, "LOC-03-JUN": 0.83 }, "已完成", 2024), 2023, { language: "zh", generatedAt: "" }).crossChecks).toEqual([]);
  });
  test.each([
    ["every standard met (100 %, 100 %, 0.50 at its bound, 0.45 at its bound)", { "LOC-03-PRI": 1, "LOC-03-JUN": 1, "LOC-04-PRI": 0.5, "LOC-04-JUN": 0.45 }, "已完成", 2024],
    ["no figures recorded for 2024", {}, "已完成", 2024],
    ["not done", { "LOC-03-PRI": 0.72 }, "进行中", null],
    ["done with no year", { "LOC-03-PRI": 0.72 }, "已完成", null],
  ] as const)("%s: no cross-check", (_what, values, state, done) => {
    expect(standards(checkWorkbook(PLAN, workbook(values, state, done)))).toEqual([]);
  });
  test("a coefficient above its national bound is named too", () => {
    const out = standards(checkWorkbook(PLAN, workbook({ "LOC-03-PRI": 1, "LOC-03-JUN": 1, "LOC-04-PRI": 0.51 }, "已完成", 2024)));
    expect(out[0]!.message.zh).toContain("为 0.51（要求小学校际差异系数均不高于0.50）");
  });
});
