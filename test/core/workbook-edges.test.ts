/**
 * Edges of the workbook core a fresh sampled mutation run of src/core/workbook left untested (issue 16):
 * the funding table's first year, rows without a name, project years, the plan definition's percent
 * and group rules, the language a workbook keeps, the order of protection and filter operations, the
 * drop-down rules of single columns. Snapshots typed by hand; expected values worked out from the rules
 * the messages state, not by calling the product.
 */
import { checkWorkbook, type Finding } from "../../src/core/workbook/check";
import { definitionRows, movedYears, readDefinition } from "../../src/core/workbook/definition";
import { planInsert, withFilters, withProtection } from "../../src/core/workbook/insert";
import { planAddRows, planHighlights, planProtection } from "../../src/core/workbook/actions";
import { assessBuilding, ledgerFeed } from "../../src/core/workbook/building";
import { templateRows } from "../../src/core/workbook/rows";
import { stageBalance } from "../../src/core/workbook/schools";
import { BALANCE_NAMES, BH, BUH, CH, DH, FH, IH, MH, PH, SCHOOL_INDICATORS, SH, TABLES, TH, definitionTable, balanceTable, noteHeader, fundingTable, indicatorTable, milestoneTable, projectTable, schoolTable, taskTable, yearHeader, type TableKey, type TableSpec } from "../../src/core/workbook/layout";
import { metaFromCells, planChunks } from "../../src/core/workbook/meta";
import { assessYear } from "../../src/core/workbook/assess";
import { resultOps } from "../../src/core/workbook/results";
import { carryOps } from "../../src/core/workbook/apply";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { COLORS, type Cell, type TableSnapshot, type WorkbookSnapshot, type WriteOp } from "../../src/core/workbook/model";

const PLAN = embeddedPlan();

/** One table of `spec`'s columns at A3 (header row 3, data from row 4), its rows given by header. */
function only(key: TableKey, spec: TableSpec, rows: Array<Record<string, Cell>>, extra: Partial<WorkbookSnapshot> = {}): WorkbookSnapshot {
  const headers = spec.columns.map((c) => c.header);
  const values = rows.map((r) => headers.map((h) => (h in r ? r[h]! : null)));
  return {
    tables: { [key]: { name: spec.name, sheet: "表", col: 0, row: 2, headers, values, formulas: values } },
    sheets: ["表"],
    names: [],
    meta: null,
    year: 2023,
    protectedSheets: [],
    ...extra,
  };
}

const codes = (findings: Finding[]) => findings.map((f) => [f.code, f.address, f.key]);

describe("the funding table's years run on from its first row", () => {
  const rows = (...years: Cell[]) => years.map((y) => ({ [FH.year]: y }));

  test("a first year before the base year (an earlier period's) sets the order: 2019, 2020, 2021 is no error", () => {
    expect(checkWorkbook(PLAN, only("funding", fundingTable(PLAN), rows(2019, 2020, 2021)))).toEqual([]);
  });

  test("a first year that is text or not whole: the base year (2020) is expected there, and the rows below follow it", () => {
    // "2020" typed as text: A4 named (a number is expected), A5 and A6 in order from 2020.
    const text = checkWorkbook(PLAN, only("funding", fundingTable(PLAN), rows("2020", 2021, 2022)));
    expect(codes(text)).toEqual([["funding-year", "A4", "2020"]]);
    expect(text[0]!.message.zh).toBe("A4：此处应为 2020 年（教育经费表每年一行，按年份从早到晚排列），现为“2020”。请改回年份顺序，增长率按上一行计算。");
    // 2020.5: A4 named, then 2021 and 2022 are where 2020 + 1 and 2020 + 2 belong.
    expect(codes(checkWorkbook(PLAN, only("funding", fundingTable(PLAN), rows(2020.5, 2021, 2022))))).toEqual([["funding-year", "A4", "2020.5"]]);
    // A blank year cell is named by its row.
    // The blank year's row is keyed by its position in the table for every finding on it (sixth draw).
    const negative = checkWorkbook(PLAN, only("funding", fundingTable(PLAN), [{ [FH.year]: 2020 }, { [FH.year]: null, [FH.budget]: -5 }]));
    expect(codes(negative)).toEqual([["funding-year", "A5", "#2"], ["negative", `${String.fromCharCode(65 + fundingTable(PLAN).columns.findIndex((c) => c.header === FH.budget))}5`, "#2"]]);
    const blank = checkWorkbook(PLAN, only("funding", fundingTable(PLAN), rows(2020, null)));
    expect(codes(blank)).toEqual([["funding-year", "A5", "#2"]]);
    expect(blank[0]!.message.zh).toBe("A5：此处应为 2021 年（教育经费表每年一行，按年份从早到晚排列），现为“”。请改回年份顺序，增长率按上一行计算。");
  });
});

describe("rows without a name are named by their row in the table", () => {
  const seven = Object.fromEntries(SCHOOL_INDICATORS.map((i) => [i.raw, 10]));

  test("a row with one figure typed and nothing else (no name, no stage) is not an empty row: it is named", () => {
    const findings = checkWorkbook(PLAN, only("schools", schoolTable(), [{ [SH.school]: "湖塘实验小学", [SH.stage]: "小学", [SH.enrolment]: 900, [SH.classes]: 20, [SH.standardClasses]: 20, ...seven }, { [SH.classes]: 12 }]));
    expect(codes(findings).filter(([, address]) => /5$/.test(String(address)))[0]).toEqual(["missing-school", "A5", "#2"]);
  });

  test("a school row with data but no name: missing-school and the enrolment it lacks, both keyed #2", () => {
    const findings = checkWorkbook(
      PLAN,
      only("schools", schoolTable(), [
        { [SH.school]: "湖塘实验小学", [SH.stage]: "小学", [SH.enrolment]: 900, [SH.classes]: 20, [SH.standardClasses]: 20, ...seven },
        { [SH.stage]: "小学", [SH.classes]: 12, [SH.standardClasses]: 12, ...seven },
      ]),
    );
    expect(codes(findings)).toEqual([
      ["missing-school", "A5", "#2"],
      ["missing-enrolment", "C5", "#2"],
    ]);
    expect(findings[1]!.message.zh).toBe("C5：#2 缺少在校生数，差异系数无法按学生加权。请填写在校生数。");
  });

  test("a project with an unreadable choice and impossible years: each cell named, the text and the choices quoted", () => {
    const findings = checkWorkbook(
      PLAN,
      only("projects", projectTable(PLAN), [
        { [PH.name]: "湖塘新校", [PH.stage]: "小学", [PH.kind]: "新建", [PH.places]: 1350, [PH.start]: 2021.5, [PH.completion]: 3000, [PH.state]: "在盖" },
      ]),
    );
    const at = (h: string) => `${String.fromCharCode(65 + projectTable(PLAN).columns.findIndex((c) => c.header === h))}4`;
    expect(codes(findings)).toEqual([
      ["unknown-choice", at(PH.state), "湖塘新校"],
      ["project-year", at(PH.start), "湖塘新校"],
      ["project-year", at(PH.completion), "湖塘新校"],
    ]);
    expect(findings[0]!.message.zh).toBe(`${at(PH.state)}：“在盖”不在可选项中。请从下拉列表选择：未开工 / 在建 / 已竣工 / 已交付使用。`);
    expect(findings[1]!.message.en).toBe(`${at(PH.start)}: 2021.5 is not a year. Enter a four-digit year such as 2022.`);
  });
});

describe("the plan definition as typed", () => {
  const headers = definitionTable().columns.map((c) => c.header);
  const named = (sheet: string) => ({
    PM_BaseYear: { value: 2020, sheet, address: "B3" },
    PM_TargetYear: { value: 2025, sheet, address: "D3" },
    PM_PlanName: { value: PLAN.names.zh, sheet, address: "F3" },
    PM_PlanNameEn: { value: PLAN.names.en, sheet, address: "H3" },
  });
  /** The embedded plan's definition rows with `edits` (by row ID, then header) typed over them; rows whose ID maps to null are cleared. */
  function definition(edits: Record<string, Record<string, Cell> | null>, added: Array<Record<string, Cell>> = [], years: { base?: Cell; target?: Cell; name?: Cell; nameEn?: Cell } = {}) {
    const rows = [...definitionRows(PLAN, "zh").map((r) => (edits[r.key] === null ? null : { ...r.cells, ...edits[r.key] })), ...added]
      .map((cells) => headers.map((h) => (cells ? (cells[h] ?? null) : null)));
    const snapshot: WorkbookSnapshot = {
      tables: { plan: { name: TABLES.plan, sheet: "规划定义", col: 0, row: 4, headers, values: rows, formulas: rows } },
      sheets: ["规划定义"],
      names: [],
      meta: null,
      year: 2023,
      protectedSheets: [],
      namedCells: named("规划定义"),
    };
    if ("base" in years) snapshot.namedCells!.PM_BaseYear!.value = years.base!;
    if ("target" in years) snapshot.namedCells!.PM_TargetYear!.value = years.target!;
    if ("name" in years) snapshot.namedCells!.PM_PlanName!.value = years.name!;
    if ("nameEn" in years) snapshot.namedCells!.PM_PlanNameEn!.value = years.nameEn!;
    return readDefinition(snapshot, PLAN, "zh");
  }
  const row = (id: string) => 6 + definitionRows(PLAN, "zh").findIndex((r) => r.key === id);
  const col = (h: string) => String.fromCharCode(65 + headers.indexOf(h));
  const indicator = (result: ReturnType<typeof definition>, id: string) => {
    expect(result.kind === "ok" ? "ok" : result).toBe("ok");
    return result.kind === "ok" ? result.plan.indicators.find((i) => i.id === id) : undefined;
  };

  test("unchanged, it reads back as the embedded plan (strictly: no field added, not even an undefined one)", () => {
    expect(definition({})).toStrictEqual({ kind: "ok", plan: PLAN, carried: [], moves: [], period: PLAN.period });
  });

  test("a row follows the old period to the new one only when it no longer fits and every year lands inside (by hand)", () => {
    const old = { baseYear: 2020, startYear: 2021, targetYear: 2025 };
    const next = { baseYear: 2025, startYear: 2026, targetYear: 2030 };
    // With the start: 2021–2023 → 2026–2028; the old target year is the new one: 2025 → 2030, 2021–2025 → 2026–2030.
    expect([movedYears([2021, 2023], old, next), movedYears([2025], old, next), movedYears([2021, 2025], old, next), movedYears([2023], old, next)]).toEqual([[2026, 2028], [2030], [2026, 2030], [2028]]);
    // The same period, a row that still fits, a year outside the old period, no year: nothing to move.
    expect([movedYears([2023], old, old), movedYears([2027], old, { ...next, baseYear: 2024, startYear: 2025 }), movedYears([2019], old, next), movedYears([], old, next)]).toEqual([null, null, null, null]);
    // A longer new period (2026–2035): the target year follows the target, others the start.
    expect(movedYears([2022, 2025], old, { baseYear: 2025, startYear: 2026, targetYear: 2035 })).toEqual([2027, 2035]);
    // Shifted by three (2024–2028): 2021–2023 → 2024–2026, 2021 → 2024; 2021–2025 half outside moves whole: 2024–2028.
    const shifted = { baseYear: 2023, startYear: 2024, targetYear: 2028 };
    expect([movedYears([2021, 2023], old, shifted), movedYears([2021], old, shifted), movedYears([2021, 2025], old, shifted)]).toEqual([[2024, 2026], [2024], [2024, 2028]]);
    // A period of one year written twice (2023–2023) keeps its one year.
    expect(movedYears([2023, 2023], old, next)).toEqual([2028, 2028]);
    // A shorter new period where the shifted year falls outside it: no offer (the row stays refused).
    expect(movedYears([2024], old, { baseYear: 2025, startYear: 2026, targetYear: 2027 })).toBeNull();
  });

  test("属性: 约束性 / 预期性 read in either language onto indicators and tasks; blank is none; other text is named at its cell", () => {
    const read = definition({ "INT-01": { [DH.attribute]: "约束性" }, "T-BLD-PROJ": { [DH.attribute]: "Expected" } });
    expect(indicator(read, "INT-01")!.attribute).toBe("binding");
    expect(read.kind === "ok" && read.plan.tasks.find((t) => t.id === "T-BLD-PROJ")!.attribute).toBe("expected");
    expect(indicator(read, "INT-02")!.attribute).toBeUndefined();
    // Written back the way it was read.
    expect(read.kind === "ok" && definitionRows(read.plan, "zh").find((r) => r.key === "INT-01")!.cells[DH.attribute]).toBe("约束性");
    const bad = definition({ "INT-01": { [DH.attribute]: "必须" } });
    expect(bad.kind === "invalid" && bad.problems.map((f) => [f.address, f.message.zh])).toEqual([[`${col(DH.attribute)}${row("INT-01")}`, `规划定义!${col(DH.attribute)}${row("INT-01")}：属性“必须”无法识别。请填写约束性或预期性，或留空。`]]);
  });

  test("a new indicator row: its fields as typed, English name from the Chinese, next item of its group, source from the row", () => {
    const group = PLAN.groups.find((g) => g.names.zh === "地方发展性指标")!;
    const row = { [DH.id]: "NEW-01", [DH.kind]: "指标", [DH.group]: "地方发展性指标", [DH.name]: "课后服务覆盖率", [DH.unit]: "%", [DH.direction]: "越高越好", [DH.baseline]: "80", [DH.target]: "95" };
    const read = definition({}, [row, { ...row, [DH.id]: "NEW-02", [DH.name]: "午餐供应率", [DH.nameEn]: "School lunches", [DH.source]: 300 }]);
    const items = PLAN.indicators.filter((i) => i.group === group.id).length;
    // Both rise from 80 % to 95 %, in the group typed; the second names its English name and source line.
    const added = (id: string, item: number, zh: string, en: string, line: number) => ({
      id,
      group: group.id,
      item,
      names: { zh, en },
      unit: "percent",
      direction: "higher",
      baseline: { value: 0.8, comparator: "=", text: "80" },
      target: { value: 0.95, comparator: "=", text: "95" },
      source: { chapter: 1, line, quote: `${zh} 95` },
    });
    expect(read.kind === "ok" ? read.plan.indicators.slice(-2) : read).toStrictEqual([
      added("NEW-01", items + 1, "课后服务覆盖率", "课后服务覆盖率", 1),
      added("NEW-02", items + 2, "午餐供应率", "School lunches", 300),
    ]);
  });

  test("a new task's unit from its label: 人 and 名 are persons, 年 years, % a percentage, anything else a count", () => {
    const task = (id: string, unit: string) => ({ [DH.id]: id, [DH.kind]: "任务", [DH.group]: "新章节", [DH.name]: `任务${id}`, [DH.unit]: unit, [DH.target]: "30", [DH.period]: "2025" });
    const read = definition({}, [task("N-1", "人"), task("N-2", "名"), task("N-3", "年"), task("N-4", "%"), task("N-5", "台")]);
    expect(read.kind === "ok" ? read.plan.tasks.slice(-5).map((t) => [t.id, t.unit, t.unitLabel.zh]) : read).toEqual([
      ["N-1", "persons", "人"],
      ["N-2", "persons", "名"],
      ["N-3", "years", "年"],
      ["N-4", "percent", "%"],
      ["N-5", "count", "台"],
    ]);
    expect(read.kind === "ok" ? read.plan.tasks.at(-1) : read).toStrictEqual({
      id: "N-5",
      section: "新章节",
      names: { zh: "任务N-5", en: "任务N-5" },
      unit: "count",
      unitLabel: { zh: "台", en: "台" },
      period: { from: 2025, to: 2025 },
      perYear: false,
      source: { chapter: 1, line: 1, quote: "30" },
      kind: "level",
      target: { value: 30, comparator: "=", text: "30" },
    });
  });

  test("text in a percent row: 1%, 1.5 (points) and 0 are read; only a bare figure between 0 and 1.5 is refused as ambiguous", () => {
    // 1% and 1.5 points are 0.01 and 0.015 (LOC-08 rises from 0.5 %); a 0 % baseline is no fraction.
    const read = definition({ "LOC-08": { [DH.baseline]: "0.5%", [DH.target]: "1%" }, "LOC-09": { [DH.baseline]: "0.5%", [DH.target]: "1.5" }, "LOC-06": { [DH.baseline]: "0", [DH.target]: "40" } });
    expect([indicator(read, "LOC-08")?.target.value, indicator(read, "LOC-09")?.target.value, indicator(read, "LOC-06")?.baseline.value]).toEqual([0.01, 0.015, 0]);
    // "1.49" is below 1.5: 1.49 % or 149 %? Refused, naming the cell.
    const bad = definition({ "LOC-09": { [DH.target]: "1.49" } });
    expect(bad.kind === "invalid" ? bad.problems.map((p) => p.address) : bad).toEqual([`${col(DH.target)}${row("LOC-09")}`]);
  });

  test("a small figure in a row that is not a percentage is itself: a coefficient bound of <0.012", () => {
    expect(indicator(definition({ "LOC-04-PRI": { [DH.target]: "<0.012" } }), "LOC-04-PRI")?.target).toEqual({ value: 0.012, comparator: "<", text: "<0.012" });
  });

  test("a group name the plan does not have becomes a new group after the plan's own", () => {
    const read = definition({ "LOC-12": { [DH.group]: "新增领域" } });
    expect(read.kind === "ok" && read.plan.groups.at(-1)).toEqual({ id: `g${PLAN.groups.length + 1}`, names: { zh: "新增领域", en: "新增领域" } });
    expect(indicator(read, "LOC-12")?.group).toBe(`g${PLAN.groups.length + 1}`);
  });

  test("a group typed by its English name or its ID is the plan's group", () => {
    const group = PLAN.indicators.find((i) => i.id === "LOC-12")!.group;
    const names = PLAN.groups.find((g) => g.id === group)!.names;
    for (const typed of [names.en, group]) {
      const read = definition({ "LOC-12": { [DH.group]: typed } });
      expect([typed, indicator(read, "LOC-12")?.group, read.kind === "ok" && read.plan.groups.length]).toEqual([typed, group, PLAN.groups.length]);
    }
  });

  test("a target below the baseline of an indicator that should rise: refused at its direction cell (the loader's rule, mapped to the row)", () => {
    const read = definition({ "LOC-01": { [DH.target]: "90" } });
    expect(read.kind === "invalid" ? read.problems.map((p) => p.address) : read).toEqual([`${col(DH.direction)}${row("LOC-01")}`]);
  });

  test("a milestone without a planned year is refused at its period cell", () => {
    const id = PLAN.milestones[0]!.id;
    const read = definition({ [id]: { [DH.period]: null } });
    expect(read.kind === "invalid" ? read.problems.map((p) => [p.address, p.message.zh]) : read).toEqual([
      [`${col(DH.period)}${row(id)}`, `规划定义!${col(DH.period)}${row(id)}：里程碑须填写计划完成的年份（“”不是年份）。`],
    ]);
  });

  test("no indicator left: refused, named at the plan's name cell (the whole plan is wrong, not a row)", () => {
    const read = definition(Object.fromEntries(PLAN.indicators.map((i) => [i.id, null])));
    expect(read.kind).toBe("invalid");
    if (read.kind !== "invalid") return;
    expect(new Set(read.problems.map((p) => `${p.sheet}!${p.address}`))).toEqual(new Set(["规划定义!F3"]));
    expect(read.problems[0]!.message.zh).toMatch(/^规划定义!F3：/);
    expect(read.problems.map((p) => [p.key, p.header])).toEqual(read.problems.map(() => ["", ""]));
  });

  // Third sample (seed 20261203): rows half typed, cells with spaces around, a task's changed unit label.
  const newTask = (cells: Record<string, Cell>) => ({ [DH.id]: "N-7", [DH.kind]: "任务", [DH.group]: "新章节", [DH.name]: "新任务", [DH.unit]: "个", [DH.target]: "3", [DH.period]: "2025", ...cells });
  test("an added row with an ID and a kind but no name is named at its name cell; one with only a name at its kind cell", () => {
    const addedRow = 6 + definitionRows(PLAN, "zh").length; // the first row below the plan's own (data from row 6)
    const noName = definition({}, [newTask({ [DH.name]: null })]);
    expect(noName.kind === "invalid" ? noName.problems.map((p) => [p.address, p.key]) : noName).toEqual([[`${col(DH.name)}${addedRow}`, "N-7"]]);
    const onlyName = definition({}, [{ [DH.name]: "只有名称" }]);
    expect(onlyName.kind === "invalid" ? onlyName.problems.map((p) => [p.address, p.key]) : onlyName).toEqual([[`${col(DH.kind)}${addedRow}`, `#${definitionRows(PLAN, "zh").length + 1}`]]);
  });

  // Fourth sample (seed 20261204): the period's order, an unknown kind's text, a name's spaces.
  test("a target year not after the base year is named at the target year's cell; a bad year only at its own cell", () => {
    const problems = (years: { base?: Cell; target?: Cell }): string[][] | string => {
      const read = definition({}, [], years);
      // The period's own cells (rows whose years fall outside a changed period are named too, elsewhere).
      return read.kind === "invalid" ? read.problems.filter((p) => p.address === "B3" || p.address === "D3").map((p) => [p.address, p.message.zh]) : read.kind;
    };
    // A title cell, not a row: no key, no column header.
    const same = definition({}, [], { base: 2025, target: 2025 });
    expect(same.kind === "invalid" ? same.problems.filter((p) => p.address === "D3").map((p) => [p.sheet, p.key, p.header]) : same).toEqual([["规划定义", "", ""]]);
    expect(problems({ base: 2025, target: 2025 })).toEqual([["D3", "规划定义!D3：目标年 2025 不晚于基期年 2025。目标年须晚于基期年，如基期年 2025、目标年 2030。"]]);
    expect(problems({ base: 2025, target: 2024 })).toEqual([["D3", "规划定义!D3：目标年 2024 不晚于基期年 2025。目标年须晚于基期年，如基期年 2025、目标年 2030。"]]);
    const addresses = (years: { base?: Cell; target?: Cell }) => {
      const p = problems(years);
      return typeof p === "string" ? p : p.map((x) => x[0]);
    };
    expect(addresses({ base: "二〇二〇" })).toEqual(["B3"]);
    expect(addresses({ target: "二〇二五" })).toEqual(["D3"]);
  });

  test("a year of the period is a whole number from 1900 to 2200, typed as a number (sixth sample, seed 20261206)", () => {
    const at = (years: { base?: Cell; target?: Cell }) => {
      const read = definition({}, [], years);
      return read.kind === "invalid" ? read.problems.filter((p) => p.address === "B3" || p.address === "D3").map((p) => p.address) : [];
    };
    expect([at({ base: 1900 }), at({ target: 2200 })]).toEqual([[], []]);
    expect([at({ base: 1899 }), at({ target: 2201 }), at({ base: 2020.5 }), at({ base: "2020" })]).toEqual([["B3"], ["D3"], ["B3"], ["B3"]]);
  });

  test("the plan's names: a blank Chinese name keeps the plan's; a blank English name takes the Chinese one typed", () => {
    const names = (typed: { name?: Cell; nameEn?: Cell }) => {
      const read = definition({}, [], typed);
      return read.kind === "ok" ? read.plan.names : read;
    };
    expect(names({ name: null, nameEn: null })).toEqual(PLAN.names);
    expect(names({ name: "某区教育规划", nameEn: null })).toEqual({ zh: "某区教育规划", en: "某区教育规划" });
    expect(names({ name: "某区教育规划", nameEn: "A district plan" })).toEqual({ zh: "某区教育规划", en: "A district plan" });
  });

  test("a group left without indicators (all moved to another) is dropped from the plan", () => {
    const group = PLAN.indicators.find((i) => i.id === "LOC-12")!.group;
    const other = PLAN.groups.find((g) => g.id === PLAN.indicators.find((i) => i.id === "INT-01")!.group)!.names.zh;
    const moved = Object.fromEntries(PLAN.indicators.filter((i) => i.group === group).map((i) => [i.id, { [DH.group]: other }]));
    const read = definition(moved);
    expect(read.kind === "ok" ? [read.plan.groups.length, read.plan.groups.some((g) => g.id === group)] : read).toEqual([PLAN.groups.length - 1, false]);
  });

  test("an indicator's unit the list does not have is quoted with the choices", () => {
    const read = definition({ "LOC-01": { [DH.unit]: "斤" } });
    expect(read.kind === "invalid" ? read.problems.map((p) => p.message.zh) : read).toEqual([
      `规划定义!${col(DH.unit)}${row("LOC-01")}：单位“斤”无法识别。请填写：% / 比值（N:1） / 年 / 系数 / 个数 / 人数 / 金额 / 面积（毛入学率等可超过 100% 的填写“%（毛率）”，巩固率填写“%（巩固率）”）。`,
    ]);
  });

  test("an indicator's unit left blank is quoted as empty", () => {
    const read = definition({ "LOC-01": { [DH.unit]: null } });
    expect(read.kind === "invalid" ? read.problems.map((p) => p.message.zh) : read).toEqual([
      `规划定义!${col(DH.unit)}${row("LOC-01")}：单位“”无法识别。请填写：% / 比值（N:1） / 年 / 系数 / 个数 / 人数 / 金额 / 面积（毛入学率等可超过 100% 的填写“%（毛率）”，巩固率填写“%（巩固率）”）。`,
    ]);
  });

  test("a task keeps its unit while its label is the plan's, and takes the new label's unit when changed", () => {
    // T-TEA-03's label 名 would read as persons, but the plan counts it (unit: count); T-PRE-04's 项 changed to 年.
    const read = definition({ "T-PRE-04": { [DH.unit]: "年" } });
    const unit = (id: string) => (read.kind === "ok" ? read.plan.tasks.find((t) => t.id === id)!.unit : read);
    expect([unit("T-TEA-03"), unit("T-PRE-04")]).toEqual(["count", "years"]);
  });

  test("a task in 万元 or 平方米 reads as money or area; a measure word the list lacks as a count", () => {
    const read = definition({ "T-PRE-04": { [DH.unit]: "万元" }, "T-TEA-03": { [DH.unit]: "平方米" }, "T-PRE-02": { [DH.unit]: "条" } });
    const unit = (id: string) => (read.kind === "ok" ? read.plan.tasks.find((t) => t.id === id)!.unit : read);
    expect([unit("T-PRE-04"), unit("T-TEA-03"), unit("T-PRE-02")]).toEqual(["money", "area", "count"]);
  });

  test("a kind the list does not have is quoted in its message; a blank one as empty quotes", () => {
    const where = `规划定义!${col(DH.kind)}${6 + definitionRows(PLAN, "zh").length}`;
    for (const [kind, quoted] of [["指示", "“指示”"], [null, "“”"]] as const) {
      const read = definition({}, [newTask({ [DH.kind]: kind })]);
      expect(read.kind === "invalid" ? read.problems.map((p) => p.message.zh) : read).toEqual([`${where}：类别${quoted}无法识别。请从列表中选择：指标 / 任务 / 里程碑。`]);
    }
  });

  test("a stage the list does not have is named at its cell (fifth sample, seed 20261205)", () => {
    const read = definition({ "LOC-04-PRI": { [DH.stage]: "大学" } });
    expect(read.kind === "invalid" ? read.problems.map((p) => p.address) : read).toEqual([`${col(DH.stage)}${row("LOC-04-PRI")}`]);
  });

  test("a new task with its target left blank, and a new row without an ID, are named where the cell is", () => {
    const addedRow = 6 + definitionRows(PLAN, "zh").length;
    const blank = definition({}, [newTask({ [DH.target]: null })]);
    expect(blank.kind === "invalid" ? blank.problems.map((p) => [p.address, p.key, p.message.zh]) : blank).toEqual([[`${col(DH.target)}${addedRow}`, "N-7", `规划定义!${col(DH.target)}${addedRow}：此处须填写数值（按规划原文，如 92.52、＜0.40、5–7个）。`]]);
    const noId = definition({}, [newTask({ [DH.id]: null })]);
    expect(noId.kind === "invalid" ? noId.problems.map((p) => [p.address, p.key]) : noId).toEqual([[`${col(DH.id)}${addedRow}`, `#${definitionRows(PLAN, "zh").length + 1}`]]);
  });

  test("a task's target typed with a space before 每年 is still due every year", () => {
    const read = definition({}, [newTask({ [DH.target]: " 每年3" })]);
    const task = read.kind === "ok" ? read.plan.tasks.at(-1)! : undefined;
    expect(task && task.kind !== "range" ? [task.perYear, task.target.value] : read).toEqual([true, 3]);
  });

  test("spaces around a name are not part of it (nor of the English name taken from it)", () => {
    const read = definition({}, [newTask({ [DH.name]: " 新任务 " })]);
    expect(read.kind === "ok" ? read.plan.tasks.at(-1)!.names : read).toEqual({ zh: "新任务", en: "新任务" });
  });

  test("spaces around an English name are not part of it; an English name of spaces only is the Chinese one", () => {
    const spaced = definition({}, [newTask({ [DH.nameEn]: "  New task  " })]);
    expect(spaced.kind === "ok" ? spaced.plan.tasks.at(-1)!.names : spaced).toEqual({ zh: "新任务", en: "New task" });
    const blank = definition({}, [newTask({ [DH.name]: "新任务", [DH.nameEn]: "   " })]);
    expect(blank.kind === "ok" ? blank.plan.tasks.at(-1)!.names : blank).toEqual({ zh: "新任务", en: "新任务" });
  });

  test("每年 after the figure is not a yearly target: the cell is named, the word is not dropped to read a total of 300", () => {
    const read = definition({}, [newTask({ [DH.target]: "300每年" })]);
    const addedRow = 6 + definitionRows(PLAN, "zh").length;
    expect(read.kind === "invalid" ? read.problems.map((p) => p.address) : read).toEqual([`${col(DH.target)}${addedRow}`]);
  });

  test("a range with more typed on a second line (Alt+Enter) is named, not read as its first line", () => {
    const read = definition({}, [newTask({ [DH.target]: "3-5\n待定" })]);
    const addedRow = 6 + definitionRows(PLAN, "zh").length;
    expect(read.kind === "invalid" ? read.problems.map((p) => p.address) : read).toEqual([`${col(DH.target)}${addedRow}`]);
  });

  test("fifth draw (seed 20261208): a year cell left blank is named with its sheet and quoted as empty; text is quoted as typed", () => {
    for (const [base, quoted] of [[null, "“”"], ["二〇二〇", "“二〇二〇”"]] as const) {
      const read = definition({}, [], { base });
      expect(read.kind === "invalid" ? read.problems.map((p) => [p.sheet, p.address, p.key, p.header]) : read).toEqual([["规划定义", "B3", "", ""]]);
      expect(read.kind === "invalid" ? read.problems[0]!.message.zh : read).toContain(`规划定义!B3：`);
      expect(read.kind === "invalid" ? read.problems[0]!.message.zh : read).toContain(quoted);
    }
  });

  test("fifth draw: an indicator's target typed as a range (95%～98%) is not one figure: the cell is named", () => {
    const read = definition({ "LOC-01": { [DH.target]: "95%～98%" } });
    expect(read.kind === "invalid" ? read.problems.map((p) => p.address) : read).toEqual([`${col(DH.target)}${row("LOC-01")}`]);
  });

  test("fifth draw: a task's 'a–b…以上' is read as at least a, in points where its unit is % (90–95以上 → ≥ 90 %)", () => {
    const read = definition({}, [newTask({ [DH.unit]: "%", [DH.target]: "90–95以上" })]);
    const task = read.kind === "ok" ? read.plan.tasks.at(-1)! : undefined;
    expect(task && task.kind !== "range" ? [task.target.value, task.target.comparator] : read).toEqual([0.9, ">="]);
  });

  test("a baseline and target that do not fit the direction are explained in the planner's words, not the plan file's keys", () => {
    const read = definition({ "LOC-01": { [DH.target]: "90%" } }); // 越高越好, from 92.52 % down to 90 %
    const message = read.kind === "invalid" ? read.problems.map((p) => p.message) : read;
    expect(message).toEqual([
      {
        zh: `规划定义!${col(DH.direction)}${row("LOC-01")}：基期值与目标值不符合方向“越高越好”（越高越好须目标大于基期，越低越好须目标小于基期，保持须两者相等，控制上限须目标为界限，如＜0.40）`,
        en: `规划定义!${col(DH.direction)}${row("LOC-01")}: baseline and target do not fit the direction "Higher is better" (Higher is better: target above baseline; Lower is better: target below; Maintain: equal; Upper limit: a bounded target such as <0.40)`,
      },
    ]);
  });

  test("fifth draw: a source line typed as text is not a line: the plan's own stays", () => {
    const line = PLAN.indicators.find((i) => i.id === "LOC-01")!.source.line;
    expect(indicator(definition({ "LOC-01": { [DH.source]: "141" } }), "LOC-01")?.source.line).toBe(line);
  });

  test("fifth draw: a new task's unit typed with spaces is the unit; a blank one is named", () => {
    const spaced = definition({}, [newTask({ [DH.unit]: " 所 " })]);
    expect(spaced.kind === "ok" ? spaced.plan.tasks.at(-1)!.unitLabel : spaced).toEqual({ zh: "所", en: "所" });
    const blank = definition({}, [newTask({ [DH.unit]: null })]);
    const addedRow = 6 + definitionRows(PLAN, "zh").length;
    expect(blank.kind === "invalid" ? blank.problems.map((p) => p.address) : blank).toEqual([`${col(DH.unit)}${addedRow}`]);
  });

  test("fifth draw: the rows the definition sheet starts from show a group by its name and a yearly target with 每年 once", () => {
    const cells = (plan: typeof PLAN, id: string) => definitionRows(plan, "zh").find((r) => r.key === id)!.cells;
    expect(cells(PLAN, "INT-01")[DH.group]).toBe("国际通用类指标");
    expect(cells(PLAN, "T-EQU-01")[DH.target]).toBe("每年15%以上");
    // A yearly target whose text says 每年 later on still gets it in front: only a leading 每年 stands for it.
    const later = { ...PLAN, tasks: PLAN.tasks.map((t) => (t.id === "T-EQU-02" && t.kind !== "range" ? { ...t, target: { ...t.target, text: "至少15个（每年评估）" } } : t)) };
    expect(cells(later, "T-EQU-02")[DH.target]).toBe("每年至少15个（每年评估）");
    const leading = { ...PLAN, tasks: PLAN.tasks.map((t) => (t.id === "T-EQU-02" && t.kind !== "range" ? { ...t, target: { ...t.target, text: "每年至少15个" } } : t)) };
    expect(cells(leading, "T-EQU-02")[DH.target]).toBe("每年至少15个");
  });

  test("sixth draw: a range with 以上 or a comparator inside its upper part is named, not read as either a range or a bound", () => {
    const addedRow = 6 + definitionRows(PLAN, "zh").length;
    for (const target of ["5–7（以上为新建）", "5–7（≥5）"]) {
      const read = definition({}, [newTask({ [DH.target]: target })]);
      expect([target, read.kind === "invalid" ? read.problems.map((p) => p.address) : read.kind]).toEqual([target, [`${col(DH.target)}${addedRow}`]]);
    }
  });

  test("sixth draw: a new row without its section is named at the section cell", () => {
    const read = definition({}, [newTask({ [DH.group]: null })]);
    const addedRow = 6 + definitionRows(PLAN, "zh").length;
    expect(read.kind === "invalid" ? read.problems.map((p) => p.address) : read).toEqual([`${col(DH.group)}${addedRow}`]);
  });

  test("sixth draw (seed 20261209): a task due before the period starts or after it ends is named at its period cell", () => {
    const addedRow = 6 + definitionRows(PLAN, "zh").length;
    for (const period of ["2020–2023", "2024–2026", "2020", "2026"]) {
      const read = definition({}, [newTask({ [DH.period]: period })]);
      expect([period, read.kind === "invalid" ? read.problems.map((p) => p.address) : read.kind]).toEqual([period, [`${col(DH.period)}${addedRow}`]]);
    }
    for (const period of ["2021–2025", "2021", "2025"]) expect([period, definition({}, [newTask({ [DH.period]: period })]).kind]).toEqual([period, "ok"]);
  });

  test("spaces around an ID, a section and a link are not part of them", () => {
    const read = definition({}, [newTask({ [DH.id]: " N-7 ", [DH.group]: " 新章节 ", [DH.link]: " LOC-01 " })]);
    expect(read.kind === "ok" ? [read.plan.tasks.at(-1)!.id, read.plan.tasks.at(-1)!.section, read.plan.tasks.at(-1)!.indicator] : read).toEqual(["N-7", "新章节", "LOC-01"]);
  });

  test("a task whose unit label is changed takes the new label in both languages; an unchanged one keeps the plan's pair", () => {
    const t = PLAN.tasks.find((x) => x.unit === "count" && x.unitLabel.zh !== x.unitLabel.en)!;
    const changed = definition({ [t.id]: { [DH.unit]: "项" } });
    expect(changed.kind === "ok" ? changed.plan.tasks.find((x) => x.id === t.id)!.unitLabel : changed).toEqual({ zh: "项", en: "项" });
    const same = definition({});
    expect(same.kind === "ok" ? same.plan.tasks.find((x) => x.id === t.id)!.unitLabel : same).toEqual(t.unitLabel);
  });

  test("a task done in one year is written with that year alone, a longer one as from–to", () => {
    const rows = definitionRows(PLAN, "zh");
    for (const task of PLAN.tasks) {
      const cell = rows.find((r) => r.key === task.id)!.cells[DH.period];
      expect([task.id, cell]).toEqual([task.id, task.period.from === task.period.to ? String(task.period.to) : `${task.period.from}–${task.period.to}`]);
    }
    expect(PLAN.tasks.some((x) => x.period.from === x.period.to) && PLAN.tasks.some((x) => x.period.from !== x.period.to)).toBe(true);
  });

  test("a new task's unit label: 学年 and 年级 are counts, year and Years are years", () => {
    const read = definition({}, [newTask({ [DH.id]: "N-1", [DH.unit]: "学年" }), newTask({ [DH.id]: "N-2", [DH.unit]: "年级" }), newTask({ [DH.id]: "N-3", [DH.unit]: "year" }), newTask({ [DH.id]: "N-4", [DH.unit]: "Years" })]);
    expect(read.kind === "ok" ? read.plan.tasks.slice(-4).map((x) => x.unit) : read).toEqual(["count", "count", "years", "years"]);
  });
});

describe("the language a workbook was written in", () => {
  const meta = (language: unknown) => metaFromCells((r, c) => [["template", PLAN.id], ["version", PLAN.version], ["language", language], ["protection", "off"]][r]?.[c], 4);

  test("PM_Meta's language reads back; anything but en is Chinese", () => {
    expect([meta("en")?.language, meta("zh")?.language, meta("")?.language, meta("EN ")?.language]).toEqual(["en", "zh", "zh", "zh"]);
  });

  test("only A1:B4 hold PM_Meta's pairs: a key typed below them is not read", () => {
    const rows = [["template", PLAN.id], ["version", PLAN.version], ["language", "zh"], ["protection", "off"], ["language", "en"]];
    expect(metaFromCells((r, c) => rows[r]?.[c], 5)?.language).toBe("zh");
  });

  test("insert stores the plan itself in column H, in marked chunks; a shorter plan clears the old one's extra cells", () => {
    const empty: WorkbookSnapshot = { tables: {}, sheets: ["Sheet1"], names: [], meta: null, year: null, protectedSheets: [] };
    const planCells = (snapshot: WorkbookSnapshot) => {
      const p = planInsert(PLAN, snapshot, { language: "zh", onConflict: "replace", year: 2023 });
      const op = p.kind === "write" ? p.ops.find((o): o is Extract<WriteOp, { op: "setCells" }> => o.op === "setCells" && o.sheet === "PM_Meta" && o.address.startsWith("H1:")) : undefined;
      return op ? op.formulas.map((r) => String(r[0])) : [];
    };
    const fresh = planCells(empty);
    expect(fresh.every((c) => c.startsWith("~"))).toBe(true);
    expect(JSON.parse(fresh.map((c) => c.slice(1)).join(""))).toEqual(PLAN);
    // A stored plan one chunk longer than this one (8,000 characters more): its last cell is emptied.
    const longer = planCells({ ...empty, meta: { templateId: PLAN.id, version: PLAN.version, language: "zh", protection: false, ids: [], highlights: [], planJson: JSON.stringify(PLAN) + " ".repeat(8000) } });
    expect([longer.length, longer.at(-1)]).toEqual([fresh.length + 1, ""]);
  });

  test("the ledger's one completion year of an earlier version: a finished project's moves to the actual column; a deleted actual column of this version comes back empty, moving nothing", () => {
    const headersNow = projectTable(PLAN).columns.map((c) => c.header);
    const ledger = (headers: string[]): WorkbookSnapshot => {
      const row = (state: string) => headers.map((h) => ({ [PH.name]: `校${state}`, [PH.stage]: "小学", [PH.kind]: "新建", [PH.state]: state, "竣工年度 Completion year": 2022, [PH.completion]: 2022 })[h] ?? null);
      const values = [row("已交付使用"), row("在建")];
      return { ...only("projects", projectTable(PLAN), []), tables: { projects: { name: TABLES.projects, sheet: "建设项目", col: 0, row: 2, headers, values, formulas: values } } };
    };
    const writesTo = (snapshot: WorkbookSnapshot, header: string) => {
      const p = planInsert(PLAN, snapshot, { language: "zh", onConflict: "keep", year: 2023 });
      const col = String.fromCharCode(65 + (p.kind === "write" ? (snapshot.tables.projects!.headers.indexOf(header) >= 0 ? snapshot.tables.projects!.headers.indexOf(header) : snapshot.tables.projects!.headers.length) : 0));
      return p.kind === "write" ? p.ops.filter((o): o is Extract<WriteOp, { op: "setCells" }> => o.op === "setCells" && o.sheet === "建设项目" && o.address.startsWith(`${col}4:`)).map((o) => o.formulas.map((r) => r[0])) : [];
    };
    // Release 1.2: one column, renamed to the planned year; the delivered project's 2022 moves, the one under construction keeps it.
    const old = headersNow.filter((h) => h !== PH.actualYear).map((h) => (h === PH.completion ? "竣工年度 Completion year" : h));
    expect(writesTo(ledger(old), "竣工年度 Completion year")).toEqual([["", 2022]]);
    expect(writesTo(ledger(old), PH.actualYear)).toEqual([[2022, ""]]);
    expect(planInsert(PLAN, ledger(old), { language: "zh", onConflict: "keep", year: 2023 })).toMatchObject({ report: { movedYears: 1 } });
    // This version with the actual column deleted: re-inserted, nothing of the planned column is touched.
    const deleted = headersNow.filter((h) => h !== PH.actualYear);
    expect(writesTo(ledger(deleted), PH.completion)).toEqual([]);
    expect(planInsert(PLAN, ledger(deleted), { language: "zh", onConflict: "keep", year: 2023 })).toMatchObject({ report: { movedYears: 0 } });
  });

  test("insert stores the language; a re-insert keeps the workbook's, whatever the pane's", () => {
    const empty: WorkbookSnapshot = { tables: {}, sheets: ["Sheet1"], names: [], meta: null, year: null, protectedSheets: [] };
    const stored = (snapshot: WorkbookSnapshot, language: "zh" | "en") => {
      const p = planInsert(PLAN, snapshot, { language, onConflict: "replace", year: 2023 });
      const op = p.kind === "write" ? p.ops.find((o): o is Extract<WriteOp, { op: "setCells" }> => o.op === "setCells" && o.sheet === "PM_Meta" && o.address === "A1:B4") : undefined;
      return op?.formulas[2];
    };
    expect(stored(empty, "en")).toEqual(["language", "en"]);
    expect(stored(empty, "zh")).toEqual(["language", "zh"]);
    expect(stored({ ...empty, meta: meta("en") }, "zh")).toEqual(["language", "en"]);
  });
});

describe("the plan definition's named cells on insert", () => {
  const empty: WorkbookSnapshot = { tables: {}, sheets: ["Sheet1"], names: [], meta: null, year: null, protectedSheets: [] };
  const definitionNames = ["PM_BaseYear", "PM_TargetYear", "PM_PlanName", "PM_PlanNameEn"];
  const nameOps = (snapshot: WorkbookSnapshot) => {
    const p = planInsert(PLAN, snapshot, { language: "zh", onConflict: "replace", year: 2023 });
    return p.kind === "write" ? p.ops.filter((o): o is Extract<WriteOp, { op: "name" }> => o.op === "name" && definitionNames.includes(o.name)).map((o) => [o.name, o.address]) : p;
  };
  test("a new definition sheet names its four input cells, absolute (a file stores a relative name as moving with the active cell)", () => {
    expect(nameOps(empty)).toEqual([
      ["PM_BaseYear", "$B$3"],
      ["PM_TargetYear", "$D$3"],
      ["PM_PlanName", "$F$3"],
      ["PM_PlanNameEn", "$H$3"],
    ]);
  });
  test("a name the workbook already has (in any case) is not added again; a broken one is", () => {
    expect(nameOps({ ...empty, names: ["pm_baseyear", "PM_TARGETYEAR"] })).toEqual([
      ["PM_PlanName", "$F$3"],
      ["PM_PlanNameEn", "$H$3"],
    ]);
    expect(nameOps({ ...empty, names: definitionNames, brokenNames: ["PM_PlanName"] })).toEqual([["PM_PlanName", "$F$3"]]);
    // A name deleted from a definition sheet that is there is added back where it belongs: the
    // definition cannot be read without it (§7a.7), and nothing typed in its cell changes.
    const headers = definitionTable().columns.map((c) => c.header);
    const existing = { ...empty, sheets: ["规划定义"], names: definitionNames.slice(0, 3), tables: { plan: { name: TABLES.plan, sheet: "规划定义", col: 0, row: 4, headers, values: [], formulas: [] } } };
    expect(nameOps(existing)).toEqual([["PM_PlanNameEn", "$H$3"]]);
    expect(nameOps({ ...existing, names: definitionNames })).toEqual([]);
  });
  test("re-insert over a balance sheet: its names are left alone while intact; a broken one (any case) is deleted and made again where it belongs", () => {
    const headers = balanceTable().columns.map((c) => c.header);
    const six = Object.values(BALANCE_NAMES);
    const existing: WorkbookSnapshot = { ...empty, sheets: ["均衡分析"], names: [...six], tables: { balance: { name: TABLES.balance, sheet: "均衡分析", col: 0, row: 2, headers, values: [], formulas: [] } } };
    const ops = (snapshot: WorkbookSnapshot) => {
      const p = planInsert(PLAN, snapshot, { language: "zh", onConflict: "replace", year: 2023 });
      return p.kind === "write" ? p.ops.filter((o) => (o.op === "name" && (six as string[]).includes(o.name)) || o.op === "deleteName") : p;
    };
    expect(ops(existing)).toEqual([]);
    // A name deleted (not broken) is added back where it belongs, as the definition's are (§7a.7).
    expect(ops({ ...existing, names: six.slice(1) })).toEqual([{ op: "name", name: six[0], sheet: "均衡分析", address: "$B$11" }]);
    // Header row 3, seven indicator rows 4–10, then max (11), mean (12), class share (13); junior CV in E.
    expect(ops({ ...existing, brokenNames: ["pm_classshare_junior"] })).toEqual([
      { op: "deleteName", name: "pm_classshare_junior" },
      { op: "name", name: BALANCE_NAMES.classJunior, sheet: "均衡分析", address: "$E$13" },
    ]);
  });
  test("the balance sheet's six result names: primary in one column, junior three to the right, rows max, mean, class share one below another", () => {
    const p = planInsert(PLAN, empty, { language: "zh", onConflict: "replace", year: 2023 });
    const at = new Map(p.kind === "write" ? p.ops.flatMap((o) => (o.op === "name" ? [[o.name, o.address] as const] : [])) : []);
    const split = (name: string) => /^\$([A-Z]+)\$(\d+)$/.exec(at.get(name) ?? "")!.slice(1);
    const [pc, pr] = split(BALANCE_NAMES.maxPrimary);
    const [jc] = split(BALANCE_NAMES.maxJunior);
    const col = (c: string, d: number) => String.fromCharCode(c.charCodeAt(0) + d);
    // Junior three columns right: primary CV, its national and plan checks, then junior CV (layout.ts).
    expect(jc).toBe(col(pc!, 3));
    expect([BALANCE_NAMES.maxPrimary, BALANCE_NAMES.meanPrimary, BALANCE_NAMES.classPrimary, BALANCE_NAMES.maxJunior, BALANCE_NAMES.meanJunior, BALANCE_NAMES.classJunior].map((n) => at.get(n))).toEqual(
      [0, 1, 2, 0, 1, 2].map((d, i) => `$${i < 3 ? pc : jc}$${Number(pr) + d}`),
    );
  });
});

describe("protection and filters around one write", () => {
  test("unprotect first, filters cleared inside, the write, filters restored, protect last", () => {
    const snapshot = {
      tables: { indicators: { name: "T1", sheet: "甲", col: 0, row: 0, headers: [], values: [], formulas: [], filter: ["x"] } },
      sheets: ["甲"],
      names: [],
      meta: { protection: true },
      year: null,
      protectedSheets: ["甲"],
    } as unknown as WorkbookSnapshot;
    const write: WriteOp = { op: "setCells", sheet: "甲", address: "A1", formulas: [[1]] };
    expect(withFilters(withProtection([write], snapshot), snapshot)).toEqual([
      { op: "unprotect", sheet: "甲" },
      { op: "clearFilters", table: "T1" },
      write,
      { op: "restoreFilters", table: "T1", criteria: ["x"] },
      { op: "protect", sheet: "甲" },
    ]);
  });

  test("switching protection on protects only the template's sheets not yet protected; off lifts only ours", () => {
    const snapshot = (ours: boolean) =>
      ({
        tables: { indicators: { sheet: "甲" }, tasks: { sheet: "乙" }, schools: { sheet: "乙" } },
        sheets: ["甲", "乙", "丙"],
        names: [],
        meta: { protection: ours },
        year: null,
        protectedSheets: ["乙", "丙"],
      }) as unknown as WorkbookSnapshot;
    expect(planProtection(true, snapshot(false))).toEqual([
      { op: "protect", sheet: "甲" },
      { op: "setCells", sheet: "PM_Meta", address: "A4:B4", formulas: [["protection", "on"]] },
    ]);
    expect(planProtection(false, snapshot(true)).filter((o) => o.op !== "setCells")).toEqual([{ op: "unprotect", sheet: "乙" }]);
    expect(planProtection(false, snapshot(false)).filter((o) => o.op !== "setCells")).toEqual([]);
    expect(planProtection(false, snapshot(true)).filter((o) => o.op === "setCells")).toEqual([{ op: "setCells", sheet: "PM_Meta", address: "A4:B4", formulas: [["protection", "off"]] }]);
  });
});

describe("rows added from the pane", () => {
  const spec = schoolTable();
  // The planner put a column of their own (联系人) between the template's.
  const headers = [...spec.columns.slice(0, 2).map((c) => c.header), "联系人", ...spec.columns.slice(2).map((c) => c.header)];
  const snapshot = { ...only("schools", spec, []), tables: { schools: { name: spec.name, sheet: "表", col: 0, row: 2, headers, values: [], formulas: [] } } } as WorkbookSnapshot;

  test("each new row carries the calculated columns' formulas, blank inputs and a blank in the planner's own column", () => {
    const ops = planAddRows(PLAN, snapshot, "schools", 2);
    expect(ops).toHaveLength(1);
    const op = ops[0] as Extract<WriteOp, { op: "addTableRows" }>;
    expect(op).toMatchObject({ op: "addTableRows", table: spec.name });
    expect(op.rows).toHaveLength(2);
    const byHeader = Object.fromEntries(headers.map((h, i) => [h, op.rows[0]![i]]));
    expect(byHeader["联系人"]).toBe("");
    expect(byHeader[SH.school]).toBe("");
    for (const c of spec.columns) expect(byHeader[c.header]).toBe(c.formula ?? "");
    expect(spec.columns.some((c) => c.formula)).toBe(true); // the 2017 rule's column, at least
    // Two rows, not one row shared twice: Excel gets two independent arrays.
    expect(op.rows[1]).toEqual(op.rows[0]);
    expect(op.rows[1]).not.toBe(op.rows[0]);
  });

  test("nothing to add: no rows asked for, or no such table in the workbook", () => {
    expect(planAddRows(PLAN, snapshot, "schools", 0)).toEqual([]);
    expect(planAddRows(PLAN, snapshot, "schools", -1)).toEqual([]);
    expect(planAddRows(PLAN, snapshot, "tasks", 1)).toEqual([]);
  });
});

describe("drop-down rules of single columns on insert", () => {
  const empty: WorkbookSnapshot = { tables: {}, sheets: ["Sheet1"], names: [], meta: null, year: null, protectedSheets: [] };
  const validation = (language: "zh" | "en", sheet: string, header: string, spec: TableSpec) => {
    const p = planInsert(PLAN, empty, { language, onConflict: "replace", year: 2023 });
    const c = String.fromCharCode(65 + spec.columns.findIndex((x) => x.header === header));
    const ops = p.kind === "write" ? p.ops.filter((o): o is Extract<WriteOp, { op: "validation" }> => o.op === "validation" && o.sheet === sheet && o.address.startsWith(`${c}4`)) : [];
    expect(ops.length).toBe(1);
    return ops[0]!;
  };

  test("the definition's kind column: a drop-down of 指标 / 任务 / 里程碑 with its prompt (sixth draw)", () => {
    const p = planInsert(PLAN, empty, { language: "zh", onConflict: "replace", year: 2023 });
    const c = String.fromCharCode(65 + definitionTable().columns.findIndex((x) => x.header === DH.kind));
    const v = p.kind === "write" ? p.ops.find((o): o is Extract<WriteOp, { op: "validation" }> => o.op === "validation" && o.sheet === "规划定义" && o.address.startsWith(`${c}6`)) : undefined;
    expect([v?.rule, v?.prompt]).toEqual([{ kind: "list", options: ["指标", "任务", "里程碑"] }, "请选择：指标 / 任务 / 里程碑。"]);
  });

  test("the definition's direction column has no drop-down: it reads either language's label (越高越好 or Higher is better), as a list would not", () => {
    const p = planInsert(PLAN, empty, { language: "zh", onConflict: "replace", year: 2023 });
    const c = String.fromCharCode(65 + definitionTable().columns.findIndex((x) => x.header === DH.direction));
    const rules = (sheet: string, col: string) => (p.kind === "write" ? p.ops.flatMap((o) => (o.op === "validation" && o.sheet === sheet && o.address.startsWith(`${col}6`) ? [o.rule] : [])) : p);
    expect(rules("规划定义", c)).toEqual([]);
    // The indicator table's own direction column (same header, data from row 6 too) keeps its list.
    const d = String.fromCharCode(65 + indicatorTable(PLAN).columns.findIndex((x) => x.header === IH.direction));
    expect(rules("规划指标", d)).toEqual([{ kind: "list", options: ["越高越好", "越低越好", "保持", "控制上限"] }]);
  });

  test("a milestone's year done: a number from the first year of the period to the last, with its prompt", () => {
    const v = validation("zh", "里程碑", MH.doneYear, milestoneTable(PLAN));
    expect([v.rule, v.prompt]).toEqual([{ kind: "decimal", min: 2021, max: 2025 }, "完成的年份（2021–2025）。"]);
  });

  test("count columns are whole numbers, not a list: classes from 0, enrolment from 1 (fourth sample, seed 20261204)", () => {
    expect(validation("zh", "学校数据", SH.classes, schoolTable()).rule).toEqual({ kind: "whole", min: 0 });
    expect(validation("zh", "学校数据", SH.enrolment, schoolTable()).rule).toEqual({ kind: "whole", min: 1 });
  });

  test("a school's amount column (not a count) takes any number from 0", () => {
    const amount = SCHOOL_INDICATORS.find((i) => schoolTable().columns.find((c) => c.header === i.raw)?.format === "#,##0.00")!;
    expect(validation("zh", "学校数据", amount.raw, schoolTable()).rule).toEqual({ kind: "decimal", min: 0 });
  });

  test("the monitoring-year cell's prompt names the plan's first and last year", () => {
    const p = planInsert(PLAN, empty, { language: "zh", onConflict: "keep", year: 2023 });
    const v = p.kind === "write" ? p.ops.find((o): o is Extract<WriteOp, { op: "validation" }> => o.op === "validation" && o.sheet === "规划指标" && o.address === "B3") : undefined;
    expect(v?.prompt).toBe("选择监测年份（2021–2025），各指标的预期值、完成度和状态随之更新。");
    // Excel's list offers exactly the plan's years (as text: a list's items are strings).
    expect(v?.rule).toEqual({ kind: "list", options: ["2021", "2022", "2023", "2024", "2025"] });
  });

  test("the band column takes a share from 0 to 99 %, with its prompt and error", () => {
    const p = planInsert(PLAN, empty, { language: "zh", onConflict: "keep", year: 2023 });
    const rows = PLAN.indicators.length;
    const col = String.fromCharCode(65 + indicatorTable(PLAN).columns.findIndex((c) => c.header === IH.band));
    const v = p.kind === "write" ? p.ops.find((o): o is Extract<WriteOp, { op: "validation" }> => o.op === "validation" && o.sheet === "规划指标" && o.address === `${col}6:${col}${5 + rows}`) : undefined;
    expect(v?.rule).toEqual({ kind: "decimal", min: 0, max: 0.99 });
    expect(v?.prompt).toMatch(/^“左右”类目标的允许幅度/);
    expect(v?.error).toBeTruthy();
  });

  test("a plan without tasks still gets a task table (row 4 its one blank row): its figure cell in the General format", () => {
    const noTasks = { ...PLAN, tasks: [], building: undefined, contradictions: [] };
    const p = planInsert(noTasks, empty, { language: "zh", onConflict: "keep", year: 2023 });
    const spec = taskTable(noTasks);
    const col = String.fromCharCode(65 + spec.columns.findIndex((c) => c.header === TH.targetValue));
    const format = p.kind === "write" ? p.ops.find((o): o is Extract<WriteOp, { op: "format" }> => o.op === "format" && o.sheet === "任务目标" && o.address === `${col}4:${col}4`) : undefined;
    expect(format?.numberFormat).toEqual([["General"]]);
  });

  test("a table's header row is bold and wrapped on the header fill; each column gets its width in points (7 per character)", () => {
    const p = planInsert(PLAN, empty, { language: "zh", onConflict: "keep", year: 2023 });
    const ops = p.kind === "write" ? p.ops : [];
    const spec = indicatorTable(PLAN);
    const last = String.fromCharCode(64 + spec.columns.length);
    expect(ops.find((o) => o.op === "format" && o.sheet === "规划指标" && o.address === `A5:${last}5`)).toEqual({ op: "format", sheet: "规划指标", address: `A5:${last}5`, bold: true, wrap: true, fill: COLORS.header });
    const widths = ops.filter((o): o is Extract<WriteOp, { op: "columnWidth" }> => o.op === "columnWidth" && o.sheet === "规划指标");
    expect(widths.map((w) => [w.address, w.points])).toEqual(spec.columns.map((c, i) => [`${String.fromCharCode(65 + i)}5`, c.width * 7]));
    // The indicator's name (column C) is 36 characters wide: 252 points.
    expect(widths.find((w) => w.address === "C5")?.points).toBe(252);
  });

  test("only number columns' headers are set right, over their numbers", () => {
    const p = planInsert(PLAN, empty, { language: "zh", onConflict: "keep", year: 2023 });
    // The indicator table's header row is row 5 (A5): ID in A, the baseline further right.
    const aligned = p.kind === "write" ? p.ops.filter((o) => o.op === "format" && o.sheet === "规划指标" && "align" in o && o.align === "right").map((o) => (o as { address: string }).address) : [];
    const col = (h: string) => String.fromCharCode(65 + indicatorTable(PLAN).columns.findIndex((c) => c.header === h));
    expect(aligned).not.toContain(`${col(IH.id)}5`);
    expect(aligned).not.toContain(`${col(IH.name)}5`);
    expect(aligned).toContain(`${col(IH.baseline)}5`);
    // The definition's baseline, target and period are text columns ("@", typed as printed): left,
    // as text is; only its source line number (L) stands right.
    const definitionAligned = p.kind === "write" ? p.ops.filter((o) => o.op === "format" && o.sheet === "规划定义" && "align" in o && o.align === "right").map((o) => (o as { address: string }).address) : [];
    expect(definitionAligned).toEqual(["L5"]);
  });

  test("the upgrade note: none for the same template and version, the stored one for an older version or another template", () => {
    const meta = (templateId: string, version: string) => ({ templateId, version, language: "zh" as const, protection: false, ids: [], highlights: [] });
    const upgraded = (m: ReturnType<typeof meta>) => {
      const p = planInsert(PLAN, { ...empty, meta: m }, { language: "zh", onConflict: "keep", year: 2023 });
      return p.kind === "write" ? p.report.upgradedFrom : p.kind;
    };
    expect(upgraded(meta(PLAN.id, PLAN.version))).toBeNull();
    expect(upgraded(meta(PLAN.id, "0.9.0"))).toBe(`${PLAN.id} 0.9.0`);
    expect(upgraded(meta("other-district", PLAN.version))).toBe(`other-district ${PLAN.version}`);
  });

  test("the monitoring-year cell is an input (yellow, unlocked) and bold; an insert without a conflict reports no resolution", () => {
    const p = planInsert(PLAN, empty, { language: "zh", onConflict: "keep", year: 2023 });
    expect(p.kind === "write" ? p.ops.find((o) => o.op === "format" && o.sheet === "规划指标" && o.address === "B3") : p).toMatchObject({ fill: "#FFF2CC", locked: false, bold: true });
    expect(p.kind === "write" ? p.report.resolution : p).toBeNull();
  });

  test("a project's kind: new or expansion, in the workbook's language", () => {
    expect(validation("zh", "建设项目", PH.kind, projectTable(PLAN)).rule).toEqual({ kind: "list", options: ["新建", "改扩建"] });
    expect(validation("en", "Projects", PH.kind, projectTable(PLAN)).rule).toEqual({ kind: "list", options: ["New", "Expansion"] });
  });

  test("a project's state: the four states in the workbook's language, with its prompt", () => {
    const zh = validation("zh", "建设项目", PH.state, projectTable(PLAN));
    expect([zh.rule, zh.prompt]).toEqual([{ kind: "list", options: ["未开工", "在建", "已竣工", "已交付使用"] }, "请选择：未开工 / 在建 / 已竣工 / 已交付使用。"]);
    const en = validation("en", "Projects", PH.state, projectTable(PLAN));
    expect(en.prompt).toBe("Choose: Not started / Under construction / Completed / In use.");
  });
});

describe("contradictions and the building programme as the template writes them", () => {
  const noAddress = () => "A1";

  test("the contradictions table has its five columns, the quoted statements last", () => {
    const empty: WorkbookSnapshot = { tables: {}, sheets: ["Sheet1"], names: [], meta: null, year: null, protectedSheets: [] };
    const p = planInsert(PLAN, empty, { language: "zh", onConflict: "replace", year: 2023 });
    const created = p.kind === "write" ? p.ops.find((o): o is Extract<WriteOp, { op: "createTable" }> => o.op === "createTable" && o.name === TABLES.contradictions) : undefined;
    const sheet = created?.sheet;
    const written = p.kind === "write" ? p.ops.flatMap((o) => (o.op === "setCells" && o.sheet === sheet ? o.formulas : [])) : [];
    expect(written).toContainEqual([CH.id, CH.kind, CH.summary, CH.refs, CH.statements]);
  });

  test("a contradiction's kind and quoted statements in each language (fifth sample, seed 20261205)", () => {
    // C-FITNESS (plan text lines 198 and 259): the table's 48 against the text's 50 %.
    const fitness = (language: "zh" | "en") => templateRows("contradictions", PLAN, language, noAddress).find((r) => r.key === "C-FITNESS")!.cells;
    expect([fitness("zh")[CH.kind], fitness("zh")[CH.statements]]).toEqual(["表与正文不一致", "第198行：“48” ｜ 第259行：“全区中小学生体质健康监测优良率力争达50%以上”"]);
    expect([fitness("en")[CH.kind], fitness("en")[CH.statements]]).toEqual(["Table vs text", "line 198: “48” ｜ line 259: “全区中小学生体质健康监测优良率力争达50%以上”"]);
  });

  test("a plan without a junior coefficient bound leaves the balance sheet's junior plan column blank", () => {
    const noJunior = { ...PLAN, indicators: PLAN.indicators.filter((i) => i.id !== "LOC-04-JUN") };
    const rows = templateRows("balance", noJunior, "zh", noAddress);
    expect(new Set(rows.map((r) => r.cells[BH.juniorPlan] ?? ""))).toEqual(new Set([""]));
    expect(rows.some((r) => String(r.cells[BH.primaryPlan] ?? "") !== "")).toBe(true);
  });

  test("the programme's total row carries the plan's printed totals: 58 projects, 46,395 places (T-BLD-PROJ, T-BLD-PLACES)", () => {
    const total = templateRows("build", PLAN, "zh", noAddress).find((r) => r.key === "BLD-TOTAL")!.cells;
    expect([total[BUH.planProjects], total[BUH.planPlaces]]).toEqual([58, 46395]);
    // A plan whose places task is gone leaves the figure blank.
    const noPlaces = { ...PLAN, tasks: PLAN.tasks.filter((t) => t.id !== "T-BLD-PLACES") };
    expect(templateRows("build", noPlaces, "zh", noAddress).find((r) => r.key === "BLD-TOTAL")!.cells[BUH.planPlaces]).toBe("");
    // So does one whose projects task is gone (sixth draw, seed 20261209).
    const noProjects = { ...PLAN, tasks: PLAN.tasks.filter((t) => t.id !== "T-BLD-PROJ") };
    expect(templateRows("build", noProjects, "zh", noAddress).find((r) => r.key === "BLD-TOTAL")!.cells[BUH.planProjects]).toBe("");
  });

  test("a contradiction's IDs are listed with a comma and a space", () => {
    const rows = templateRows("contradictions", PLAN, "zh", noAddress);
    expect(rows.find((r) => r.key === "C-FITNESS")!.cells[CH.refs]).toBe("LOC-09, T-STU-01");
  });

  // Another district's programme may give its parts no tasks of their own: only the whole feeds one.
  const untasked = { ...PLAN, building: { ...PLAN.building!, parts: PLAN.building!.parts.map(({ projectsTask: _p, placesTask: _q, ...part }) => part) } };

  test("a part without tasks: its task cells are blank", () => {
    const rows = templateRows("build", untasked, "zh", noAddress);
    const parts = rows.filter((r) => PLAN.building!.parts.some((p) => p.id === r.key));
    expect(parts.map((r) => [r.cells[BUH.projectsTask], r.cells[BUH.placesTask]])).toEqual(PLAN.building!.parts.map(() => ["", ""]));
  });

  test("the ledger feeds exactly the tasks the programme names: none for a part without tasks", () => {
    const snapshot = only("projects", projectTable(untasked), [
      { [PH.name]: "湖塘新校", [PH.stage]: "小学", [PH.kind]: "新建", [PH.places]: 1350, [PH.start]: 2021, [PH.completion]: 2023, [PH.actualYear]: 2023, [PH.state]: "已交付使用" },
    ]);
    const feed = ledgerFeed(assessBuilding(untasked, snapshot, 2023, []), snapshot);
    expect([...feed.entries()].map(([k, v]) => [k, v.value])).toEqual([
      ["T-BLD-PROJ", 1],
      ["T-BLD-PLACES", 1350],
    ]);
  });
});

describe("a stage's balance figures need all seven coefficients", () => {
  test("one resource blank in every school of the stage: no largest and no mean coefficient, the other six still computed", () => {
    const school = (name: string, enrolment: number, value: number) => ({
      [SH.school]: name,
      [SH.stage]: "小学",
      [SH.enrolment]: enrolment,
      ...Object.fromEntries(SCHOOL_INDICATORS.slice(0, 6).map((i) => [i.raw, value])),
    });
    const b = stageBalance(PLAN, only("schools", schoolTable(), [school("甲", 100, 10), school("乙", 100, 30)]), "primary", "zh");
    // Equal weights, 0.1 and 0.3 per student: CV = |x₁−x₂| / (x₁+x₂) = 0.5 for each of the six.
    expect(b.rows.map((r) => (r.cv === null ? null : Number(r.cv.toFixed(12))))).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, null]);
    expect([b.max, b.mean]).toEqual([null, null]);
  });
});

describe("re-insert matches a row by its ID as the planner sees it", () => {
  test("an ID typed with spaces around it is the template's row, not a row of the planner's own", () => {
    const spec = indicatorTable(PLAN);
    const headers = spec.columns.map((c) => c.header);
    const values: Cell[][] = [[" LOC-01 ", ...headers.slice(1).map(() => null)]];
    const snapshot: WorkbookSnapshot = {
      tables: { indicators: { name: spec.name, sheet: "规划指标", col: 0, row: 4, headers, values, formulas: values } },
      sheets: ["规划指标"],
      names: [],
      meta: null,
      year: 2023,
      protectedSheets: [],
    };
    const p = planInsert(PLAN, snapshot, { language: "zh", onConflict: "replace", year: 2023 });
    const added = p.kind === "confirm" || p.kind === "write" ? p.report.addedRows.find((r) => r.table === spec.name)?.keys : p;
    expect(added).toEqual(PLAN.indicators.map((i) => i.id).filter((id) => id !== "LOC-01"));
  });
});

describe("a value typed over a computed cell of the planner's own row", () => {
  test("re-insert asks, naming the row by the ID the planner gave it (a row without one by a blank key)", () => {
    const spec = indicatorTable(PLAN);
    const headers = spec.columns.map((c) => c.header);
    const template: Cell[][] = PLAN.indicators.map((i) => headers.map((h) => (h === IH.id ? i.id : null)));
    // Two rows of the planner's own below the plan's: a status typed over the formula in each.
    const own = (id: Cell): Cell[] => headers.map((h) => (h === IH.id ? id : h === IH.status ? "已实现" : null));
    const values = [...template, own("OWN-1"), own(null)];
    const snapshot: WorkbookSnapshot = { tables: { indicators: { name: spec.name, sheet: "规划指标", col: 0, row: 4, headers, values, formulas: values } }, sheets: ["规划指标"], names: [], meta: null, year: 2023, protectedSheets: [] };
    const p = planInsert(PLAN, snapshot, { language: "zh", onConflict: "ask", year: 2023 });
    const status = String.fromCharCode(65 + headers.indexOf(IH.status));
    const first = 6 + PLAN.indicators.length; // header at row 5, the plan's rows from 6
    expect(p.kind === "confirm" ? p.report.conflicts.map((c) => [c.key, c.header, c.address, c.workbook]) : p).toEqual([
      ["OWN-1", IH.status, `${status}${first}`, "已实现"],
      ["", IH.status, `${status}${first + 1}`, "已实现"],
    ]);
  });
});

describe("re-insert adds the columns a table lost, and says which", () => {
  const spec = indicatorTable(PLAN);
  const snapshot = (headers: string[]): WorkbookSnapshot => {
    const values: Cell[][] = PLAN.indicators.map((i) => headers.map((h) => (h === IH.id ? i.id : null)));
    return { tables: { indicators: { name: spec.name, sheet: "规划指标", col: 0, row: 4, headers, values, formulas: values } }, sheets: ["规划指标"], names: [], meta: null, year: 2023, protectedSheets: [] };
  };
  const added = (headers: string[]) => {
    const p = planInsert(PLAN, snapshot(headers), { language: "zh", onConflict: "replace", year: 2023 });
    return p.kind === "write" || p.kind === "confirm" ? p.report.addedColumns.filter((a) => a.table === spec.name) : p;
  };
  const all = spec.columns.map((c) => c.header);

  test("the 2022 column and its note deleted by the planner come back, named in the template's order", () => {
    const gone = [yearHeader(2022), noteHeader(2022)];
    expect(added(all.filter((h) => !gone.includes(h)))).toEqual([{ table: spec.name, headers: gone }]);
  });

  test("a table with every column: nothing reported", () => {
    expect(added(all)).toEqual([]);
  });
});

describe("a year outside the plan's period", () => {
  test("before the base year nothing is judged (数据有误, no completion); after the target year a year without a value has no data", () => {
    const snapshot = only("indicators", indicatorTable(PLAN), [{ [IH.id]: "LOC-01", [IH.unit]: "%", [IH.direction]: "提高", [IH.baseline]: 0.9252, [IH.target]: 0.94, [yearHeader(2025)]: 0.95 }]);
    expect(assessYear(PLAN, snapshot, 2025).indicators.map((r) => r.status)).toEqual(["reached"]);
    expect(assessYear(PLAN, snapshot, 2019).indicators.map((r) => [r.status, r.completion, r.gap])).toEqual([["invalid", null, null]]);
    expect(assessYear(PLAN, snapshot, 2026).indicators.map((r) => r.status)).toEqual(["noData"]);
    // A row without a stage has none (not a placeholder).
    expect(assessYear(PLAN, snapshot, 2025).indicators[0]!.stage).toBe("");
  });

  test("a task in a year that is not one of the plan's: no data, nothing achieved, no figures", () => {
    const snapshot = only("tasks", taskTable(PLAN), [{ [TH.id]: "T-TEA-07", [TH.unit]: "个", [TH.basis]: "累计", [TH.target]: "30个左右", [TH.period]: "2021–2025", [TH.baseline]: 0, [yearHeader(2021)]: 6 }]);
    expect(assessYear(PLAN, snapshot, 2020).tasks.map((r) => [r.status, r.actual, r.completion, r.gap, r.expected])).toEqual([["noData", null, null, null, null]]);
    expect(assessYear(PLAN, snapshot, 2021).tasks.map((r) => [r.status, r.actual])).toEqual([["onTrack", 6]]); // from 0, 6 of 30 by 2021: on the path (30 × 1/5 = 6)
  });
});

describe("the data check at its edges", () => {
  const findings = (key: TableKey, spec: TableSpec, rows: Array<Record<string, Cell>>, extra: Partial<TableSnapshot> = {}) => {
    const s = only(key, spec, rows);
    Object.assign(s.tables[key]!, extra);
    return checkWorkbook(PLAN, s);
  };

  test("an indicator row without an ID: nothing to say when it is empty, a warning when it holds a value", () => {
    expect(findings("indicators", indicatorTable(PLAN), [{}])).toEqual([]);
    expect(codes(findings("indicators", indicatorTable(PLAN), [{ [yearHeader(2023)]: 0.5 }]))).toEqual([["missing-id", "A4", "#1"]]);
  });

  test("a task's blank year cell is no finding; a negative one is", () => {
    const task = { [TH.id]: "T-LLL-02", [TH.unit]: "%", [TH.target]: "95%" };
    expect(findings("tasks", taskTable(PLAN), [task])).toEqual([]);
    expect(findings("tasks", taskTable(PLAN), [{ ...task, [yearHeader(2023)]: -0.1 }]).map((f) => f.code)).toEqual(["negative"]);
  });

  test("standard-size classes above classes only when both are typed", () => {
    const row = { [SH.school]: "甲", [SH.stage]: "小学", [SH.enrolment]: 100, ...Object.fromEntries(SCHOOL_INDICATORS.map((i) => [i.raw, 1])) };
    expect(findings("schools", schoolTable(), [{ ...row, [SH.standardClasses]: 5 }])).toEqual([]);
    expect(findings("schools", schoolTable(), [{ ...row, [SH.classes]: 5 }])).toEqual([]);
    const over = findings("schools", schoolTable(), [{ ...row, [SH.classes]: 4, [SH.standardClasses]: 5 }]);
    expect(codes(over)).toEqual([["standard-over-classes", "E4", "甲"]]);
    expect(over[0]!.message.zh).toContain("E4");
  });

  test("a project's years: 1900 and 2100 are years, 1899 and 2101 are not", () => {
    const project = (start: number, completion: number) => ({ [PH.name]: "新校", [PH.stage]: "小学", [PH.kind]: "新建", [PH.state]: "在建", [PH.start]: start, [PH.completion]: completion });
    expect(findings("projects", projectTable(PLAN), [project(1900, 2100)])).toEqual([]);
    expect(findings("projects", projectTable(PLAN), [project(1899, 2101)]).map((f) => [f.code, f.header])).toEqual([
      ["project-year", PH.start],
      ["project-year", PH.completion],
    ]);
  });

  test("a milestone neither done nor given a year done: no finding", () => {
    const spec = milestoneTable(PLAN);
    expect(findings("milestones", spec, [{ [MH.id]: "M-1", [MH.plannedYear]: 2023, [MH.state]: "进行中" }])).toEqual([]);
  });

  test("merged cells in the funding table are named cell by cell, the header row left out", () => {
    const out = findings("funding", fundingTable(PLAN), [{ [FH.year]: 2020 }, { [FH.year]: 2021 }], { merged: ["A3:B4"] });
    expect(codes(out)).toEqual([
      ["merged", "A4", "2020"],
      ["merged", "B4", "2020"],
    ]);
  });
});

describe("the building ledger leaves out rows the data check rejects", () => {
  test("a project with an impossible year is named and not counted; an error elsewhere in the workbook takes no project out", () => {
    const row = (name: string, start: number) => ({ [PH.name]: name, [PH.stage]: "小学", [PH.kind]: "新建", [PH.places]: 900, [PH.start]: start, [PH.completion]: 2023, [PH.actualYear]: 2023, [PH.state]: "已交付使用" });
    const snapshot = only("projects", projectTable(PLAN), [row("甲校", 2021), row("乙校", 2021.5), row("丙校", 2022)]);
    // An error on another table at the row of 丙校 (A6) must not take 丙校 out.
    const elsewhere: Finding = { severity: "error", code: "x", sheet: "规划指标", address: "A6", table: TABLES.indicators, key: "", header: "", message: { zh: "", en: "" } };
    const b = assessBuilding(PLAN, snapshot, 2023, [...checkWorkbook(PLAN, snapshot), elsewhere])!;
    expect(b.projects.map((p) => p.name)).toEqual(["甲校", "丙校"]);
    expect(b.problems.map((p) => p.address)).toEqual([`${String.fromCharCode(65 + projectTable(PLAN).columns.findIndex((c) => c.header === PH.start))}5`]);
  });

  test("only an error on the ledger itself takes a project out: not a warning on its row, not an error on another table of its sheet", () => {
    const row = (name: string) => ({ [PH.name]: name, [PH.stage]: "小学", [PH.kind]: "新建", [PH.places]: 900, [PH.start]: 2021, [PH.completion]: 2023, [PH.actualYear]: 2023, [PH.state]: "已交付使用" });
    const snapshot = only("projects", projectTable(PLAN), [row("甲校"), row("乙校"), row("丙校")]);
    const finding = (severity: Finding["severity"], table: string, address: string): Finding => ({ severity, code: "x", sheet: "表", address, table, key: "", header: "", message: { zh: "", en: "" } });
    // Data from row 4: 甲校 A4, 乙校 A5, 丙校 A6. The roll-up table sits on the same sheet in a real workbook.
    const findings = [finding("warning", TABLES.projects, "H4"), finding("error", TABLES.build, "B5"), finding("error", TABLES.projects, "E6")];
    expect(assessBuilding(PLAN, snapshot, 2023, findings)!.projects.map((p) => p.name)).toEqual(["甲校", "乙校"]);
  });

  test("a rejected project at row 13 (past row 9) is the one left out; a name with spaces is the name", () => {
    const row = (name: string, start: number) => ({ [PH.name]: name, [PH.stage]: "小学", [PH.kind]: "新建", [PH.places]: 900, [PH.start]: start, [PH.completion]: 2023, [PH.actualYear]: 2023, [PH.state]: "已交付使用" });
    // Data from row 4: the tenth project sits at row 13; its start year 2021.5 is rejected.
    const rows = Array.from({ length: 10 }, (_, i) => row(i === 0 ? " 一校 " : `校${i + 1}`, i === 9 ? 2021.5 : 2021));
    const snapshot = only("projects", projectTable(PLAN), rows);
    const b = assessBuilding(PLAN, snapshot, 2023, checkWorkbook(PLAN, snapshot))!;
    expect(b.projects.map((p) => p.name)).toEqual(["一校", ...Array.from({ length: 8 }, (_, i) => `校${i + 2}`)]);
  });

  test("a ledger whose rows have no names feeds no task; one named row is enough", () => {
    const row = { [PH.stage]: "小学", [PH.kind]: "新建", [PH.places]: 900, [PH.start]: 2021, [PH.completion]: 2023, [PH.actualYear]: 2023, [PH.state]: "已交付使用" };
    const unnamed = only("projects", projectTable(PLAN), [row]);
    expect(ledgerFeed(assessBuilding(PLAN, unnamed, 2023, []), unnamed).size).toBe(0);
    const oneNamed = only("projects", projectTable(PLAN), [row, { ...row, [PH.name]: "甲校" }]);
    expect(ledgerFeed(assessBuilding(PLAN, oneNamed, 2023, []), oneNamed).get("T-BLD-PROJ")?.value).toBe(1);
  });

  test("a year outside the plan: the fed task has no figure and no data, like every other task (fifth sample, seed 20261205)", () => {
    const row = { [PH.name]: "甲校", [PH.stage]: "小学", [PH.kind]: "新建", [PH.places]: 900, [PH.start]: 2021, [PH.completion]: 2023, [PH.actualYear]: 2023, [PH.state]: "已交付使用" };
    const projects = only("projects", projectTable(PLAN), [row]);
    const task = templateRows("tasks", PLAN, "zh", () => "A1").find((r) => r.key === "T-BLD-PROJ")!.cells;
    const tasks = only("tasks", taskTable(PLAN), [task]);
    const snapshot = { ...projects, tables: { ...projects.tables, tasks: { ...tasks.tables.tasks!, sheet: "任务" } } };
    const fed = (year: number) => assessYear(PLAN, snapshot, year).tasks.find((t) => t.id === "T-BLD-PROJ")!;
    expect([fed(2023).actual, fed(2030).actual, fed(2030).status]).toEqual([1, null, "noData"]);
  });
});

describe("a school without enrolment weighs nothing in the coefficients", () => {
  test("three schools, one without enrolment: the CV is the other two's (0.5)", () => {
    const school = (name: string, enrolment: number | null, v: number) => ({ [SH.school]: name, [SH.stage]: "小学", [SH.enrolment]: enrolment, ...Object.fromEntries(SCHOOL_INDICATORS.map((i) => [i.raw, v])) });
    const b = stageBalance(PLAN, only("schools", schoolTable(), [school("甲", 100, 10), school("乙", 100, 30), school("丙", null, 1000)]), "primary", "zh");
    expect(b.rows.map((r) => Number(r.cv!.toFixed(12)))).toEqual(SCHOOL_INDICATORS.map(() => 0.5));
  });

  test("nor does one whose enrolment is 0 or negative (the data check names a negative one): still 0.5", () => {
    const school = (name: string, enrolment: number, v: number) => ({ [SH.school]: name, [SH.stage]: "小学", [SH.enrolment]: enrolment, ...Object.fromEntries(SCHOOL_INDICATORS.map((i) => [i.raw, v])) });
    const b = stageBalance(PLAN, only("schools", schoolTable(), [school("甲", 100, 10), school("乙", 100, 30), school("丙", -100, 1000)]), "primary", "zh");
    expect(b.rows.map((r) => Number(r.cv!.toFixed(12)))).toEqual(SCHOOL_INDICATORS.map(() => 0.5));
    const zero = stageBalance(PLAN, only("schools", schoolTable(), [school("甲", 100, 10), school("乙", 100, 30), school("丙", 0, 1000)]), "primary", "zh");
    expect(zero.rows.map((r) => Number(r.cv!.toFixed(12)))).toEqual(SCHOOL_INDICATORS.map(() => 0.5));
  });
});

describe("highlights after a check", () => {
  test("an error and a warning on one cell: the cell is red, in either order; the cell list has it once", () => {
    const f = (severity: "error" | "warning"): Finding => ({ severity, code: "x", sheet: "表", address: "A4", table: "T", key: "", header: "", message: { zh: "", en: "" } });
    const snapshot = only("indicators", indicatorTable(PLAN), []);
    for (const order of [[f("error"), f("warning")], [f("warning"), f("error")]]) {
      expect(planHighlights(order, snapshot)).toEqual([
        { op: "format", sheet: "表", address: "A4", fill: "#FFC7CE" },
        { op: "setCells", sheet: "PM_Meta", address: "F1:F1", formulas: [["表!A4"]] },
      ]);
    }
  });

  test("a cell flagged last time and again now is not reset to the input colour on the way; one now clean is (fifth draw)", () => {
    const f: Finding = { severity: "warning", code: "x", sheet: "表", address: "A4", table: "T", key: "", header: "", message: { zh: "", en: "" } };
    const snapshot = { ...only("indicators", indicatorTable(PLAN), []), meta: { templateId: PLAN.id, version: PLAN.version, language: "zh" as const, protection: false, ids: [], highlights: ["表!A4", "表!B5"] } };
    expect(planHighlights([f], snapshot)).toEqual([
      { op: "format", sheet: "表", address: "B5", fill: COLORS.input },
      { op: "format", sheet: "表", address: "A4", fill: COLORS.warning },
      { op: "setCells", sheet: "PM_Meta", address: "F1:F2", formulas: [["表!A4"], [""]] },
    ]);
  });
});

describe("the rows the template writes for the balance sheet and the building programme", () => {
  const at = (stage: "primary" | "junior", row: number) => `${stage}${row}`;

  test("balance: the largest and the mean of the seven coefficients (units: coefficient), then the class share (a percentage)", () => {
    const rows = templateRows("balance", PLAN, "zh", at);
    expect(rows.slice(7).map((r) => [r.unit, r.cells[BH.primaryCv], r.cells[BH.juniorCv]])).toEqual([
      ["coefficient", "=MAX(primary0:primary6)", "=MAX(junior0:junior6)"],
      ["coefficient", "=AVERAGE(primary0:primary6)", "=AVERAGE(junior0:junior6)"],
      ["percent", expect.stringMatching(/^=IFERROR\(SUMIFS\(.*"小学"\),""\)$/), expect.stringMatching(/"初中"\),""\)$/)],
    ]);
    expect(rows.slice(0, 7).every((r) => r.unit === "coefficient")).toBe(true);
  });

  test("building: the sum of the parts as the plan prints them (13+8+7+2 new, 1+13+7+6 expanded, places 6660+23085+11950+4700)", () => {
    const sum = templateRows("build", PLAN, "zh", at).find((r) => r.key === "BLD-SUM")!.cells;
    expect([sum[BUH.planNew], sum[BUH.planExpanded], sum[BUH.planProjects], sum[BUH.planPlaces]]).toEqual([30, 27, 57, 46395]);
  });

  test("a plan without a building programme has no building rows", () => {
    const plan = { ...PLAN };
    delete plan.building;
    expect(templateRows("build", plan, "zh", at)).toEqual([]);
  });

  test("a project's start and completion years: five years either side of the period, said in the message", () => {
    const spec = projectTable(PLAN);
    const rule = spec.columns.find((c) => c.header === PH.start)!.validation!;
    expect([rule.rule, rule.error.zh]).toEqual([{ kind: "decimal", min: 2016, max: 2030 }, "请填写 2016 到 2030 之间的年份。"]);
  });
});

describe("smaller pieces the second sample showed untested", () => {
  test("a workbook with indicators only: no task or milestone rows are made up", () => {
    const a = assessYear(PLAN, only("indicators", indicatorTable(PLAN), [{ [DH.id]: "LOC-01" }]), 2023);
    expect([a.tasks, a.milestones]).toEqual([[], []]);
  });

  test("the schools sheet's cached per-student values and rule: blank for a school without enrolment", () => {
    const s = only("schools", schoolTable(), [{ [SH.school]: "甲", [SH.stage]: "小学", ...Object.fromEntries(SCHOOL_INDICATORS.map((i) => [i.raw, 10])) }]);
    const cells = resultOps(PLAN, s, "zh").flatMap((o) => (o.op === "results" ? o.cells : []));
    const headers = s.tables.schools!.headers;
    const at = (h: string) => cells.find(([a]) => a === `${String.fromCharCode(65 + headers.indexOf(h))}4`)?.[1];
    expect([...SCHOOL_INDICATORS.map((i) => at(i.per)), at(SH.balance)]).toEqual([...SCHOOL_INDICATORS.map(() => ""), ""]);
  });

  test("the stored plan's chunks: each marked, nothing else; highlights read back skipping blanks and numbers", () => {
    expect(planChunks("{}")).toEqual(["~{}"]);
    expect(planChunks("")).toEqual([]);
    const column: unknown[][] = [["template", PLAN.id, "", "", "", "规划指标!A4"], ["version", PLAN.version, "", "", "", ""], ["language", "zh", "", "", "", 7], ["protection", "off", "", "", "", "规划指标!B5"]];
    expect(metaFromCells((r, c) => column[r]?.[c], 4)?.highlights).toEqual(["规划指标!A4", "规划指标!B5"]);
  });

  test("a carried-over baseline gets its note only where the row's note is blank", () => {
    const headers = definitionTable().columns.map((c) => c.header);
    const note = headers.indexOf(DH.note);
    const row = (text: string) => headers.map((_, i) => (i === note ? text : null));
    // Header at row 5 (index 4): data rows 6, 7, 8; the second has a note of the planner's.
    const values = [row(""), row("自有备注"), row("")];
    const snapshot = { tables: { plan: { name: TABLES.plan, sheet: "规划定义", col: 0, row: 4, headers, values, formulas: values } }, sheets: [], names: [], meta: null, year: null, protectedSheets: [] } as unknown as WorkbookSnapshot;
    const baseline = String.fromCharCode(65 + headers.indexOf(DH.baseline));
    const noteAt = (r: number) => `${String.fromCharCode(65 + note)}${r}`;
    const carried = (r: number) => ({ id: "X", value: 0.5, sheet: "规划定义", address: `${baseline}${r}`, text: "50", from: 2025 });
    const notes = (r: number) => carryOps([carried(r)], snapshot, "zh").filter((o) => o.op === "setCells" && o.address === noteAt(r));
    expect(notes(7)).toEqual([]);
    expect(notes(6)).toEqual([{ op: "setCells", sheet: "规划定义", address: noteAt(6), formulas: [["沿用上期 2025 年终值，可修改"]] }]);
    // A note cell never typed in (null, not "") is blank too.
    const untouched = { ...snapshot, tables: { plan: { ...snapshot.tables.plan!, values: values.map((r) => r.map(() => null)) } } } as WorkbookSnapshot;
    expect(carryOps([carried(7)], untouched, "zh").filter((o) => o.op === "setCells" && o.address === noteAt(7)).length).toBe(1);
    // The note column dragged to the front of the table is still the note column.
    const first = [DH.note, ...headers.filter((h) => h !== DH.note)];
    const moved = { ...snapshot, tables: { plan: { ...snapshot.tables.plan!, headers: first, values: values.map(() => first.map(() => null)) } } } as WorkbookSnapshot;
    expect(carryOps([carried(6)], moved, "zh").filter((o) => o.op === "setCells").map((o) => (o as { address: string }).address)).toEqual([`${baseline}6`, "A6"]);
    // A definition table without its note column (deleted by the planner): the value and its colour only.
    const bare = headers.filter((h) => h !== DH.note);
    const withoutNote = { ...snapshot, tables: { plan: { ...snapshot.tables.plan!, headers: bare, values: values.map(() => bare.map(() => null)) } } } as WorkbookSnapshot;
    expect(carryOps([carried(6)], withoutNote, "zh").map((o) => o.op)).toEqual(["setCells", "format"]);
  });
});

describe("a 左右 target's band typed past Excel's rule", () => {
  test("150 % or text: an error naming the cell, and the row is 数据有误 (never judged with another band); 5 % or blank is fine", () => {
    const row = (band: Cell) => ({ [IH.id]: "LOC-01", [IH.unit]: "%", [IH.baseline]: 0.9252, [IH.target]: 0.94, [IH.band]: band, [yearHeader(2023)]: 0.95 });
    const bandCol = String.fromCharCode(65 + indicatorTable(PLAN).columns.findIndex((c) => c.header === IH.band));
    for (const band of [1.5, "10%"]) {
      const s = only("indicators", indicatorTable(PLAN), [row(band)]);
      const found = checkWorkbook(PLAN, s);
      expect(codes(found)).toEqual([["band", `${bandCol}4`, "LOC-01"]]);
      expect(found[0]!.message.zh).toBe(`${bandCol}4：左右幅度“${band}”不是 0% 到 99% 之间的比例，无法据此判断是否达到目标。请填写如 5% 的比例，或留空（按 5% 计）。`);
      expect(assessYear(PLAN, s, 2023).indicators.map((r) => r.status)).toEqual(["invalid"]);
    }
    for (const band of [0.05, null]) expect(checkWorkbook(PLAN, only("indicators", indicatorTable(PLAN), [row(band)]))).toEqual([]);
  });

  test("the same on the task sheet", () => {
    const task = { [TH.id]: "T-LLL-02", [TH.unit]: "%", [TH.target]: "95%", [TH.band]: 2 };
    expect(codes(checkWorkbook(PLAN, only("tasks", taskTable(PLAN), [task]))).map((c) => c[0])).toEqual(["band"]);
  });
});
