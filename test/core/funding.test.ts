/**
 * Funding checks (issue 14, domain notes §8): each golden value below is worked out by hand in the
 * comment beside it, and checked through the core rules, the PLAN functions as Excel calls them
 * (2D ranges) and the workbook assessment that feeds the report.
 */
import * as F from "../../src/functions/functions";
import { combine, fasterAt, growthRate, notBelow, readFigure, risesAt, stepsWithData } from "../../src/core/calc/funding";
import { SCHOOL_STAGES } from "../../src/core/calc/projects";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { assessFunding, type FundingCheck } from "../../src/core/workbook/funding";
import { checkWorkbook } from "../../src/core/workbook/check";
import { FH, fundingTable, FUNDING_CHECK_HEADERS, type FundingCheckId } from "../../src/core/workbook/layout";
import type { Cell, WorkbookSnapshot } from "../../src/core/workbook/model";

const PLAN = embeddedPlan();

/** A workbook whose funding table holds these rows (cells by header; everything else blank). */
/** A funding table with these columns and rows (values as typed), its header at A3. */
function table(headers: string[], values: Cell[][]): WorkbookSnapshot {
  return {
    tables: { funding: { name: "PM_Funding", sheet: "教育经费", col: 0, row: 2, headers, formulas: values, values } },
    sheets: ["教育经费"],
    names: [],
    meta: null,
    year: 2023,
    protectedSheets: [],
  };
}

function workbook(rows: Array<Record<string, Cell>>): WorkbookSnapshot {
  const headers = fundingTable(PLAN).columns.map((c) => c.header);
  return table(headers, rows.map((r) => headers.map((h) => (h in r ? r[h]! : null))));
}

/** Every stage's enrolment (students), per-student spending and public funds (yuan) for one year. */
function stages(enrol: number[], spending: number[], publicFunds: number[]): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  SCHOOL_STAGES.forEach((s, k) => {
    out[FH.enrolment(s)] = enrol[k]!;
    out[FH.spending(s)] = spending[k]!;
    out[FH.publicFunds(s)] = publicFunds[k]!;
  });
  return out;
}

function check(snapshot: WorkbookSnapshot, id: FundingCheckId, year: number): FundingCheck {
  const a = assessFunding(PLAN, snapshot, checkWorkbook(PLAN, snapshot))!;
  return a.checks.find((c) => c.check === id && c.year === year)!;
}

const E = [100, 200, 100, 50, 30];
const S = [10000, 12000, 15000, 18000, 20000];
const P = [1000, 1100, 1500, 1800, 2000];
const up = (xs: number[], f = 1.05) => xs.map((x) => Math.round(x * f));

describe("三个增长: appropriations against regular revenue", () => {
  test("revenue fell while appropriations grew: met", () => {
    // Appropriations 100 → 105 (+5 %); revenue 200 → 190 (−5 %): +5 % > −5 %.
    expect(fasterAt([100, 105], [200, 190], 1)).toBe("met");
    const wb = workbook([
      { [FH.year]: 2020, [FH.budget]: 900, [FH.appropriation]: 100, [FH.revenue]: 200 },
      { [FH.year]: 2021, [FH.budget]: 950, [FH.appropriation]: 105, [FH.revenue]: 190 },
    ]);
    const c = check(wb, "appropriation", 2021);
    expect(c.verdict).toBe("met");
    expect(c.compared.map((x) => x.value)).toEqual([expect.closeTo(0.05, 12), expect.closeTo(-0.05, 12)]);
    expect(F.faster([[100], [105]], [[200], [190]], 2, "zh")).toBe("落实");
  });

  test("both grew, revenue faster: not met; equal growth is not 'higher': not met", () => {
    // 100 → 104 (+4 %) against 200 → 210 (+5 %).
    expect(fasterAt([100, 104], [200, 210], 1)).toBe("notMet");
    // 100 → 105 and 200 → 210: both +5 %, which is not higher (0.05 vs 0.05 within the tolerance).
    expect(fasterAt([100, 105], [200, 210], 1)).toBe("notMet");
    expect(F.faster([[100, 104]], [[200, 210]], 2, "en")).toBe("Not met");
  });

  test("appropriations not kept apart: the budget education spending stands for them", () => {
    // Budget 1000 → 1080 (+8 %), revenue 2000 → 2100 (+5 %): met, compared figure +8 %.
    const wb = workbook([
      { [FH.year]: 2020, [FH.budget]: 1000, [FH.revenue]: 2000 },
      { [FH.year]: 2021, [FH.budget]: 1080, [FH.revenue]: 2100 },
    ]);
    const c = check(wb, "appropriation", 2021);
    expect(c.verdict).toBe("met");
    expect(c.compared[0]!.value).toBeCloseTo(0.08, 12);
  });
});

describe("两个只增不减: in total and per student", () => {
  test("a per-student fall hidden by a rising total: total met, per student not met", () => {
    // Budget 1,000 → 1,050 万元 (+5 %); enrolment 480 → 528 (+10 %).
    // Per student: 10,000,000 / 480 = 20,833.33 yuan → 10,500,000 / 528 = 19,886.36 yuan (−4.55 %).
    const wb = workbook([
      { [FH.year]: 2020, [FH.budget]: 1000, ...stages(E, S, P) },
      { [FH.year]: 2021, [FH.budget]: 1050, ...stages(up(E, 1.1), up(S), up(P)) },
    ]);
    expect(check(wb, "budget", 2021).verdict).toBe("met");
    const perStudent = check(wb, "perStudent", 2021);
    expect(perStudent.verdict).toBe("notMet");
    expect(perStudent.compared[0]!.value).toBeCloseTo(19886.3636 / 20833.3333 - 1, 6); // −4.545 %
    expect(perStudent.compared[0]!.value).toBeCloseTo(-0.0454545, 6);
  });

  test("the workbook: a flat budget is met (not a fall), compared as its growth of 0; a budget or a count typed as text makes per student invalid (sixth draw, seed 20261209)", () => {
    const flat = workbook([
      { [FH.year]: 2020, [FH.budget]: 1000, ...stages(E, S, P) },
      { [FH.year]: 2021, [FH.budget]: 1000, ...stages(E, S, P) },
    ]);
    const budget = check(flat, "budget", 2021);
    expect([budget.verdict, budget.compared.map((c) => [c.kind, c.value])]).toEqual(["met", [["growth", 0]]]);
    const textBudget = workbook([
      { [FH.year]: 2020, [FH.budget]: 1000, ...stages(E, S, P) },
      { [FH.year]: 2021, [FH.budget]: "1,050", ...stages(E, S, P) },
    ]);
    expect(check(textBudget, "perStudent", 2021).verdict).toBe("invalid");
    const textCount = workbook([
      { [FH.year]: 2020, [FH.budget]: 1000, ...stages(E, S, P) },
      { [FH.year]: 2021, [FH.budget]: 1050, ...stages(E, S, P), [FH.enrolment(SCHOOL_STAGES[1]!)]: "200" },
    ]);
    expect(check(textCount, "perStudent", 2021).verdict).toBe("invalid");
  });

  test("equal from one year to the next does not fall: met; one yuan less: not met", () => {
    expect(risesAt([[500, 500]], 1, false)).toBe("met");
    expect(risesAt([[500, 499]], 1, false)).toBe("notMet");
    expect(F.noFall([[500], [500], [499]], "", undefined, "zh")).toBe("未落实");
    expect(F.noFall([[500], [500], [501]], "", undefined, "zh")).toBe("落实");
  });
});

describe("per-student spending and public funds grow, each stage", () => {
  test("flat is not growth; one stage falling fails the year; a stage with no students is left out", () => {
    expect(risesAt([[10, 10]], 1, true)).toBe("notMet");
    expect(risesAt([[10, 11], [20, 19]], 1, true)).toBe("notMet");
    // The second stage has no students in either year and no figures: only the first is checked.
    expect(risesAt([[10, 11], [null, null]], 1, true, [[5, 6], [0, null]])).toBe("met");
    // A stage with students and no figure is no data, never a pass.
    expect(risesAt([[10, 11], [null, null]], 1, true, [[5, 6], [3, 3]])).toBe("noData");
    // As Excel calls it: a block of two stages down two years, enrolment in the same shape.
    expect(F.grows([[10, ""], [11, ""]], 2, [[5, 0], [6, 0]], "zh")).toBe("落实");
    expect(F.grows([[10, ""], [11, ""]], 2, [[5, 3], [6, 3]], "zh")).toBe("无数据");
  });

  test("the workbook: every stage's growth is shown, and one falling stage decides", () => {
    const spending2021 = [...up(S)];
    spending2021[2] = 14000; // junior 15,000 → 14,000 (−6.67 %)
    const wb = workbook([
      { [FH.year]: 2020, ...stages(E, S, P) },
      { [FH.year]: 2021, ...stages(E, spending2021, up(P)) },
    ]);
    const c = check(wb, "spending", 2021);
    expect(c.verdict).toBe("notMet");
    expect(c.compared.map((x) => x.label.zh)).toEqual(["学前", "小学", "初中", "普通高中", "中职"]);
    expect(c.compared[2]!.value).toBeCloseTo(-1 / 15, 12);
    expect(check(wb, "publicFunds", 2021).verdict).toBe("met");
  });
});

describe("which stages a per-student check lists (fifth draw, seed 20261208)", () => {
  // A stage is left out only when it has no figure in either year and no pupils (blank or 0) in either
  // year: it does not exist in the district. Any figure, or pupils in either year, keeps it listed.
  const row = (year: number, spending: Cell[], enrol: Cell[]) => {
    const out: Record<string, Cell> = { [FH.year]: year };
    SCHOOL_STAGES.forEach((st, k) => {
      out[FH.spending(st)] = spending[k]!;
      out[FH.enrolment(st)] = enrol[k]!;
    });
    return out;
  };
  // Stages: 学前, 小学, 初中, 普通高中, 中职.
  const wb = workbook([
    row(2020, [10000, null, null, 18000, null], [100, null, 0, null, null]),
    row(2021, [10500, null, null, null, 20000], [100, 200, null, null, null]),
    // 2022 gives 初中 figures and pupils and 普通高中 none: a check of 2021 must not look at them.
    row(2022, [11000, null, 15000, null, 21000], [100, 200, 50, null, null]),
  ]);

  test("2021: 初中 (no figure, pupils 0 then blank) is left out; pupils in one year, or a figure in one year, keep a stage", () => {
    expect(check(wb, "spending", 2021).compared.map((x) => x.label.zh)).toEqual(["学前", "小学", "普通高中", "中职"]);
  });

  test("2022: 初中 has figures now and is listed; 普通高中 (nothing in 2021 or 2022) is not", () => {
    expect(check(wb, "spending", 2022).compared.map((x) => x.label.zh)).toEqual(["学前", "小学", "初中", "中职"]);
  });
});

describe("teachers' pay", () => {
  test("at least the civil servants': equal is met, below is not; pay grows", () => {
    expect(notBelow(120000, 120000)).toBe("met");
    expect(notBelow(119999, 120000)).toBe("notMet");
    expect(F.notBelowFunction(130000, 128000, "zh")).toBe("落实");
    const wb = workbook([
      { [FH.year]: 2020, [FH.teacherPay]: 120000, [FH.civilPay]: 118000 },
      { [FH.year]: 2021, [FH.teacherPay]: 119000, [FH.civilPay]: 121000 },
    ]);
    expect(check(wb, "payParity", 2021).verdict).toBe("notMet");
    expect(check(wb, "teacherPay", 2021).verdict).toBe("notMet"); // 120,000 → 119,000 fell
  });
});

describe("blanks and bad data", () => {
  test("blanks give no data, never met; a year with no figure at all is not reported yet", () => {
    const wb = workbook([{ [FH.year]: 2020 }, { [FH.year]: 2021, [FH.revenue]: 100 }, { [FH.year]: 2022 }]);
    const a = assessFunding(PLAN, wb, [])!;
    expect(new Set(a.checks.map((c) => c.verdict))).toEqual(new Set(["noData"]));
    expect(a.years).toEqual([2021]);
    expect(F.faster([[""], [105]], [[200], [190]], 2, "zh")).toBe("无数据");
    expect(F.notBelowFunction("", 120000, "zh")).toBe("无数据");
  });

  test("a typed-in text value: invalid data, with the data check naming the cell", () => {
    const wb = workbook([
      { [FH.year]: 2020, [FH.budget]: 1000, [FH.revenue]: 2000 },
      { [FH.year]: 2021, [FH.budget]: "1050", [FH.revenue]: 2100 },
    ]);
    const findings = checkWorkbook(PLAN, wb);
    expect(findings).toContainEqual(expect.objectContaining({ severity: "error", sheet: "教育经费", address: "B5", code: "text-number" }));
    expect(check(wb, "budget", 2021)).toMatchObject({ verdict: "invalid", problems: [expect.objectContaining({ address: "B5" })] });
    // The appropriation check reads the budget (appropriations blank): invalid too, not "met".
    expect(check(wb, "appropriation", 2021).verdict).toBe("invalid");
    expect(F.noFall([[1000], ["1050"]], 2, undefined, "zh")).toBe("数据有误");
    expect(F.noFall([[1000], [-5]], 2, undefined, "en")).toBe("Invalid data");
    expect(F.faster([[100], ["abc"]], [[1], [2]], 2, "zh")).toBe("数据有误");
  });

  test("rows out of year order are an error naming the cell: growth compares a row with the one above", () => {
    const wb = workbook([{ [FH.year]: 2020 }, { [FH.year]: 2022 }, { [FH.year]: 2021 }]);
    expect(checkWorkbook(PLAN, wb)).toContainEqual(expect.objectContaining({ code: "funding-year", address: "A5" }));
  });
});

describe("PLAN.GROWTH", () => {
  test("a column's growths, blanks respected, in the shape Excel gave", () => {
    // 100 → 110 (+10 %) → blank → 121 (no growth across the hole) → 133.1 (+10 %).
    const out = F.growth([[100], [110], [""], [121], [133.1]]) as (number | string)[][];
    expect(out.map((r) => r[0])).toEqual(["", expect.closeTo(0.1, 12), "", "", expect.closeTo(0.1, 12)]);
    const row = F.growth([[100, 125]]) as (number | string)[][];
    expect(row).toEqual([["", 0.25]]);
    expect(F.growth([[100], [90]], 2)).toBeCloseTo(-0.1, 12);
    expect(F.growth([[100], [90]], 1)).toBe("");
  });

  test("errors: text is #VALUE! naming the item; growth from 0 is #DIV/0!; a bad position is #VALUE!", () => {
    expect(() => F.growth([[100], ["x"]])).toThrow(expect.objectContaining({ code: "#VALUE!", message: expect.stringContaining("2") }));
    expect(() => F.growth([[0], [5]], 2)).toThrow(expect.objectContaining({ code: "#DIV/0!" }));
    expect(() => F.growth([[1], [2]], 3)).toThrow(expect.objectContaining({ code: "#VALUE!" }));
    expect(() => F.faster([[1], [2]], [[1], [2], [3]])).toThrow(expect.objectContaining({ code: "#VALUE!" }));
  });
});

describe("rule pieces", () => {
  test("readings, growth, the worst verdict, and the steps worth judging", () => {
    expect([readFigure(""), readFigure(5), readFigure("5"), readFigure(-1), readFigure(true)]).toEqual([null, 5, "invalid", "invalid", "invalid"]);
    expect(growthRate(0, 5)).toBeNull();
    expect(combine(["met", "noData", "notMet"])).toBe("notMet");
    expect(combine(["met", "invalid", "notMet"])).toBe("invalid");
    expect(combine([])).toBe("noData");
    // Years not reported yet are not "no data"; a hole in the middle is.
    expect(stepsWithData([[1, 2, 3, null, null]])).toEqual([1, 2]);
    expect(stepsWithData([[1, null, 3]])).toEqual([1, 2]);
    expect(F.noFall([[1], [2], [3], [""], [""]], "", undefined, "zh")).toBe("落实");
    expect(F.noFall([[1], [""], [3]], "", undefined, "zh")).toBe("无数据");
  });

  test("the sheet's check columns call the functions these tests exercise", () => {
    const spec = fundingTable(PLAN);
    const formula = (id: FundingCheckId) => spec.columns.find((c) => c.header === FUNDING_CHECK_HEADERS[id])!.formula!;
    // Blank for a year not reported yet and for the first year; otherwise the function's verdict.
    const guard = /^=IF\(OR\(COUNT\(\[@\[.*\]\]\)=0,ROW\(\)-ROW\(PM_Funding\[\[#Headers\],\[年度 Year\]\]\)=1\),"",/;
    for (const id of ["appropriation", "spending", "budget", "payParity"] as const) expect(formula(id)).toMatch(guard);
    expect(formula("appropriation")).toContain(",PLAN.FASTER(");
    expect(formula("spending")).toContain(",PLAN.GROWS(");
    expect(formula("budget")).toContain(",PLAN.NOFALL(");
    expect(formula("payParity")).toContain(",PLAN.NOTBELOW(");
  });
});

describe("a funding row whose year is not a number", () => {
  test("its checks take the year its position gives (base year + row), and the data check names the cell", () => {
    // The base year is 2020: the second row stands for 2021 when its year cell holds text.
    const wb = workbook([
      { [FH.year]: 2020, [FH.budget]: 900, [FH.appropriation]: 100, [FH.revenue]: 200 },
      { [FH.year]: "二〇二一", [FH.budget]: 950, [FH.appropriation]: 105, [FH.revenue]: 190 },
    ]);
    const a = assessFunding(PLAN, wb, checkWorkbook(PLAN, wb))!;
    expect(new Set(a.checks.map((c) => c.year))).toEqual(new Set([2021]));
    expect(checkWorkbook(PLAN, wb).some((f) => f.header === FH.year && f.severity === "error")).toBe(true);
  });
});

describe("the data check finds funding columns by header, wherever they stand", () => {
  // A planner may drag a column to the front, or an older template may lack some: the check reads
  // what is there and names the right cell (the negative budget in the first column is A4).

  test("an amount in the first column is checked; amounts missing from the table are passed over", () => {
    const findings = checkWorkbook(PLAN, table([FH.budget, FH.year, FH.revenue], [[-5, 2020, 100], [10, 2021, -1]]));
    expect(findings.filter((f) => f.code === "negative").map((f) => [f.header, f.address])).toEqual([
      [FH.budget, "A4"],
      [FH.revenue, "C5"],
    ]);
  });
});

describe("which cells a check names as its problems", () => {
  test("pay parity compares one year's two figures: last year's bad pay is the growth check's problem, not this year's parity", () => {
    // 2020's teachers' pay typed as text; 2021: 10.5 against 10 (not below: met).
    const wb = workbook([
      { [FH.year]: 2020, [FH.teacherPay]: "十万", [FH.civilPay]: 9.5 },
      { [FH.year]: 2021, [FH.teacherPay]: 10.5, [FH.civilPay]: 10 },
    ]);
    const bad = FH.teacherPay;
    const column = String.fromCharCode(65 + fundingTable(PLAN).columns.findIndex((c) => c.header === bad));
    expect(check(wb, "payParity", 2021)).toMatchObject({ verdict: "met", problems: [] });
    expect(check(wb, "teacherPay", 2021).problems.map((p) => p.address)).toEqual([`${column}4`]);
  });
});

describe("which cells a check names, and what it compares (fourth sample, seed 20261204)", () => {
  const col = (h: string) => String.fromCharCode(65 + fundingTable(PLAN).columns.findIndex((c) => c.header === h));

  test("a year cell typed as text makes its own year's checks and the next year's invalid (growth reads the row above), not the one before", () => {
    // Budgets 100, 110, 120, 130 for 2020–2023; 2022's year typed as text (its position still gives 2022).
    const wb = workbook([
      { [FH.year]: 2020, [FH.budget]: 100 },
      { [FH.year]: 2021, [FH.budget]: 110 },
      { [FH.year]: "二〇二二", [FH.budget]: 120 },
      { [FH.year]: 2023, [FH.budget]: 130 },
    ]);
    const row = (year: number) => check(wb, "budget", year);
    expect([row(2021).verdict, row(2022).verdict, row(2023).verdict]).toEqual(["met", "invalid", "invalid"]);
    expect(row(2023).problems.map((p) => p.address)).toEqual([`${col(FH.year)}6`]);
  });

  test("pay parity: a civil servants' pay typed as text is its problem; the figures compared are the numbers, text none", () => {
    const wb = workbook([
      { [FH.year]: 2020, [FH.teacherPay]: 10, [FH.civilPay]: 9.5 },
      { [FH.year]: 2021, [FH.teacherPay]: 10.5, [FH.civilPay]: "十万" },
      { [FH.year]: 2022, [FH.teacherPay]: 11, [FH.civilPay]: 10.8 },
    ]);
    const bad = check(wb, "payParity", 2021);
    expect([bad.verdict, bad.problems.map((p) => p.address), bad.compared.map((c) => c.value)]).toEqual(["invalid", [`${col(FH.civilPay)}5`], [10.5, null]]);
    // Two levels (amounts, printed as such), not growths.
    expect(check(wb, "payParity", 2022)).toMatchObject({ verdict: "met", problems: [], compared: [{ value: 11, kind: "level" }, { value: 10.8, kind: "level" }] });
  });

  test("per-student spending: a stage's spending or enrolment typed as text is named among the check's problems", () => {
    const wb = workbook([
      { [FH.year]: 2020, ...stages(E, S, P) },
      { [FH.year]: 2021, ...stages(E, up(S), up(P)), [FH.spending("junior")]: "一万五" },
      { [FH.year]: 2022, ...stages(E, up(S, 1.1), up(P, 1.1)), [FH.enrolment("primary")]: "二百" },
    ]);
    expect(check(wb, "spending", 2021).problems.map((p) => p.address)).toEqual([`${col(FH.spending("junior"))}5`]);
    // 2022 compares with 2021: the junior spending above and the primary enrolment of its own row.
    expect(check(wb, "spending", 2022).problems.map((p) => p.address).sort()).toEqual([`${col(FH.spending("junior"))}5`, `${col(FH.enrolment("primary"))}6`].sort());
  });
});

describe("years, compared cells and per-student steps (fifth sample, seed 20261205)", () => {
  const col = (h: string) => String.fromCharCode(65 + fundingTable(PLAN).columns.findIndex((c) => c.header === h));

  test("a table that starts in an earlier period's year keeps its own years", () => {
    const wb = workbook([{ [FH.year]: 2016, [FH.budget]: 100 }, { [FH.year]: 2017, [FH.budget]: 110 }, { [FH.year]: 2018, [FH.budget]: 120 }]);
    expect(assessFunding(PLAN, wb, checkWorkbook(PLAN, wb))!.years).toEqual([2017, 2018]);
  });

  test("appropriations not kept apart: the budget cell is the one named when it is text", () => {
    const wb = workbook([
      { [FH.year]: 2020, [FH.budget]: 1000, [FH.revenue]: 2000 },
      { [FH.year]: 2021, [FH.budget]: "1050", [FH.revenue]: 2100 },
    ]);
    expect(check(wb, "appropriation", 2021).problems.map((p) => p.address)).toEqual([`${col(FH.budget)}5`]);
  });

  test("per student: equal from one year to the next does not fall (met); a stage's count typed as text is named", () => {
    // 1000 × 10000 / 500 = 20,000 both years.
    const all = Object.fromEntries(SCHOOL_STAGES.map((s) => [FH.enrolment(s), 100]));
    const flat = workbook([{ [FH.year]: 2020, [FH.budget]: 1000, ...all }, { [FH.year]: 2021, [FH.budget]: 1000, ...all }]);
    expect(check(flat, "perStudent", 2021).verdict).toBe("met");
    // 1100 for 600 pupils (18,333.33) after 1000 for 500 (20,000): the total rose, per student fell.
    const more = workbook([{ [FH.year]: 2020, [FH.budget]: 1000, ...all }, { [FH.year]: 2021, [FH.budget]: 1100, ...all, [FH.enrolment("primary")]: 200 }]);
    expect([check(more, "budget", 2021).verdict, check(more, "perStudent", 2021).verdict]).toEqual(["met", "notMet"]);
    expect(check(more, "perStudent", 2021).compared[0]!.value).toBeCloseTo(-1 / 12, 12); // 18,333.33 ÷ 20,000 = 11/12
    // No pupils at all: no per-student figure, no data.
    const none = Object.fromEntries(SCHOOL_STAGES.map((s) => [FH.enrolment(s), 0]));
    expect(check(workbook([{ [FH.year]: 2020, [FH.budget]: 1000, ...none }, { [FH.year]: 2021, [FH.budget]: 1100, ...none }]), "perStudent", 2021).verdict).toBe("noData");
    const text = workbook([{ [FH.year]: 2020, [FH.budget]: 1000, ...all }, { [FH.year]: 2021, [FH.budget]: 1000, ...all, [FH.enrolment("junior")]: "一百" }]);
    expect(check(text, "perStudent", 2021).problems.map((p) => p.address)).toEqual([`${col(FH.enrolment("junior"))}5`]);
  });
});

describe("budget spending per student needs every stage's count", () => {
  test("one stage's enrolment left blank: no data, never met on the pupils that are counted", () => {
    // 2020: 1000 × 10000 / 500 = 20,000; 2021 without the senior count would read 1100 × 10000 / 400 = 27,500 (met) if it counted.
    const all = Object.fromEntries(SCHOOL_STAGES.map((s) => [FH.enrolment(s), 100]));
    const wb = workbook([
      { [FH.year]: 2020, [FH.budget]: 1000, ...all },
      { [FH.year]: 2021, [FH.budget]: 1100, ...all, [FH.enrolment("senior")]: null },
      { [FH.year]: 2022, [FH.budget]: 1200, ...all },
    ]);
    expect(check(wb, "perStudent", 2021).verdict).toBe("noData");
    expect(check(wb, "perStudent", 2022).verdict).toBe("noData");
    const full = workbook([
      { [FH.year]: 2020, [FH.budget]: 1000, ...all },
      { [FH.year]: 2021, [FH.budget]: 1100, ...all },
    ]);
    expect(check(full, "perStudent", 2021).verdict).toBe("met");
  });
});
