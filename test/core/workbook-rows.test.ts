/**
 * Milestone rows as the one assessment reads them, and the plan a workbook carries (issue 16: gaps a
 * sampled mutation run of src/core/workbook found). Tables typed by hand; expectations worked out
 * from the rules: a milestone row whose state or year done the data check rejects is 数据有误, never
 * a verdict; a row without an ID is named by its row number.
 */
import { assessYear } from "../../src/core/workbook/assess";
import { checkWorkbook } from "../../src/core/workbook/check";
import { workbookPlan } from "../../src/core/workbook/plan";
import { periodOps } from "../../src/core/workbook/apply";
import { parseAddress } from "../../src/core/workbook/a1";
import { protectionProblem, withFilters, withProtection } from "../../src/core/workbook/insert";
import { IH, MH, SCHOOL_INDICATORS, SH, TABLES, yearHeader } from "../../src/core/workbook/layout";
import { templateProblem } from "../../src/core/workbook/presence";
import { resultOps } from "../../src/core/workbook/results";
import { stageBalance } from "../../src/core/workbook/schools";
import { embeddedPlan } from "../../src/core/plan/embedded";
import type { Cell, WorkbookSnapshot, WriteOp } from "../../src/core/workbook/model";

const PLAN = embeddedPlan();

function milestones(values: Cell[][]): WorkbookSnapshot {
  const headers = [MH.id, MH.name, MH.plannedYear, MH.state, MH.doneYear];
  return { tables: { milestones: { name: TABLES.milestones, sheet: "里程碑", col: 0, row: 0, headers, values, formulas: values } }, sheets: [], names: [], meta: null, year: null, protectedSheets: [] } as unknown as WorkbookSnapshot;
}

describe("milestone rows", () => {
  // Row 1 is the header: data rows are sheet rows 2–5 (columns A–E).
  const snapshot = milestones([
    ["M-1", "甲", 2025, "已完成", 2031], // a year done after the period: rejected
    ["M-2", "乙", 2025, "完成了吗", ""], // a state nobody can read: rejected
    ["M-3", "丙", 2025, "已完成", 2022], // done in 2022
    ["", "丁", 2025, "好像", ""], // no ID: named by its row
  ]);

  test("a rejected state or year done makes the row 数据有误 with the cell named; a readable row gets its verdict", () => {
    const a = assessYear(PLAN, snapshot, 2023);
    expect(a.milestones.map((m) => [m.id, m.status, m.problems.map((p) => p.address)])).toEqual([
      ["M-1", "invalid", ["E2"]],
      ["M-2", "invalid", ["D3"]],
      ["M-3", "reachedEarly", []],
    ]);
    expect(a.milestones[2]!.firstReached).toBe(2022);
    expect(a.milestones.map((m) => m.firstReached)).toEqual([null, null, 2022]);
  });

  test("a milestone's note travels with its verdict, as typed (a number as its text, none as blank)", () => {
    const headers = [MH.id, MH.name, MH.plannedYear, MH.state, MH.doneYear, MH.note];
    const values: Cell[][] = [
      ["M-1", "甲", 2025, "已完成", 2022, "区政府已批复"],
      ["M-2", "乙", 2025, "进行中", "", 2024],
      ["M-3", "丙", 2025, "未开始", "", ""],
    ];
    const withNotes = { ...snapshot, tables: { milestones: { ...snapshot.tables.milestones!, headers, values, formulas: values } } } as WorkbookSnapshot;
    expect(assessYear(PLAN, withNotes, 2023).milestones.map((m) => [m.id, m.note])).toEqual([
      ["M-1", "区政府已批复"],
      ["M-2", "2024"],
      ["M-3", ""],
    ]);
    expect(assessYear(PLAN, snapshot, 2023).milestones.map((m) => m.note)).toEqual(["", "", ""]);
  });

  test("the data check names a row without an ID by its row number", () => {
    const states = checkWorkbook(PLAN, snapshot).filter((f) => f.code === "milestone-state");
    expect(states.map((f) => [f.key, f.address, f.severity])).toEqual([
      ["M-2", "D3", "error"],
      ["#4", "D5", "error"],
    ]);
  });
});

describe("the plan a workbook carries", () => {
  const stored = (plan: object) => ({ tables: {}, sheets: [], names: [], meta: { planJson: JSON.stringify(plan) }, year: null, protectedSheets: [] }) as unknown as WorkbookSnapshot;

  test("none, or one that does not load: the embedded plan", () => {
    expect(workbookPlan({ tables: {}, sheets: [], names: [], meta: null, year: null, protectedSheets: [] } as unknown as WorkbookSnapshot, PLAN)).toBe(PLAN);
    expect(workbookPlan(stored({ ...PLAN, period: { baseYear: "二〇二〇" } }), PLAN)).toBe(PLAN);
  });

  test("another plan (a district's own): the workbook's, even when older", () => {
    const other = { ...PLAN, id: "other-district", version: "0.1.0" };
    expect(workbookPlan(stored(other), PLAN)).toMatchObject({ id: "other-district", version: "0.1.0" });
  });

  test("the same plan: the workbook's unless the embedded one is a newer release", () => {
    const [major, minor, patch] = PLAN.version.split(".").map(Number) as [number, number, number];
    const older = `${major}.${minor}.${Math.max(0, patch - 1)}`;
    const newer = `${major}.${minor}.${patch + 1}`;
    const edited = { ...PLAN, names: { ...PLAN.names, zh: "武进区规划（修订）" } };
    expect(workbookPlan(stored({ ...edited, version: PLAN.version }), PLAN).names.zh).toBe("武进区规划（修订）");
    expect(workbookPlan(stored({ ...edited, version: newer }), PLAN).names.zh).toBe("武进区规划（修订）");
    if (patch > 0) expect(workbookPlan(stored({ ...edited, version: older }), PLAN)).toBe(PLAN);
    expect(workbookPlan(stored({ ...edited, version: `${major - 1}.9.9` }), PLAN)).toBe(PLAN);
  });
});

describe("school rows", () => {
  const headers = [SH.school, SH.stage, SH.enrolment, ...SCHOOL_INDICATORS.map((i) => i.raw)];
  const school = (name: string, enrolment: Cell, k: number): Cell[] => [name, "小学", enrolment, ...SCHOOL_INDICATORS.map((_, j) => 10 + k * 3 + j)];
  const schools = (values: Cell[][]) => ({ tables: { schools: { name: TABLES.schools, sheet: "学校", col: 0, row: 0, headers, values, formulas: values } }, sheets: [], names: [], meta: null, year: null, protectedSheets: [] }) as unknown as WorkbookSnapshot;

  test("an enrolment typed as text weighs nothing: the coefficients are those of the schools with numbers", () => {
    const two = stageBalance(PLAN, schools([school("甲", 400, 0), school("乙", 900, 1)]), "primary", "zh");
    const withText = stageBalance(PLAN, schools([school("甲", 400, 0), school("乙", 900, 1), school("丙", "1,200", 2)]), "primary", "zh");
    expect(two.rows.every((r) => r.cv !== null)).toBe(true);
    expect(withText.rows.map((r) => r.cv)).toEqual(two.rows.map((r) => r.cv));
    // Text that reads as a number is still text in the cell (typed with an apostrophe, or imported):
    // the data check flags it, and until it is retyped it weighs nothing either.
    const numberText = stageBalance(PLAN, schools([school("甲", 400, 0), school("乙", 900, 1), school("丙", "1200", 2)]), "primary", "zh");
    expect(numberText.rows.map((r) => r.cv)).toEqual(two.rows.map((r) => r.cv));
    expect(numberText.failing.map((f) => f.school)).not.toContain("丙");
    const findings = checkWorkbook(PLAN, schools([school("丙", "1200", 2)]));
    expect(findings.map((f) => [f.code, f.address])).toContainEqual(["text-number", "C2"]);
  });
});

describe("a school with one figure left blank (fifth sample, seed 20261205)", () => {
  const headers = [SH.school, SH.stage, SH.enrolment, ...SCHOOL_INDICATORS.map((i) => i.raw)];
  const row = (name: string, enrolment: number, first: Cell): Cell[] => [name, "小学", enrolment, first, ...SCHOOL_INDICATORS.slice(1).map(() => 10)];
  const schools = (values: Cell[][]) => ({ tables: { schools: { name: TABLES.schools, sheet: "学校", col: 0, row: 0, headers, values, formulas: values } }, sheets: [], names: [], meta: null, year: null, protectedSheets: [] }) as unknown as WorkbookSnapshot;

  test("that figure's coefficient is over the other schools only, not with the blank as 0", () => {
    // 甲 100 pupils, 乙 100 pupils with first figures 10 and 30: per 100 pupils 10 and 30, mean 20,
    // deviation 10 each, CV 0.5. 丙 (300 pupils) left the figure blank: still 0.5 (as 0 it would pull the mean to 8).
    const balance = stageBalance(PLAN, schools([row("甲", 100, 10), row("乙", 100, 30), row("丙", 300, null)]), "primary", "zh");
    expect(balance.rows[0]!.cv).toBeCloseTo(0.5, 12);
  });

  test("the 2017 rule lists a school as failing only with all seven figures (fifth draw, seed 20261208)", () => {
    // 10 of each figure for 100 pupils is far below every primary standard: 甲 fails; 乙 lacks its first figure.
    const balance = stageBalance(PLAN, schools([row("甲", 100, 10), row("乙", 100, null)]), "primary", "zh");
    expect(balance.failing.map((f) => f.school)).toEqual(["甲"]);
  });

  test("a figure typed as text counts as blank too (the data check names it), not as its number", () => {
    const balance = stageBalance(PLAN, schools([row("甲", 100, 10), row("乙", 100, 30), row("丙", 300, "20")]), "primary", "zh");
    expect(balance.rows[0]!.cv).toBeCloseTo(0.5, 12);
  });
});

describe("a new period applied to the workbook's year cells", () => {
  const snapshot = {
    tables: { indicators: { name: TABLES.indicators, sheet: "规划指标", col: 0, row: 4, headers: ["ID"], values: [], formulas: [] } },
    sheets: ["规划指标"],
    names: [],
    meta: null,
    year: 2023,
    protectedSheets: [],
  } as unknown as WorkbookSnapshot;
  const withPeriod = (baseYear: number, targetYear: number) => ({ ...PLAN, period: { baseYear, startYear: baseYear + 1, targetYear } });

  test("the same period: nothing to change", () => {
    expect(periodOps(withPeriod(2020, 2025), PLAN, snapshot)).toEqual([]);
  });

  test.each([
    ["a new base year", 2021, 2025, [2022, 2023, 2024, 2025]],
    ["a new target year", 2020, 2026, [2021, 2022, 2023, 2024, 2025, 2026]],
    ["a new period", 2025, 2030, [2026, 2027, 2028, 2029, 2030]],
  ] as const)("%s: the year cell offers the new years; a year outside them moves to the first", (_what, base, target, years) => {
    const ops = periodOps(withPeriod(base, target), PLAN, snapshot);
    expect(ops[0]).toMatchObject({ op: "validation", sheet: "规划指标", address: "B3", rule: { kind: "list", options: years.map(String) } });
    const moves = ops.filter((o) => o.op === "setCells");
    expect(moves).toEqual((years as readonly number[]).includes(2023) ? [] : [{ op: "setCells", sheet: "规划指标", address: "B3", formulas: [[years[0]]] }]);
  });

  test("the year cell's prompt and error name the new first and last year, in the workbook's language (Chinese when unknown)", () => {
    const zh = periodOps(withPeriod(2025, 2030), PLAN, snapshot)[0] as Extract<WriteOp, { op: "validation" }>;
    expect([zh.title, zh.prompt, zh.error]).toEqual(["规划监测助手", "选择监测年份（2026–2030），各指标的预期值、完成度和状态随之更新。", "监测年份须在 2026 至 2030 之间。"]);
    const en = periodOps(withPeriod(2025, 2030), PLAN, { ...snapshot, meta: { language: "en" } } as unknown as WorkbookSnapshot)[0] as Extract<WriteOp, { op: "validation" }>;
    expect([en.prompt, en.error]).toEqual(["Choose the monitoring year (2026–2030); expected values, completion and statuses follow it.", "The monitoring year must be between 2026 and 2030."]);
  });
});

describe("a new period applied to the schools table's data-year cell", () => {
  // The schools sheet's data year (D1 by default, or wherever PM_SchoolYear points) gets the new
  // years' list; its value moves to the first new year only when it is not one of them.
  const snapshot = (schoolYear: unknown, namedCells?: unknown) =>
    ({
      tables: {
        indicators: { name: TABLES.indicators, sheet: "规划指标", col: 0, row: 4, headers: ["ID"], values: [], formulas: [] },
        schools: { name: TABLES.schools, sheet: "学校数据", col: 0, row: 2, headers: [SH.school], values: [], formulas: [] },
      },
      sheets: ["规划指标", "学校数据"],
      names: [],
      meta: null,
      year: 2027,
      schoolYear,
      namedCells,
      protectedSheets: [],
    }) as unknown as WorkbookSnapshot;
  const next = { ...PLAN, period: { baseYear: 2025, startYear: 2026, targetYear: 2030 } };
  const years = ["2026", "2027", "2028", "2029", "2030"];

  test.each([
    ["a data year outside the new period moves to its first year", 2023, [{ op: "setCells", sheet: "学校数据", address: "D1", formulas: [[2026]] }]],
    ["a data year inside it stays", 2028, []],
    ["a data year typed as text is no year: it moves", "2028", [{ op: "setCells", sheet: "学校数据", address: "D1", formulas: [[2026]] }]],
    ["a blank data year gets the first year", null, [{ op: "setCells", sheet: "学校数据", address: "D1", formulas: [[2026]] }]],
  ] as const)("%s", (_what, schoolYear, moves) => {
    const ops = periodOps(next, PLAN, snapshot(schoolYear));
    expect(ops.filter((o) => o.op === "validation").map((o) => [o.sheet, (o as { address: string }).address, (o as { rule: unknown }).rule])).toEqual([
      ["规划指标", "B3", { kind: "list", options: years }],
      ["学校数据", "D1", { kind: "list", options: years }],
    ]);
    // The indicators' year (2027) is inside the new period: only the schools' year may move.
    expect(ops.filter((o) => o.op === "setCells")).toEqual(moves);
  });

  test("the cell the workbook's name points at is the one changed, not D1", () => {
    const ops = periodOps(next, PLAN, snapshot(2021, { PM_SchoolYear: { sheet: "学校", address: "F2" } }));
    expect(ops.filter((o) => o.op !== "validation" || o.sheet === "学校")).toEqual([
      expect.objectContaining({ op: "validation", sheet: "学校", address: "F2", rule: { kind: "list", options: years } }),
      { op: "setCells", sheet: "学校", address: "F2", formulas: [[2026]] },
    ]);
  });
});

describe("which sheets a write touches (protection and filters)", () => {
  const table = (name: string, sheet: string, filter?: unknown[]) => ({ name, sheet, col: 0, row: 0, headers: [], values: [], formulas: [], filter });
  const snapshot = (protection: boolean): WorkbookSnapshot =>
    ({
      tables: { indicators: table("T_Rows", "甲", ["x"]), tasks: table("T_Cols", "乙", ["y"]), schools: table("T_Rename", "丙"), funding: table("T_Other", "丁", ["z"]) },
      sheets: ["甲", "乙", "丙", "丁", "戊"],
      names: [],
      meta: protection ? { protection: true } : null,
      year: null,
      protectedSheets: ["甲", "乙", "丙", "丁", "戊"],
    }) as unknown as WorkbookSnapshot;
  // A table grows or changes its columns on its own sheet, which the op does not name.
  const ops: WriteOp[] = [
    { op: "addTableRows", table: "T_Rows", rows: [[""]] },
    { op: "addTableColumn", table: "T_Cols", header: "新列" },
    { op: "renameTableColumn", table: "T_Rename", from: "旧", to: "新" },
    { op: "setCells", sheet: "戊", address: "A1", formulas: [[1]] },
  ];

  test("the add-in's own protection is lifted on exactly those sheets, and put back", () => {
    const wrapped = withProtection(ops, snapshot(true));
    expect(wrapped.filter((o) => o.op === "unprotect").map((o) => (o as { sheet: string }).sheet)).toEqual(["甲", "乙", "丙", "戊"]);
    expect(wrapped.filter((o) => o.op === "protect").map((o) => (o as { sheet: string }).sheet)).toEqual(["甲", "乙", "丙", "戊"]);
    expect(wrapped.slice(4, 8)).toEqual(ops);
  });

  test("a sheet someone else protected is named before anything is written", () => {
    const message = protectionProblem([ops[1]!], snapshot(false));
    expect(message?.zh).toContain("乙");
    expect(protectionProblem([{ op: "clearFilters", table: "T_Other" }], snapshot(false))).toBeNull();
  });

  test("filters are cleared on the tables of the touched sheets only, and restored after", () => {
    const wrapped = withFilters(ops, snapshot(false));
    expect(wrapped.filter((o) => o.op === "clearFilters")).toEqual([
      { op: "clearFilters", table: "T_Rows" },
      { op: "clearFilters", table: "T_Cols" },
    ]);
    expect(wrapped.at(-1)).toEqual({ op: "restoreFilters", table: "T_Cols", criteria: ["y"] });
  });
});

describe("what an action needs from the workbook", () => {
  const indicators = (headers: string[]) =>
    ({ tables: { indicators: { name: TABLES.indicators, sheet: "规划指标", col: 0, row: 4, headers, values: [], formulas: [] } }, sheets: ["规划指标"], names: [], meta: { protection: false }, year: 2023, protectedSheets: [] }) as unknown as WorkbookSnapshot;

  test("the indicator table, and the column of the year asked for", () => {
    const table = indicators(["ID", yearHeader(2023)]);
    expect(templateProblem(table)).toBeNull();
    expect(templateProblem(table, 2023)).toBeNull();
    expect(templateProblem(table, 2024)?.en).toBe('The table PM_Indicators has no "2024" column (deleted or renamed?): re-insert the template to restore it; values already entered stay as they are.');
    expect(templateProblem({ ...table, tables: {} })?.en).toMatch(/^The workbook has the plan template, but the table PM_Indicators is missing/);
    expect(templateProblem({ ...table, tables: {}, meta: null })?.en).toBe("This workbook has no plan template yet: click Insert template first.");
  });

  test("cached results for a workbook without a task table: the indicator columns only, no task sheet", () => {
    const values: Cell[][] = [["LOC-01", 0.9]];
    const table = { name: TABLES.indicators, sheet: "规划指标", col: 0, row: 4, headers: [IH.id, IH.status], values, formulas: values };
    const ops = resultOps(PLAN, { tables: { indicators: table }, sheets: ["规划指标"], names: [], meta: null, year: 2023, protectedSheets: [] } as unknown as WorkbookSnapshot, "zh");
    expect(ops.map((o) => (o as { sheet: string }).sheet)).toEqual(["规划指标"]);
  });
});

describe("A1 addresses", () => {
  test("a sheet-qualified, absolute or range address reads as its first cell; anything else is refused by name", () => {
    expect(parseAddress("'学校 数据'!$C$7:D9")).toEqual({ sheet: "学校 数据", col: 2, row: 6 });
    expect(parseAddress("AB12")).toEqual({ sheet: null, col: 27, row: 11 });
    for (const bad of ["A", "12", "A1B", "表!"]) expect(() => parseAddress(bad)).toThrow(`Not an A1 address: ${bad}`);
  });
});

