/**
 * Small rules with large consequences, each case worked by hand: what a value must be in its unit
 * (a percent row holds fractions; 98.5 there is percentage points typed by mistake), the period
 * checks, the 15-digit rounding of differences, the pace ratio, and status labels read back.
 */
import { addsUp, checkedUnitValue, countsThings, unitProblem, PERCENT_POINTS_ABOVE } from "../../src/core/calc/units";
import { atScale, checkPeriod, difference, elapsedShare, pace, tidy } from "../../src/core/calc/progress";
import { emptyCounts, statusFromLabel, STATUSES } from "../../src/core/calc/status";
import { milestoneStatus } from "../../src/core/calc/milestone";
import { unitChoices, unitFromLabel } from "../../src/core/workbook/layout";

const P = { baseYear: 2020, targetYear: 2025 };

describe("a value in its unit", () => {
  test("percent rows: a fraction up to 100 %, up to 150 % in gross rates; 98.5 is points typed by mistake", () => {
    expect(PERCENT_POINTS_ABOVE).toBe(1.5);
    expect([unitProblem("percent", 1, false), unitProblem("percent", 1.0001, false), unitProblem("percent", 1.2, true), unitProblem("percent", 1.5, true), unitProblem("percent", 1.51, true)]).toEqual([null, "percent-range", null, null, "percent-points"]);
    expect([unitProblem("percent", -0.01, false), unitProblem(null, -1, false), unitProblem(null, 98.5, false)]).toEqual(["negative", "negative", null]);
  });

  test("a cell as STATUS judges it, with and without the row's unit", () => {
    expect(checkedUnitValue("", "%")).toBeNull();
    expect(checkedUnitValue(0.93, "%")).toBe(0.93);
    expect(checkedUnitValue(98.5, "%")).toBe("invalid");
    expect(checkedUnitValue(1.2, "%（毛率）")).toBe(1.2);
    // A retention rate (cohort ratio) may pass 100 % too; the data check asks for a note, the verdict reads it.
    expect([checkedUnitValue(1.02, "%（巩固率）"), checkedUnitValue(1.02, "% (cohort)"), checkedUnitValue(98.5, "%（巩固率）")]).toEqual([1.02, 1.02, "invalid"]);
    expect(checkedUnitValue(1.2, "%")).toBe("invalid");
    // Typed as text in a template row: rejected, as the data check rejects it.
    expect(checkedUnitValue("93%", "%")).toBe("invalid");
    // Without a unit cell, plan-style text reads.
    expect(checkedUnitValue("93%", "")).toBe(0.93);
    expect(checkedUnitValue("abc", "")).toBe("invalid");
    expect(checkedUnitValue(150, "percent")).toBe("invalid");
  });
});

describe("the period and the path", () => {
  test("whole years, target after base, a monitoring year not before the base", () => {
    expect(checkPeriod(2023, P).ok).toBe(true);
    expect(checkPeriod(2020, P).ok).toBe(true);
    expect(checkPeriod(2019, P).ok).toBe(false);
    expect(checkPeriod(2023, { baseYear: 2020.5, targetYear: 2025 }).ok).toBe(false);
    expect(checkPeriod(2023, { baseYear: 2020, targetYear: 2025.5 }).ok).toBe(false);
    expect(checkPeriod(2023, { baseYear: 2025, targetYear: 2025 }).ok).toBe(false);
    expect(checkPeriod(2023, { baseYear: 2025, targetYear: 2020 }).ok).toBe(false);
    expect(checkPeriod(Number.NaN, P).ok).toBe(false);
  });

  test("elapsed share: 3/5 in 2023, capped at 1 after the target year", () => {
    expect(elapsedShare(2023, P)).toBeCloseTo(0.6, 15);
    expect(elapsedShare(2025, P)).toBe(1);
    expect(elapsedShare(2027, P)).toBe(1);
  });

  test("differences at 15 significant digits of their operands: 1 − 0.998 is 0.002, 0.935 − 0.9252 is 0.0098", () => {
    expect(difference(1, 0.998)).toBe(0.002);
    expect(difference(0.935, 0.9252)).toBe(0.0098);
    expect(difference(19.62, 21)).toBe(-1.38);
    expect(atScale(Number.POSITIVE_INFINITY, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(atScale(0.1 + 0.2, 0)).toBe(0.1 + 0.2);
    expect(atScale(1e-300, 1e-300)).toBe(1e-300); // too many decimals to round: left as it is
    expect(tidy(0.1 + 0.2)).toBe(0.3);
    expect(tidy(Number.NaN)).toBeNaN();
  });
});

describe("pace ratio (actual growth rate ÷ required growth rate)", () => {
  test("half the required rate is 0.5; on the required rate 1", () => {
    // Required: (121/100)^(1/5) − 1; actual in 2022 at 110: (110/100)^(1/2) − 1 = 0.0488…; by hand the
    // required rate is 0.03886…, so R = 1.2555… (ahead of the path).
    const required = Math.pow(1.21, 1 / 5) - 1;
    const r = pace(100, 110, 121, 2022, P);
    expect(r.ok && r.value).toBeCloseTo((Math.pow(1.1, 1 / 2) - 1) / required, 12);
    const on = pace(100, 100 * Math.pow(1 + required, 3), 121, 2023, P);
    expect(on.ok && on.value).toBeCloseTo(1, 12);
  });

  test("zeros become 0.001 (Open SDG); negatives, the base year and a flat target are refused", () => {
    const z = pace(0, 0, 10, 2023, P);
    expect(z.ok && z.value).toBe(0); // actual 0.001 against baseline 0.001: no growth
    for (const [b, a, t] of [
      [-1, 5, 10],
      [1, -5, 10],
      [1, 5, -10],
    ] as const) {
      const r = pace(b, a, t, 2023, P);
      expect(!r.ok && r.error.message.en).toMatch(/negative/i);
    }
    expect(pace(1, 5, 10, 2020, P).ok).toBe(false);
    const flat = pace(10, 12, 10, 2023, P);
    expect(!flat.ok && flat.error.kind).toBe("na");
  });
});

describe("status labels", () => {
  test("read back in either language and any case; anything else is none", () => {
    expect(statusFromLabel("提前实现")).toBe("reachedEarly");
    expect(statusFromLabel(" on track ")).toBe("onTrack");
    expect(statusFromLabel("INVALID DATA")).toBe("invalid");
    expect([statusFromLabel("差不多"), statusFromLabel(3), statusFromLabel(null)]).toEqual([null, null, null]);
    expect(Object.values(emptyCounts())).toEqual(STATUSES.map(() => 0));
    expect(Object.keys(emptyCounts())).toEqual([...STATUSES]);
  });
});

describe("milestones at their edges, worked by hand", () => {
  const m = (state: "done" | "inProgress" | "notStarted" | null, doneYear: number | null, plannedYear: number, year: number) =>
    milestoneStatus({ state, doneYear, plannedYear, year, baseYear: 2020 });
  test("done before, in, and after the monitoring year", () => {
    expect(m("done", 2022, 2025, 2023)).toBe("reachedEarly");
    expect(m("done", 2023, 2023, 2023)).toBe("reached");
    expect(m("done", null, 2023, 2023)).toBe("reached");
    // Done in 2024: in 2023 it was still under way.
    expect(m("done", 2024, 2025, 2023)).toBe("onTrack");
    expect(m("done", 2026, 2025, 2025)).toBe("missed");
  });

  test("not started: on track until half the time to the planned year has passed, behind from exactly half", () => {
    // 2020 → 2024: half is 2022.
    expect(m("notStarted", null, 2024, 2021)).toBe("onTrack");
    expect(m("notStarted", null, 2024, 2022)).toBe("behind");
    expect(m("inProgress", null, 2024, 2023)).toBe("onTrack");
    expect(m("inProgress", null, 2024, 2024)).toBe("missed");
    expect(m(null, null, 2024, 2023)).toBe("noData");
  });
});

describe("a unit label or a measure word back to its unit", () => {
  test.each([
    ["个数", "count"],
    ["Count", "count"],
    // The words plans print after a figure: 46395个, 13所, 2-3项, 1100人, 25名.
    ["个", "count"],
    ["所", "count"],
    [" 项 ", "count"],
    ["人", "persons"],
    ["名", "persons"],
    ["%", "percent"],
    ["年", "years"],
    // Sums of money and areas (投入2000万元, 新增校舍8万平方米) have units of their own.
    ["万元", "money"],
    ["元", "money"],
    ["亿元", "money"],
    ["金额", "money"],
    ["平方米", "area"],
    ["㎡", "area"],
    ["Area", "area"],
    ["", null],
    ["斤", null],
  ])("%j → %s", (label, unit) => {
    expect(unitFromLabel(label)).toBe(unit);
  });

  test("money and areas count what is delivered and add up over the years, like things and people", () => {
    expect(["万元", "平方米", "所", "人", "%", "年", "系数", "比值（N:1）", ""].map(countsThings)).toEqual([true, true, true, true, false, false, false, false, false]);
    expect((["money", "area", "count", "persons", "percent", "years", "ratio", "coefficient"] as const).map(addsUp)).toEqual([true, true, true, true, false, false, false, false]);
  });

  test("the definition's drop-down offers every unit label and the common measure words, the template's language first", () => {
    const zh = unitChoices("zh");
    expect(zh.slice(0, 8)).toEqual(["%", "比值（N:1）", "年", "系数", "个数", "人数", "金额", "面积"]);
    expect(zh).toEqual(expect.arrayContaining(["%（毛率）", "%（巩固率）", "个", "所", "项", "人", "名", "万元", "平方米"]));
    expect(unitChoices("en").slice(0, 8)).toEqual(["%", "Ratio (N:1)", "Years", "Coefficient", "Count", "Persons", "Amount", "Area"]);
    // Every choice reads back as a unit, and the list fits Excel's 255 characters.
    for (const language of ["zh", "en"] as const) {
      expect(unitChoices(language).filter((c) => unitFromLabel(c) === null)).toEqual([]);
      expect(unitChoices(language).join(",").length).toBeLessThanOrEqual(255);
    }
  });
});
