import fc from "fast-check";
import { assess, completion, expectedValue, gap, inferSense, pace, reached, type Bound } from "../../src/core/calc/progress";

const P = { baseYear: 2020, targetYear: 2025 };
const eq = (value: number): Bound => ({ value, comparator: "=" });
const value = <T>(r: { ok: true; value: T } | { ok: false }) => {
  if (!r.ok) throw new Error("expected a value");
  return r.value;
};

describe("the student–teacher ratio example (domain notes §2): primary 19.62 → 17", () => {
  test("E(2023) = 19.62 + (17 − 19.62)·0.6 = 18.048", () => {
    expect(value(expectedValue(19.62, 17, 2023, P))).toBeCloseTo(18.048, 12);
  });
  test("2023 actual 18.5: completion (18.5 − 19.62)/(17 − 19.62) = 0.4275 < τ 0.6 → behind", () => {
    expect(completion(19.62, 18.5, 17)).toBeCloseTo(1.12 / 2.62, 12);
    const a = value(assess({ baseline: eq(19.62), actual: 18.5, target: eq(17), year: 2023, period: P }));
    expect(a).toMatchObject({ status: "behind", sense: "down", elapsed: 0.6 });
    expect(a.gap).toBeCloseTo(1.5, 12); // lower is better: 18.5 − 17
  });
});

describe("status: each branch", () => {
  // Higher-is-better 0.9252 → 0.94 (普惠性幼儿园覆盖率), in 2023 (τ = 0.6); thresholds by hand:
  // expected 0.9252 + 0.0148·0.6 = 0.93408.
  const base = { baseline: eq(0.9252), target: eq(0.94), year: 2023, period: P };
  test.each([
    [null, "noData"],
    [0.94, "met"],
    [0.95, "met"],
    [0.935, "onTrack"], // completion (0.935−0.9252)/0.0148 = 0.662 ≥ 0.6
    [0.93, "behind"], // 0.324
    [0.92, "regressing"], // < 0
  ] as const)("actual %p → %s", (actual, status) => {
    expect(value(assess({ ...base, actual })).status).toBe(status);
  });

  test("in the target year anything short of the target is missed", () => {
    expect(value(assess({ ...base, actual: 0.939, year: 2025 })).status).toBe("missed");
    expect(value(assess({ ...base, actual: 0.939, year: 2026 })).status).toBe("missed");
  });

  test("maintain targets (100% → 100%) are met or missed, never on track", () => {
    const m = { baseline: eq(1), target: eq(1), year: 2022, period: P };
    expect(value(assess({ ...m, actual: 1 })).status).toBe("met");
    expect(value(assess({ ...m, actual: 0.999 })).status).toBe("missed");
    expect(completion(1, 1, 1)).toBe(1);
    expect(completion(1, 0.999, 1)).toBe(0);
  });

  test("bound targets (＜0.42 → ＜0.40) use the bounds as B and T, respecting strictness", () => {
    const b = { baseline: { value: 0.42, comparator: "<" }, target: { value: 0.4, comparator: "<" }, year: 2023, period: P } as const;
    expect(value(assess({ ...b, actual: 0.39 })).status).toBe("met");
    expect(value(assess({ ...b, actual: 0.4 })).status).toBe("onTrack"); // equality is not "< 0.40"; completion 1 ≥ 0.6
    expect(value(assess({ ...b, actual: 0.4 })).gap).toBe(0);
    expect(value(assess({ ...b, actual: 0.415 })).status).toBe("behind"); // completion 0.25
    expect(value(assess({ ...b, actual: 0.43 })).status).toBe("regressing");
    expect(value(assess({ ...b, actual: 0.4, year: 2025 })).status).toBe("missed");
  });

  test("floating noise does not turn a met target into a miss", () => {
    expect(reached(0.1 + 0.2, eq(0.3), "up", true)).toBe(true);
  });

  test("a year before the base year is an error naming the fix", () => {
    const r = assess({ ...base, actual: 0.93, year: 2019 });
    expect(r).toMatchObject({ ok: false, error: { kind: "num" } });
    if (!r.ok) expect(r.error.message.en).toContain("use 2020 or later");
  });
});

describe("pace (Open SDG method)", () => {
  test("hand case: 100 → 121 over 2 years needs 10% a year; reaching 110 in year 1 is pace 1", () => {
    expect(value(pace(100, 110, 121, 2021, { baseYear: 2020, targetYear: 2022 }))).toBeCloseTo(1, 12);
  });
  test("half the required growth rate is pace 0.5 (by construction)", () => {
    const required = Math.pow(94 / 92.52, 1 / 5) - 1;
    const actual = 92.52 * Math.pow(1 + required / 2, 3);
    expect(value(pace(92.52, actual, 94, 2023, P))).toBeCloseTo(0.5, 12);
  });
  test("lower-is-better targets: falling as required gives a positive pace", () => {
    expect(value(pace(19.62, 18.5, 17, 2023, P))).toBeGreaterThan(0);
    expect(value(pace(19.62, 20, 17, 2023, P))).toBeLessThan(0);
  });
  test("maintain target has no required growth: #DIV/0! with a hint", () => {
    expect(pace(1, 1, 1, 2023, P)).toMatchObject({ ok: false, error: { kind: "div0" } });
  });
  test("zeros are replaced by 0.001", () => {
    expect(value(pace(0, 0.001, 1, 2023, P))).toBe(0);
  });
});

describe("properties", () => {
  const num = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
  test("EXPECTED is B in the base year and T from the target year on", () => {
    fc.assert(
      fc.property(num, num, fc.integer({ min: 0, max: 30 }), (b, t, after) => {
        expect(value(expectedValue(b, t, 2020, P))).toBe(b);
        expect(value(expectedValue(b, t, 2025 + after, P))).toBe(t);
      }),
    );
  });

  test("GAP and PROGRESS agree on direction: completion ≥ 1 exactly when the gap is ≤ 0", () => {
    fc.assert(
      fc.property(num, num, num, (b, t, v) => {
        fc.pre(Math.abs(t - b) > 1e-6 * Math.max(1, Math.abs(b), Math.abs(t)));
        const g = gap(v, t, inferSense(b, eq(t)));
        const p = completion(b, v, t);
        fc.pre(Math.abs(g) > 1e-9 * Math.max(1, Math.abs(t)));
        expect(p >= 1).toBe(g <= 0);
      }),
    );
  });
});

describe("exact to the last decimal", () => {
  test("differences of printed decimals carry no binary noise", () => {
    expect(1 - 0.998).not.toBe(0.002);
    expect(gap(0.998, 1, "up")).toBe(0.002);
    expect(gap(0.6868, 0.7, "up")).toBe(0.0132);
    expect(value(expectedValue(0.9252, 0.94, 2023, P))).toBe(0.93408);
    expect(completion(0.9252, 0.935, 0.94)).toBe(0.662162162162162);
  });
});
