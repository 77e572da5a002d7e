/**
 * The portable dialect (built-in functions only, src/core/workbook/portable.ts) computed by the test
 * spreadsheet engine with no add-in, on the verdict table worked by hand (verdict-cases.ts) and the
 * edges of the other rules: the formula written for a row must say what the core says, status label
 * for label and figure for figure. The core's results beside them are checked against the same hand
 * values in test/core; here they only stand for "what the report prints".
 */
import { CASES } from "../core/verdict-cases";
import { completionFor, expectedFor, gapTo, verdict, type YearValue } from "../../src/core/calc/verdict";
import { readBaseline, readTarget, type Baseline, type DirectionHint } from "../../src/core/calc/target";
import { STATUS_LABELS, type Status } from "../../src/core/calc/status";
import { FUNDING_LABELS } from "../../src/core/calc/funding";
import {
  completionFormula,
  expectedFormula,
  fasterFormula,
  gapFormula,
  milestoneFormula,
  notBelowFormula,
  rejected,
  rejectedUpTo,
  risesFormula,
  statusFormula,
  achievedBy,
  type RowPlan,
  type YearCell,
} from "../../src/core/workbook/portable";
import { WorkbookEvaluator, isFormulaError, type Source, type Value } from "./engine";

const P = { baseYear: 2020, targetYear: 2025 };
const YEARS = [2021, 2022, 2023, 2024, 2025];
const S = "S";
// Row 1 of sheet S: A1 the year's value, B1 the band, C1 the monitoring year (PM_Year), D1:H1 the years 2021–2025.
const ACTUAL = "$A$1";
const BAND = "$B$1";
const yearCell = (y: number) => `$${String.fromCharCode(68 + y - 2021)}$1`;

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(`expected a value, got ${JSON.stringify(r.error)}`);
  return r.value;
}

/** Evaluates formulas on a one-row sheet holding the inputs; returns each formula's value. */
function evaluate(inputs: { actual?: Value; band?: Value; year: number; years?: Array<Value> }, formulas: string[]): Value[] {
  const cells: Source["cells"] = [
    { sheet: S, row: 1, col: 1, value: inputs.actual ?? null },
    { sheet: S, row: 1, col: 2, value: inputs.band ?? null },
    { sheet: S, row: 1, col: 3, value: inputs.year },
    ...YEARS.map((y, i) => ({ sheet: S, row: 1, col: 4 + i, value: inputs.years?.[i] ?? null })),
    ...formulas.map((f, i) => ({ sheet: S, row: 2, col: 1 + i, formula: f })),
  ];
  const ev = new WorkbookEvaluator({ cells, tables: [], names: [{ name: "PM_Year", sheet: S, row: 1, col: 3 }] }, { implementations: {}, metadata: [], blankScalar: null });
  const out = formulas.map((_, i) => ev.valueAt(S, 2, 1 + i));
  expect(ev.failures).toEqual([]);
  return out;
}

const ctx = (deadline = P.targetYear) => ({ year: "PM_Year", baseYear: P.baseYear, deadline, band: BAND, language: "zh" as const });
const years = (max: number | null = null): YearCell[] => YEARS.map((year) => ({ year, value: yearCell(year), rejected: rejected(yearCell(year), max) }));
const shown = (v: Value): number | null => (typeof v === "number" ? v : v === "" || v === "—" || v === null || isFormulaError(v) ? null : Number.NaN);
const near = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)));

describe("status, expected value, completion and gap on the verdict table (each kind × each status, by hand)", () => {
  for (const [kind, cases] of Object.entries(CASES)) {
    test.each(cases)(`${kind}: B %p, T %p, V %p in %p → %s`, (b, t, actual, year, status) => {
      const row: RowPlan = { baseline: b as RowPlan["baseline"], target: t as RowPlan["target"], direction: null, counts: false };
      const [s, e, c, g] = evaluate({ actual, year }, [
        statusFormula({ row, actual: ACTUAL, actualRejected: rejected(ACTUAL, null), years: years() }, ctx()),
        expectedFormula(row, ctx()),
        completionFormula(row, ACTUAL, rejected(ACTUAL, null), ctx()),
        gapFormula(row, ACTUAL, rejected(ACTUAL, null), ctx()),
      ]);
      expect(s).toBe(STATUS_LABELS[status].zh);
      // The report's figures for the same row (the core's verdict; its values are worked by hand in test/core).
      const B: Baseline | null = b === null ? null : must(readBaseline(b));
      const T = must(readTarget(t, { baseline: B }));
      const v = must(verdict({ baseline: B, target: T, actual, year, period: P }));
      expect([shown(e!), shown(c!), shown(g!)].map((x, i) => near(x, [v.expected, v.completion, v.gap][i]!) || [x, [v.expected, v.completion, v.gap][i]])).toEqual([true, true, true]);
    });
  }
});

describe("per-year duties (§7a.2) judge every year so far, as the report does", () => {
  const row: RowPlan = { baseline: null, target: "每年至少15个", direction: null, counts: true };
  test.each([
    [[15, 16, 17], 2023, "onTrack", "15, 16, 17 all ≥ 15 before 2025: held, not 提前实现"],
    [[15, 12, 17], 2023, "regressing", "2022 fell short, before 2025"],
    [[15, 16, 17, 15, 15], 2025, "reached", "every year ≥ 15"],
    [[14, 16, 17, 15, 15], 2025, "missed", "2021 fell short: the target was every year"],
    [[15, 16, null], 2023, "noData", "no 2023 value"],
    [[null, 16, 15], 2023, "noData", "2021 left blank"],
    [[15, 12, null], 2023, "regressing", "a failed year outranks a blank one"],
    [[15, "12", 17], 2023, "invalid", "2022 typed as text: the data check rejects it"],
    [[15, -1, 17], 2023, "invalid", "a negative count"],
    [[15, 16, 17, "x"], 2023, "onTrack", "text in 2024, after the monitoring year, does not count"],
  ] as const)("%j in %p → %s (%s)", (values, year, status, _why) => {
    const cells = years();
    const actual = yearCell(year);
    const [s] = evaluate({ year, years: [...values] }, [statusFormula({ row, actual, actualRejected: rejectedUpTo(cells, "PM_Year"), years: cells }, ctx())]);
    expect(s).toBe(STATUS_LABELS[status as Status].zh);
    const history: YearValue[] = values.map((value, i) => ({ year: 2021 + i, value: typeof value === "number" && value >= 0 ? value : value === null ? null : "invalid" }));
    if (status !== "invalid") {
      const T = must(readTarget(row.target, { baseline: null }));
      const own = history.find((h) => h.year === year)?.value ?? null;
      expect(must(verdict({ baseline: null, target: T, actual: typeof own === "number" ? own : null, year, period: P, earlier: history.filter((h) => h.year < year) })).status).toBe(status);
    }
  });
});

describe("tasks: what was achieved by the year, and reached late after the deadline (§7a.4)", () => {
  test.each([
    ["cumulative", [1, 2, 4, 8, 16], 2023, 7, "1 + 2 + 4"],
    ["latest", [1, 2, 4, 8, 16], 2023, 4, "2023's 4"],
    ["latest", [1, 2, null, null, 16], 2024, 2, "2022's 2: the last year up to 2024 with a figure"],
    ["eachYear", [1, 2, null, 8, 16], 2023, "", "2023 blank"],
    ["cumulative", [null, null, null, 8, 16], 2023, "", "nothing up to 2023"],
  ] as const)("%s of %j by %p = %p (%s)", (basis, values, year, expected, _why) => {
    expect(evaluate({ year, years: [...values] }, [`=${achievedBy(years(), basis, "PM_Year")}`])).toEqual([expected]);
  });

  // The building programme's places, due 2023: 6660 from nothing (verdict.test.ts, reached late).
  const row: RowPlan = { baseline: 0, target: 6660, direction: null, counts: true };
  test.each([
    [[null, 3000, 6185, 6660, null], 2024, "reachedLate", "short in 2023, reached in 2024"],
    [[null, 3000, 6185, 6660, 6660], 2025, "reachedLate", "still late in 2025"],
    [[null, 3000, 6660, 6660, 6660], 2025, "reached", "reached by the deadline"],
    [[null, null, null, 6660, 6660], 2025, "reached", "nothing by the deadline year: no lateness claimed"],
    [[null, 3000, 6185, 6185, 6000], 2025, "missed", "short after the deadline"],
  ] as const)("latest values %j in %p → %s (%s)", (values, year, status, _why) => {
    const cells = years();
    const actual = `IF(TRUE,${achievedBy(cells, "latest", "PM_Year")})`;
    const formula = statusFormula({ row, actual, actualRejected: rejectedUpTo(cells, "PM_Year"), years: cells, atDeadline: achievedBy(cells, "latest", 2023) }, ctx(2023));
    expect(evaluate({ year, years: [...values] }, [formula])).toEqual([STATUS_LABELS[status].zh]);
  });
});

describe("bands and ranges (§7a.1): direction, the band cell, counts", () => {
  test.each([
    [0, "5个–7个", null, false, 8, null, 2025, "reached", -1, "counted up from nothing: 8 is beyond the range"],
    [0, "5个–7个", null, false, 6, null, 2025, "reached", 0, "within"],
    [null, "5个–7个", null, true, 8, null, 2025, "reached", -1, "a count of things with no baseline: more is more"],
    [null, "5个–7个", null, false, 8, null, 2025, "missed", 1, "no direction: 1 above the range"],
    [19.62, "17:1左右", null, false, 16, null, 2025, "reached", -0.15, "lower is better: 16.15 − 16 beyond the band"],
    [null, "1100人左右", "up", false, 1200, null, 2025, "reached", -45, "a stated direction: 1155 − 1200"],
    [null, "1100人左右", null, false, 1200, null, 2025, "missed", 45, "a level to hold: 45 above 1155"],
    [null, "1100人左右", null, false, 1200, 0.1, 2025, "reached", 0, "a 10 % band: 990–1210 holds 1200"],
    [1000, "1100人左右", null, false, 1040, 0.1, 2023, "onTrack", 0, "a 10 % band: 1000 already within 990–1210, a level held"],
    [900, "1100人左右", null, false, 1010, null, 2023, "onTrack", 35, "from 900 up to 1045: P = 110/145 = 0.76 ≥ 0.6"],
    [900, "1100人左右", null, false, 1010, 0.1, 2023, "reachedEarly", 0, "with a 10 % band 990 is the near edge: 1010 reached it"],
    [null, "1100人左右", null, false, 1100, "10%", 2023, "invalid", null, "a band typed as text is rejected"],
    [null, "1100人左右", null, false, 1100, 1.5, 2023, "invalid", null, "a band of 150 % is rejected"],
  ] as const)("B %p, T %p, direction %p, counts %p, V %p, band %p in %p → %s, gap %p (%s)", (b, t, direction, counts, actual, band, year, status, gap, _why) => {
    const row: RowPlan = { baseline: b, target: t, direction, counts };
    const [s, g] = evaluate({ actual, band, year }, [
      statusFormula({ row, actual: ACTUAL, actualRejected: rejected(ACTUAL, null), years: years() }, ctx()),
      gapFormula(row, ACTUAL, rejected(ACTUAL, null), ctx()),
    ]);
    expect(s).toBe(STATUS_LABELS[status].zh);
    if (gap === null) expect(g).toBe("");
    else expect(g as number).toBeCloseTo(gap, 9);
    if (status !== "invalid") {
      const B = b === null ? null : must(readBaseline(b));
      const T = must(readTarget(t, { baseline: B, direction: direction as DirectionHint, band: typeof band === "number" ? band : null, counts }));
      expect(must(verdict({ baseline: B, target: T, actual, year, period: P })).status).toBe(status);
      expect(gapTo(actual, T)).toBeCloseTo(gap!, 9);
    }
  });
});

describe("rows stated in other ways: a level to maintain, a band held with a count, what cannot be read", () => {
  const run = (row: RowPlan, actual: Value, year: number) =>
    evaluate({ actual, year }, [
      statusFormula({ row, actual: ACTUAL, actualRejected: rejected(ACTUAL, null), years: years() }, ctx()),
      expectedFormula(row, ctx()),
      completionFormula(row, ACTUAL, rejected(ACTUAL, null), ctx()),
      gapFormula(row, ACTUAL, rejected(ACTUAL, null), ctx()),
    ]);
  test("a level the direction says to maintain (0.90, target 0.95): at 0.96 held, on track — never reached early (§7a.2)", () => {
    const [s, e, c] = run({ baseline: 0.9, target: 0.95, direction: "maintain", counts: false }, 0.96, 2023);
    // Maintain: the expected value is the level itself; there is no path, so no completion.
    expect([s, e, c]).toEqual(["符合预期", 0.95, "—"]);
  });
  test("a band to maintain, counting things: 8 against 5–7 is above it, missed in 2025 (gap 1); no direction would make more reached", () => {
    expect(run({ baseline: null, target: "5个–7个", direction: "maintain", counts: true }, 8, 2025)).toEqual(["未实现", "—", "—", 1]);
  });
  test("a band to hold from a baseline outside it (900 → 1100人左右, maintain): completion is the share of the way to its near edge, not capped", () => {
    // Near edge 1045: (1100 − 900)/(1045 − 900) = 200/145; inside the band in 2023: reached early.
    const [s, , c, g] = run({ baseline: 900, target: "1100人左右", direction: "maintain", counts: false }, 1100, 2023);
    expect([s, g]).toEqual(["提前实现", 0]);
    expect(c as number).toBeCloseTo(200 / 145, 12);
    const B = must(readBaseline(900));
    expect(must(completionFor(B, must(readTarget("1100人左右", { baseline: B, direction: "maintain" })), 1100))).toBeCloseTo(200 / 145, 12);
  });
  test.each([
    [{ baseline: "约九成", target: 0.94 }, "a baseline that is no figure"],
    [{ baseline: 0.9, target: "很多" }, "a target that is no figure"],
    [{ baseline: 0.9, target: 0.94, direction: "sideways" }, "a direction that is none of the template's"],
  ])("%j: 数据有误, no expected value, completion or gap (%s)", (cells, _why) => {
    expect(run({ direction: null, counts: false, ...cells } as RowPlan, 0.92, 2023)).toEqual(["数据有误", "—", "—", ""]);
  });
});

describe("the data check's unit rule gates every verdict", () => {
  const row: RowPlan = { baseline: 0.9252, target: 0.94, direction: null, counts: false };
  test.each([
    [0.95, 1, "reachedEarly", "95 %"],
    ["0.95", 1, "invalid", "typed as text"],
    [95, 1, "invalid", "percentage points typed as a number"],
    [1.02, 1, "invalid", "102 % in a plain percent row"],
    [1.02, 1.5, "reachedEarly", "102 % in a gross ratio"],
    [-0.1, null, "invalid", "a negative"],
  ] as const)("%p (at most %p) → %s (%s)", (actual, max, status, _why) => {
    const [s, c, g] = evaluate({ actual, year: 2023 }, [
      statusFormula({ row, actual: ACTUAL, actualRejected: rejected(ACTUAL, max), years: years() }, ctx()),
      completionFormula(row, ACTUAL, rejected(ACTUAL, max), ctx()),
      gapFormula(row, ACTUAL, rejected(ACTUAL, max), ctx()),
    ]);
    expect(s).toBe(STATUS_LABELS[status].zh);
    if (status === "invalid") expect([c, g]).toEqual(["—", ""]);
    else expect(c as number).toBeCloseTo(must(completionFor(must(readBaseline(0.9252)), must(readTarget(0.94, { baseline: must(readBaseline(0.9252)) })), actual as number)), 12);
  });
  test("the expected value follows the straight path: 0.9252 + 0.0148 × 3/5 = 0.93408 in 2023", () => {
    expect(evaluate({ year: 2023 }, [expectedFormula(row, ctx())])[0] as number).toBeCloseTo(0.93408, 12);
    expect(must(expectedFor(must(readBaseline(0.9252)), must(readTarget(0.94, { baseline: must(readBaseline(0.9252)) })), 2023, P))).toBe(0.93408);
  });
});

describe("milestones: state, planned year, the year done (verdict.test.ts's table)", () => {
  const formula = milestoneFormula({ state: ACTUAL, planned: "2025", done: BAND }, { year: "PM_Year", baseYear: 2020, language: "zh" });
  test.each([
    [null, 2023, null, "noData"],
    ["已完成", 2023, 2022, "reachedEarly"],
    ["Done", 2025, 2025, "reached"],
    ["已完成", 2025, null, "reached"],
    ["已完成", 2022, 2024, "onTrack"],
    ["进行中", 2024, null, "onTrack"],
    ["未开始", 2022, null, "onTrack"],
    ["未开始", 2023, null, "behind"],
    ["In progress", 2025, null, "missed"],
    ["已完成", 2025, 2026, "missed"],
    ["差不多了", 2023, null, "invalid"],
    ["已完成", 2023, "去年", "invalid"],
  ] as const)("%p in %p (done %p) → %s", (state, year, done, status) => {
    expect(evaluate({ actual: state, band: done, year }, [formula])).toEqual([STATUS_LABELS[status].zh]);
  });
});

describe("funding checks at a year: strict growth, never falling, faster than revenue, pay parity", () => {
  // Row 1 holds last year's figures (A1, B1), row 2 this year's (A2, B2); counts in D1/D2 and E1/E2.
  const cells = { cur: (c: string) => `$${c}$2`, prev: (c: string) => `$${c}$1` };
  const run = (formula: string, prev: Value[], cur: Value[]) => {
    const source: Source = {
      cells: [...prev.map((value, i) => ({ sheet: S, row: 1, col: 1 + i, value })), ...cur.map((value, i) => ({ sheet: S, row: 2, col: 1 + i, value })), { sheet: S, row: 3, col: 1, formula }],
      tables: [],
      names: [],
    };
    const ev = new WorkbookEvaluator(source, { implementations: {}, metadata: [], blankScalar: null });
    const v = ev.valueAt(S, 3, 1);
    expect(ev.failures).toEqual([]);
    return v;
  };
  const L = (v: keyof typeof FUNDING_LABELS) => FUNDING_LABELS[v].zh;
  test.each([
    [[100], [101], true, "met", "grows"],
    [[100], [100], true, "notMet", "flat is not growth"],
    [[100], [100], false, "met", "flat does not fall"],
    [[100], [99.99], false, "notMet", "falls"],
    [[100], [100 * (1 - 1e-12)], false, "met", "within the tolerance"],
    [[100], [null], true, "noData", "no figure this year"],
    [[100], ["101"], true, "invalid", "typed as text"],
    [[-1], [101], true, "invalid", "a negative last year"],
  ] as const)("one series %j → %j (strict %p) → %s (%s)", (prev, cur, strict, verdict, _why) => {
    expect(run(`=${risesFormula(["A"], strict, cells, "zh")}`, [...prev], [...cur])).toBe(L(verdict));
  });
  test.each([
    [[100, null, null, 0, 0], [101, null, null, 0, 0], "met", "the second stage has no students either year: left out"],
    [[100, null, null, 0, 10], [101, null, null, 0, 10], "noData", "students and no figure: no data, never a pass"],
    [[100, 50, null, 10, 10], [101, 49, null, 10, 10], "notMet", "the second stage fell"],
    [[100, "x", null, 10, 10], [99, 49, null, 10, 10], "invalid", "invalid data decides first"],
  ] as const)("two stages with counts %j → %j → %s (%s)", (prev, cur, verdict, _why) => {
    expect(run(`=${risesFormula(["A", "B"], true, cells, "zh", ["D", "E"])}`, [...prev], [...cur])).toBe(L(verdict));
  });
  test.each([
    [[100, 1000], [110, 1050], "met", "10 % against 5 %"],
    [[100, 1000], [105, 1050], "notMet", "5 % against 5 %: not faster"],
    [[100, 1000], [101, 900], "met", "a falling revenue with growing appropriations"],
    [[0, 1000], [101, 1050], "noData", "growth from 0 is not defined"],
    [[100, null], [101, 1050], "noData", "a blank"],
  ] as const)("faster %j → %j → %s (%s)", (prev, cur, verdict, _why) => {
    expect(run(`=${fasterFormula("A", "B", cells, "zh")}`, [...prev], [...cur])).toBe(L(verdict));
  });
  test.each([
    [134000, 132000, "met"],
    [132000, 132000, "met"],
    [131999, 132000, "notMet"],
    [null, 132000, "noData"],
    ["高", 132000, "invalid"],
  ] as const)("pay %p against %p → %s", (pay, civil, verdict) => {
    expect(run(`=${notBelowFormula("$A$2", "$B$2", "zh")}`, [], [pay, civil])).toBe(L(verdict));
  });
});
