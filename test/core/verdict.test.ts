/**
 * The verdict rules of domain notes §7, table-driven: each target kind × each status, through the
 * core (`verdict`). Every expected value is worked out by hand in the comment beside it; none is
 * computed with the product's own functions. functions.test.ts runs the same table through PLAN.*.
 */
import fc from "fast-check";
import { completionFor, expectedFor, gapTo, runStart, verdict, type YearValue } from "../../src/core/calc/verdict";
import { exceeds, readBaseline, readTarget, reaches, type Baseline, type Target } from "../../src/core/calc/target";
import { close, meets } from "../../src/core/calc/compare";
import { schoolRule, meetsSchoolRule, classShare } from "../../src/core/calc/balance";
import type { Status } from "../../src/core/calc/status";
import { milestoneStatus, stateFromText, type MilestoneState } from "../../src/core/calc/milestone";
import { basisFromText } from "../../src/core/calc/achieved";
import { unitProblem } from "../../src/core/calc/units";

const P = { baseYear: 2020, targetYear: 2025 };
import { CASES } from "./verdict-cases";

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(`expected a value, got ${JSON.stringify(r.error)}`);
  return r.value;
}
const baseline = (cell: unknown): Baseline | null => (cell === null ? null : must(readBaseline(cell)));
const target = (cell: unknown, b: Baseline | null = null, extra: Parameters<typeof readTarget>[1] = {}): Target => must(readTarget(cell, { baseline: b, ...extra }));

describe("verdict: each target kind × each status (domain notes §7)", () => {
  for (const [kind, cases] of Object.entries(CASES)) {
    describe(kind, () => {
      test.each(cases)("B %p, T %p, V %p in %p → %s (%s)", (b, t, actual, year, status) => {
        const B = baseline(b);
        expect(must(verdict({ baseline: B, target: target(t, B), actual, year, period: P })).status).toBe(status);
      });
    });
  }

  test("every status is reachable by some case", () => {
    const seen = new Set(Object.values(CASES).flat().map((c) => c[4]));
    for (const s of ["reachedEarly", "reached", "onTrack", "behind", "regressing", "missed", "noData"]) expect(seen.has(s as Status)).toBe(true);
  });
});

describe("per-year duties (§7a.2): invalid any year → a failed year → a blank year → met; never reached early", () => {
  const T = () => target("每年至少15个", null);
  const run = (values: Array<number | null | "invalid">, year: number) => {
    const actual = values[year - 2021] ?? null;
    return must(verdict({ baseline: null, target: T(), actual: actual === "invalid" ? null : actual, year, period: P, earlier: values.map((value, i) => ({ year: 2021 + i, value })) }));
  };
  test.each([
    [[15, 16, 17], 2023, "onTrack", null, "15, 16, 17 all ≥ 15 before 2025: held, not 提前实现"],
    [[15, 12, 17], 2023, "regressing", null, "2022 fell short, before 2025"],
    [[15, 16, 17, 15, 15], 2025, "reached", null, "every year ≥ 15"],
    [[15, 16, 17, 15, 14], 2025, "missed", null, "2025 fell short"],
    [[14, 16, 17, 15, 15], 2025, "missed", null, "2021 fell short: the target was every year"],
    [[15, 16, null], 2023, "noData", 2023, "no 2023 value"],
    [[null, 16, 15], 2023, "noData", 2021, "2021 left blank: not shown to reach it (was 提前实现)"],
    [[null, 16, 15, 15, 16], 2025, "noData", 2021, "2021 still blank in the target year: no 已实现 on a year unseen"],
    [[15, 12, null], 2023, "regressing", null, "a failed year outranks a blank one"],
    [[null, 12, 17, 15, 15], 2025, "missed", null, "a failed year outranks a blank one in the target year"],
    [[15, "invalid", 12], 2023, "invalid", null, "a rejected 2022 value outranks even a failed year"],
  ] as const)("%j in %p → %s (blank year %p; %s)", (values, year, status, blankYear, _why) => {
    expect(run([...values], year)).toMatchObject({ status, blankYear });
  });
  test("保持在15%以上 is read as per year when the plan says so", () => {
    expect(target("15%以上", null, { perYear: true }).perYear).toBe(true);
    expect(target("每年1所–2所", null)).toMatchObject({ kind: "range", value: 1, max: 2, perYear: true });
  });
});

describe("task deadlines: the building programme is due in 2023", () => {
  const D = { baseYear: 2020, targetYear: 2023 };
  test("short in 2023 is missed, not merely behind", () => {
    expect(must(verdict({ baseline: baseline(0), target: target("58个"), actual: 35, year: 2023, period: D })).status).toBe("missed");
  });
  test("2022 at 35 of 58: P = 35/58 = 0.603 against τ = 2/3 → behind", () => {
    expect(must(verdict({ baseline: baseline(0), target: target("58个"), actual: 35, year: 2022, period: D })).status).toBe("behind");
  });
  test("T-VOC-03 at 15.36, below its 15.5 start, regresses (was shown as 96 %)", () => {
    const r = must(verdict({ baseline: baseline(15.5), target: target(16, baseline(15.5)), actual: 15.36, year: 2023, period: P }));
    expect(r.status).toBe("regressing");
    expect(r.completion).toBeCloseTo(-0.14 / 0.5, 12); // (15.36 − 15.5)/(16 − 15.5) = −0.28
  });
});

describe("expected value (序时进度值) and completion exist only where the plan defines them", () => {
  test("E(2023) for 生师比 19.62 → 17: 19.62 − 2.62 × 0.6 = 18.048", () => {
    expect(must(expectedFor(baseline(19.62), target(17, baseline(19.62)), 2023, P))).toBeCloseTo(18.048, 12);
  });
  test("a bound baseline (＜0.42 → ＜0.40) has neither: #N/A with the reason (issue 9: was 0.408 and −5 %)", () => {
    const B = baseline("＜0.42");
    const e = expectedFor(B, target("＜0.40", B), 2023, P);
    expect(e).toMatchObject({ ok: false, error: { kind: "na", message: { zh: expect.stringContaining("基期值本身是界限") } } });
    expect(completionFor(B, target("＜0.40", B), 0.41)).toMatchObject({ ok: false, error: { kind: "na" } });
    expect(must(verdict({ baseline: B, target: target("＜0.40", B), actual: 0.41, year: 2023, period: P }))).toMatchObject({ expected: null, completion: null });
  });
  test("a baseline that already meets its bound has no path either", () => {
    expect(completionFor(baseline(0.385), target("＜0.40", baseline(0.385)), 0.45)).toMatchObject({ ok: false, error: { kind: "na" } });
  });
  test("maintain: no completion; the expected value is the level itself", () => {
    expect(completionFor(baseline(1), target(1, baseline(1)), 1)).toMatchObject({ ok: false, error: { kind: "na" } });
    expect(must(expectedFor(baseline(1), target(1, baseline(1)), 2023, P))).toBe(1);
  });
  test("exact decimals: E(2023) for 0.9252 → 0.94 is 0.93408; P(0.935) = 0.662162162162162", () => {
    expect(must(expectedFor(baseline(0.9252), target(0.94, baseline(0.9252)), 2023, P))).toBe(0.93408);
    expect(must(completionFor(baseline(0.9252), target(0.94, baseline(0.9252)), 0.935))).toBe(0.662162162162162);
  });
});

describe("gap: distance still to go, ≤ 0 exactly when reached", () => {
  test.each([
    [0.998, 1, 0.002, "1 − 0.998, no binary noise"],
    [18.5, "17:1", 1.5, "lower is better: 18.5 − 17"],
    [0.4, "＜0.40", 0, "strict bound at equality: 0 but not reached"],
    [0.39, "＜0.40", -0.01, "inside the bound"],
    [1200, "1100人左右", 45, "1200 − 1155 (the band's upper end)"],
    [1100, "1100人左右", 0, "inside the band"],
  ] as const)("GAP(%p, %p) = %p (%s)", (actual, t, expected, _why) => {
    expect(gapTo(actual, target(t, t === "17:1" ? baseline(19.62) : null))).toBeCloseTo(expected, 12);
  });
});

describe("one tolerance for every comparison that prints a verdict", () => {
  test("9 teachers per 1,000 students meet 0.9 per 100 (9/1000×100 = 0.8999999999999999)", () => {
    expect((9 / 1000) * 100).toBeLessThan(0.9);
    expect(meets((9 / 1000) * 100, ">=", 0.9)).toBe(true);
  });
  test("the 2017 school rule at exactly 85 % passes; just below fails", () => {
    // Primary standards 4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3; six met, the seventh at 0.85 × 2.3 = 1.955.
    expect(meetsSchoolRule([4.2, 1, 0.9, 4.5, 7.5, 2000, 1.955], "primary").pass).toBe(true);
    expect(meetsSchoolRule([4.2, 1, 0.9, 4.5, 7.5, 2000, 1.95], "primary").pass).toBe(false);
    expect(meetsSchoolRule([4.2, 1, (9 / 1000) * 100, 4.5, 7.5, 2000, 2.3], "primary")).toEqual({ pass: true, missed: [] });
    expect(schoolRule([1, 1], [1, 2]).missed).toEqual([1]);
  });
  test("national thresholds: 0.50 passes ≤0.50, strict plan bounds fail at equality", () => {
    expect(meets(0.5, "<=", 0.5)).toBe(true);
    expect(meets(0.45, "<=", 0.45)).toBe(true);
    expect(meets(0.4, "<", 0.4)).toBe(false);
    expect(meets(0.3999, "<", 0.4)).toBe(true);
    expect(meets(0.39999999999, "<", 0.4)).toBe(false); // equal within the tolerance, so not strictly below
  });
  test("a class of exactly 45 is a standard primary class", () => {
    expect(must(classShare([[45], [46]], "小学"))).toBe(0.5);
  });
  test("close is relative", () => {
    expect(close(0.1 + 0.2, 0.3)).toBe(true);
    expect(close(1e-12, 2e-12)).toBe(false);
  });
});

describe("properties (fixed seed under CI, printed on failure)", () => {
  const num = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
  test("GAP, PROGRESS and STATUS agree at every magnitude: gap ≤ 0 ⇔ completion ≥ 1 ⇔ reached", () => {
    fc.assert(
      fc.property(num, num, num, (b, t, v) => {
        fc.pre(b !== t);
        const B = baseline(b);
        const T = target(t, B);
        fc.pre(!reaches(b, T));
        const g = gapTo(v, T);
        const p = must(completionFor(B, T, v));
        const s = must(verdict({ baseline: B, target: T, actual: v, year: 2025, period: P })).status;
        expect(g <= 0).toBe(reaches(v, T));
        expect(p >= 1).toBe(reaches(v, T));
        expect(s === "reached").toBe(reaches(v, T));
      }),
    );
  });

  test("regression: baseline 999999.999999999, target −1.000000000000005e-9, actual 0 (issue 16)", () => {
    const B = baseline(999999.999999999);
    const T = target(-1.000000000000005e-9, B);
    const reached = reaches(0, T);
    expect(reached).toBe(false); // 0 > −1e-9 and lower is better
    expect(gapTo(0, T) > 0).toBe(true);
    expect(must(completionFor(B, T, 0)) < 1).toBe(true);
    expect(must(verdict({ baseline: B, target: T, actual: 0, year: 2025, period: P })).status).toBe("missed");
  });

  test("EXPECTED is B in the base year and T from the target year on", () => {
    fc.assert(
      fc.property(num, num, fc.integer({ min: 0, max: 30 }), (b, t, after) => {
        const B = baseline(b);
        const T = target(t, B);
        fc.pre(b !== t && !reaches(b, T));
        expect(must(expectedFor(B, T, 2020, P))).toBe(b);
        expect(must(expectedFor(B, T, 2025 + after, P))).toBe(t);
      }),
    );
  });
});

describe("milestones (qualitative targets): state, planned year, the year done", () => {
  const run = (state: MilestoneState | null, year: number, doneYear: number | null = null, plannedYear = 2025) =>
    milestoneStatus({ state, doneYear, plannedYear, year, baseYear: 2020 });
  test.each([
    [null, 2023, null, "noData", "no state entered"],
    ["done", 2023, 2022, "reachedEarly", "done in 2022, planned for 2025"],
    ["done", 2025, 2025, "reached", "done in the planned year"],
    ["done", 2025, null, "reached", "done, year not recorded: counted as the monitoring year"],
    ["done", 2022, 2024, "onTrack", "done only in 2024: in 2022 it was under way (early in the period)"],
    ["inProgress", 2024, null, "onTrack", "under way before the planned year"],
    ["notStarted", 2022, null, "onTrack", "τ = 2/5 = 0.4 < 0.5: time remains"],
    ["notStarted", 2023, null, "behind", "τ = 3/5 = 0.6 ≥ 0.5: 时间过半 and not started"],
    ["inProgress", 2025, null, "missed", "not done in the planned year"],
  ] as const)("%s in %p (done %p) → %s (%s)", (state, year, done, status, _why) => {
    expect(run(state, year, done)).toBe(status);
  });
  test("states read in either language; anything else is not a state", () => {
    expect(stateFromText("已完成")).toBe("done");
    expect(stateFromText("In progress")).toBe("inProgress");
    expect(stateFromText("")).toBeNull();
    expect(stateFromText("差不多了")).toBeUndefined();
    // A blank cell arrives as null, undefined or (older desktop builds) 0: no state yet, not a wrong one.
    expect([null, undefined, 0, "  "].map(stateFromText)).toEqual([null, null, null, null]);
  });

  test("a task's basis: the template's label, or text that starts with either language's word", () => {
    expect(["累计 Cumulative", "累计完成", "Cumulative total", "最新 Latest", "latest value", "每年 Each year", "每年均需", "each year"].map(basisFromText)).toEqual([
      "cumulative",
      "cumulative",
      "cumulative",
      "latest",
      "latest",
      "eachYear",
      "eachYear",
      "eachYear",
    ]);
    expect(["", null, "不累计", "total cumulative", 3].map(basisFromText)).toEqual([null, null, null, null, null]);
  });

  test("a value of 0 is no unit problem; below 0 is", () => {
    expect([unitProblem("percent", 0, false), unitProblem("count", 0, false), unitProblem("count", -0.5, false)]).toEqual([null, null, "negative"]);
  });
});

describe("the year a target was first reached (final evaluation), worked by hand", () => {
  // Baseline 80, target 90 (higher), 2020–2025.
  const B = baseline(80);
  const T = target(90, B);
  const run = (actual: number | null, year: number, earlier: YearValue[]) => must(verdict({ baseline: B, target: T, actual, year, period: P, earlier }));

  test("first reached 2022, in whatever order the earlier years arrive", () => {
    const earlier = [
      { year: 2023, value: 91 },
      { year: 2021, value: 85 },
      { year: 2022, value: 90 },
    ];
    expect(run(92, 2024, earlier)).toMatchObject({ status: "reachedEarly", firstReached: 2022 });
  });

  test("the monitoring year's own entry in earlier is not history (its actual is the value judged)", () => {
    // A stale 95 for 2024 in the history must not count; the actual 85 is behind.
    const v = run(85, 2024, [
      { year: 2023, value: 84 },
      { year: 2024, value: 95 },
    ]);
    expect(v.status).toBe("behind");
    expect(v.firstReached).toBeNull();
  });

  test("reached before and fallen back: missed, and no first year (the run was broken)", () => {
    expect(run(88, 2025, [{ year: 2022, value: 90 }])).toMatchObject({ status: "missed", firstReached: null });
  });

  test("no value this year: no data, and no first year, completion or gap", () => {
    expect(run(null, 2024, [{ year: 2023, value: 91 }])).toMatchObject({ status: "noData", firstReached: null, completion: null, gap: null, exceeded: false });
  });

  test("a duty every year judges the year's own value, not a stale entry for it in the history", () => {
    const each = target("每年至少15个", null);
    const v = must(verdict({ baseline: null, target: each, actual: 16, year: 2023, period: P, earlier: [{ year: 2021, value: 15 }, { year: 2022, value: 16 }, { year: 2023, value: 10 }] }));
    expect(v.status).toBe("onTrack");
  });

  test("reached 2022, lost 2023, reached again 2024–2025: the run that counts starts in 2024 (§7a.3)", () => {
    const earlier = [
      { year: 2021, value: 85 },
      { year: 2022, value: 90 },
      { year: 2023, value: 89 },
      { year: 2024, value: 91 },
    ];
    expect(run(92, 2025, earlier)).toMatchObject({ status: "reached", firstReached: 2024 });
    expect(run(91, 2024, earlier.slice(0, 3))).toMatchObject({ status: "reachedEarly", firstReached: 2024 });
  });

  test("a blank or rejected year breaks the run: holding through it was never shown", () => {
    expect(run(92, 2025, [{ year: 2022, value: 90 }, { year: 2023, value: null }, { year: 2024, value: 91 }])).toMatchObject({ firstReached: 2024 });
    expect(run(92, 2025, [{ year: 2022, value: 90 }, { year: 2023, value: 91 }, { year: 2024, value: "invalid" }])).toMatchObject({ firstReached: 2025 });
    // A year missing from the history altogether breaks it too.
    expect(run(92, 2025, [{ year: 2022, value: 90 }, { year: 2024, value: 91 }])).toMatchObject({ firstReached: 2024 });
  });

  test("runStart walks back from the last year given", () => {
    const T90 = target(90, B);
    expect(runStart([{ year: 2021, value: 91 }, { year: 2022, value: 92 }], T90)).toBe(2021);
    expect(runStart([{ year: 2021, value: 91 }, { year: 2022, value: 89 }], T90)).toBeNull();
    expect(runStart([], T90)).toBeNull();
  });
});

describe("reached late (§7a.4): a task short in its deadline year and reached after it", () => {
  // The building programme's places, due 2023: target 6660 from nothing.
  const D = { baseYear: 2020, targetYear: 2023 };
  const B0 = baseline(0);
  const T = target(6660, B0);
  const go = (actual: number, year: number, earlier: Array<{ year: number; value: number | null }>) =>
    must(verdict({ baseline: B0, target: T, actual, year, period: D, earlier }));
  test("6185 places in use in 2023, 6660 in 2024 → 逾期实现 in 2024 and 2025", () => {
    expect(go(6660, 2024, [{ year: 2023, value: 6185 }])).toMatchObject({ status: "reachedLate", firstReached: 2024 });
    expect(go(6660, 2025, [{ year: 2023, value: 6185 }, { year: 2024, value: 6660 }])).toMatchObject({ status: "reachedLate", firstReached: 2024 });
  });
  test("reached in 2023 and still so in 2025 → 已实现 (on time)", () => {
    expect(go(6660, 2025, [{ year: 2023, value: 6660 }, { year: 2024, value: 6660 }]).status).toBe("reached");
  });
  test("no value recorded for the deadline year: no lateness is claimed", () => {
    expect(go(6660, 2025, [{ year: 2024, value: 6660 }]).status).toBe("reached");
  });
  test("short in 2025 after the 2023 deadline is still 未实现", () => {
    expect(go(6000, 2025, [{ year: 2023, value: 6185 }]).status).toBe("missed");
  });
});

describe("exceeded (§7a.1): beyond a directed band's far edge is reached and marked", () => {
  test("only bands and ranges with a direction are exceeded: a figure passed, or a level held, is not", () => {
    // 0.96 ≥ 0.94: reached, nothing planned beyond it to exceed.
    expect(must(verdict({ baseline: baseline(0.9252), target: target(0.94, baseline(0.9252)), actual: 0.96, year: 2025, period: P }))).toMatchObject({ status: "reached", exceeded: false });
    expect(exceeds(0.96, target(0.94, baseline(0.9252)))).toBe(false);
    expect(exceeds(1200, target("1100人左右"))).toBe(false);
    expect(exceeds(1200, target("1100人左右", null, { direction: "up" }))).toBe(true);
    expect(exceeds(1000, target("1100人左右", null, { direction: "down" }))).toBe(true);
    expect(exceeds(1100, target("1100人左右", null, { direction: "down" }))).toBe(false);
  });

  test.each([
    [0, "5个–7个", {}, 8, true, -1, "counted up from nothing: 8 − 7 beyond"],
    [0, "5个–7个", {}, 6, false, 0, "within"],
    [null, "5个–7个", { counts: true }, 8, true, -1, "a count of things with no baseline: more is more"],
    [null, "5个–7个", {}, 8, false, 1, "no direction: 8 is 1 above the range, not reached"],
    [19.62, "17:1左右", {}, 16, true, -0.15, "lower is better: 16.15 − 16 beyond the band"],
    [null, "1100人左右", { direction: "up" }, 1200, true, -45, "a stated direction: 1155 − 1200"],
  ] as const)("B %p, T %p %j, V %p → exceeded %p, gap %p (%s)", (b, t, extra, v, exceeded, gap, _why) => {
    const B = baseline(b);
    const T = target(t, B, extra);
    const r = must(verdict({ baseline: B, target: T, actual: v, year: 2025, period: P }));
    expect(r.exceeded).toBe(exceeded);
    expect(r.status).toBe(exceeded || gap === 0 ? "reached" : "missed");
    expect(gapTo(v, T)).toBeCloseTo(gap, 12);
  });
});

describe("reading a target: the whole reading, worked from the rules (domain notes §7)", () => {
  const read = (cell: unknown, extra: Parameters<typeof readTarget>[1] = {}) => readTarget(cell, extra);
  const B = (cell: unknown) => baseline(cell);
  test.each([
    ["＜0.40", {}, { kind: "bound", value: 0.4, comparator: "<", sense: "down", band: 0.05, perYear: false }],
    ["≥90%", {}, { kind: "bound", value: 0.9, comparator: ">=", sense: "up", band: 0.05, perYear: false }],
    // Bands and ranges: directed (§7a.1) by a stated direction, a baseline outside them, or a count of things.
    ["1100人左右", {}, { kind: "about", value: 1100, comparator: "~", sense: "up", band: 0.05, perYear: false, directed: false }],
    ["1100人左右", { baseline: B(1200) }, { kind: "about", value: 1100, comparator: "~", sense: "down", band: 0.05, perYear: false, directed: true }],
    ["1100人左右", { baseline: B(1150) }, { kind: "about", value: 1100, comparator: "~", sense: "up", band: 0.05, perYear: false, directed: false }],
    ["1100人左右", { baseline: B(1000), direction: "down" }, { kind: "about", value: 1100, comparator: "~", sense: "down", band: 0.05, perYear: false, directed: true }],
    ["1100人左右", { baseline: B(1000), direction: "maintain" }, { kind: "about", value: 1100, comparator: "~", sense: "up", band: 0.05, perYear: false, directed: false }],
    ["1100人左右", { band: 0.1 }, { kind: "about", value: 1100, comparator: "~", sense: "up", band: 0.1, perYear: false, directed: false }],
    ["2-3项", {}, { kind: "range", value: 2, max: 3, comparator: "=", sense: "up", band: 0.05, perYear: false, directed: false }],
    ["2-3项", { counts: true }, { kind: "range", value: 2, max: 3, comparator: "=", sense: "up", band: 0.05, perYear: false, directed: true }],
    ["5个–7个", { baseline: B(10) }, { kind: "range", value: 5, max: 7, comparator: "=", sense: "down", band: 0.05, perYear: false, directed: true }],
    ["5个–7个", { baseline: B(10), counts: true }, { kind: "range", value: 5, max: 7, comparator: "=", sense: "down", band: 0.05, perYear: false, directed: true }],
    ["2-3项以上", {}, { kind: "bound", value: 2, comparator: ">=", sense: "up", band: 0.05, perYear: false }],
    ["每年至少15个", {}, { kind: "bound", value: 15, comparator: ">=", sense: "up", band: 0.05, perYear: true }],
    [94, { baseline: B(94) }, { kind: "maintain", value: 94, comparator: "=", sense: "up", band: 0.05, perYear: false }],
    [94, { baseline: B(94), direction: "down" }, { kind: "maintain", value: 94, comparator: "=", sense: "down", band: 0.05, perYear: false }],
    [0.9, { baseline: B(0.95) }, { kind: "figure", value: 0.9, comparator: "=", sense: "down", band: 0.05, perYear: false }],
    [0.9, { baseline: B(0.95), direction: "up" }, { kind: "figure", value: 0.9, comparator: "=", sense: "up", band: 0.05, perYear: false }],
    [0.9, { band: 0 }, { kind: "figure", value: 0.9, comparator: "=", sense: "up", band: 0, perYear: false }],
  ] as Array<[unknown, Parameters<typeof readTarget>[1], object]>)("%p %j", (cell, extra, expected) => {
    expect(must(read(cell, extra))).toEqual(expected);
  });

  test("a band outside 0 ≤ band < 1, or a range written backwards, is an error naming it", () => {
    for (const band of [1, -0.01, 1.5]) {
      const r = read("1100人左右", { band });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message.en).toContain(String(band));
    }
    const r = read("3-2项");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message.en).toContain("3-2项");
    expect(read("2-2项").ok).toBe(true);
  });

  test("a baseline keeps its bound; a plain or approximate figure has none", () => {
    expect(must(readBaseline("＜0.42"))).toEqual({ value: 0.42, bound: "<" });
    expect(must(readBaseline("≥90%"))).toEqual({ value: 0.9, bound: ">=" });
    expect(must(readBaseline(94))).toEqual({ value: 94, bound: null });
    expect(must(readBaseline("1000人左右"))).toEqual({ value: 1000, bound: null });
    expect(readBaseline("abc").ok).toBe(false);
  });
});

describe("edges that decide a printed verdict (issue 16, worked by hand)", () => {
  test("≤ and ≥ bounds are bounds whatever the baseline: the better side reaches, the other does not (a wrong 已实现 otherwise)", () => {
    for (const [text, better, worse, sense] of [
      ["≤0.45", 0.4, 0.5, "down"],
      ["<=0.45", 0.45, 0.46, "down"],
      ["≥90%", 0.9, 0.89, "up"],
      [">=90%", 0.95, 0.85, "up"],
    ] as const) {
      const T = target(text, null);
      expect([text, T.kind, T.sense]).toEqual([text, "bound", sense]);
      expect([text, reaches(better, T), reaches(worse, T)]).toEqual([text, true, false]);
      // With a baseline on either side, still a bound.
      expect(target(text, baseline(0.3)).kind).toBe("bound");
      expect(target(text, baseline(0.99)).kind).toBe("bound");
    }
  });

  test("a value back at the baseline mid-period is 滞后, not 倒退: no progress is not a step back", () => {
    // 80 % → 90 % by 2025; 80 % in 2023: completion 0/10 = 0 < elapsed 3/5, and 0 is not below 0.
    const B = baseline(0.8);
    const v = must(verdict({ baseline: B, target: target(0.9, B), actual: 0.8, year: 2023, period: P }));
    expect([v.status, v.completion, v.elapsed]).toEqual(["behind", 0, 0.6]);
    // One hair below the baseline is a step back.
    expect(must(verdict({ baseline: B, target: target(0.9, B), actual: 0.79, year: 2023, period: P })).status).toBe("regressing");
  });

  test("a level to hold, with no baseline, slipping before the target year: 倒退 (there is no path to be behind on)", () => {
    const T = target(1, null, { direction: "maintain" });
    expect(T.kind).toBe("maintain");
    expect(must(verdict({ baseline: null, target: T, actual: 0.98, year: 2023, period: P })).status).toBe("regressing");
    expect(must(verdict({ baseline: null, target: T, actual: 0.98, year: 2025, period: P })).status).toBe("missed");
  });

  test("beyond a range held as a level, completion passes 100 % without the target being reached", () => {
    // 80 % → 90 %–95 %, stated as a level to hold: 97 % is (0.97 − 0.80) / (0.90 − 0.80) = 170 % of the
    // way to the range, and outside it.
    const B = baseline(0.8);
    const v = must(verdict({ baseline: B, target: target("90%-95%", B, { direction: "maintain" }), actual: 0.97, year: 2023, period: P }));
    expect(v.status).not.toMatch(/^reached/);
    expect(v.completion).toBeCloseTo(1.7, 12);
    expect(v.gap).toBeCloseTo(0.02, 12);
  });

  test("beyond a range the baseline had to rise to: reached early, exceeded, gap −0.02 (§7a.1)", () => {
    const B = baseline(0.8);
    const v = must(verdict({ baseline: B, target: target("90%-95%", B), actual: 0.97, year: 2023, period: P }));
    expect(v).toMatchObject({ status: "reachedEarly", exceeded: true });
    expect(v.completion).toBeCloseTo(1.7, 12);
    expect(v.gap).toBeCloseTo(-0.02, 12);
  });

  test("why there is no completion, in the planner's words", () => {
    const why = (b: unknown, t: unknown, extra: Parameters<typeof readTarget>[1] = {}) => {
      const B = baseline(b);
      const r = completionFor(B, target(t, B, extra), 1);
      return r.ok ? r.value : `${r.error.kind}: ${r.error.message.en}`;
    };
    expect(why(1, 1)).toBe("na: A maintain target (target equals baseline) has no completion, only held or not; its expected value is the target.");
    expect(why(10, "每年至少15个")).toBe("na: A target due every year has no completion, only whether each year reached it.");
    expect(why(0.95, "≥90%")).toBe("na: The baseline already meets the target, so the aim is to stay there: there is no completion or expected value.");
    expect(why(null, 0.9)).toBe("na: The plan states no baseline, so there is no completion or expected value; enter a measured baseline if there is one.");
    expect(why("<0.42", 0.4)).toMatch(/^na: The baseline is itself a bound/);
  });

  test("an expected value before the base year, or for a period that ends where it starts, is refused; after the period it is the target", () => {
    const B = baseline(0.8);
    const T = target(0.9, B);
    expect(expectedFor(B, T, 2019, P)).toMatchObject({ ok: false, error: { kind: "value" } });
    expect(expectedFor(B, T, 2026, P)).toEqual({ ok: true, value: 0.9 });
    expect(expectedFor(B, T, 2023, P)).toEqual({ ok: true, value: 0.86 }); // 0.8 + 0.1 × 3/5
    const same = expectedFor(B, T, 2020, { baseYear: 2020, targetYear: 2020 });
    expect(same.ok ? same.value : same.error.kind).toBe("value");
    const fraction = expectedFor(B, T, 2021, { baseYear: 2020.5, targetYear: 2025 });
    expect(fraction.ok ? fraction.value : fraction.error.message.en).toMatch(/whole/i);
    // A maintain target's expected value is the level itself, every year.
    expect(expectedFor(null, target(1, null, { direction: "maintain" }), 2022, P)).toEqual({ ok: true, value: 1 });
  });
});

describe("班额达标率: the standard a class size is held to", () => {
  const share = (sizes: unknown, standard: unknown) => {
    const r = classShare(sizes, standard);
    return r.ok ? r.value : `${r.error.kind}: ${r.error.message.en}`;
  };
  test("a stage name, a number, a one-cell range holding either; anything else is refused by name", () => {
    // 45 for 小学, 50 for 初中 (the 2017 standard class sizes); 45, 46, 50 → 1/3, 1/3, 3/3.
    expect(share([[45], [46], [50]], "小学")).toBeCloseTo(1 / 3, 15);
    expect(share([[45], [46], [50]], [["初中"]])).toBe(1);
    expect(share([[45], [46], [50]], 46)).toBeCloseTo(2 / 3, 15);
    expect(share([[45], [46], [50]], [[46]])).toBeCloseTo(2 / 3, 15);
    expect(share([[45], [46], [50]], "46")).toBeCloseTo(2 / 3, 15);
    expect(share([[45]], "高中")).toBe('value: Argument standard: the stage "高中" is not known: use "小学" or "初中" (primary / junior), or a number.');
    expect(share([[45]], "4五")).toMatch(/^value: Argument standard/);
    expect(share([[45]], 0)).toMatch(/^value: /);
    expect(share([[45]], [["小学"], ["初中"]])).toMatch(/^value: /);
  });
});
