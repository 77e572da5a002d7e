import { pace } from "../../src/core/calc/progress";

const P = { baseYear: 2020, targetYear: 2025 };
const value = <T>(r: { ok: true; value: T } | { ok: false }) => {
  if (!r.ok) throw new Error("expected a value");
  return r.value;
};

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
  test("maintain target has no required growth: #N/A with a hint", () => {
    expect(pace(1, 1, 1, 2023, P)).toMatchObject({ ok: false, error: { kind: "na" } });
  });
  test("zeros are replaced by 0.001", () => {
    expect(value(pace(0, 0.001, 1, 2023, P))).toBe(0);
  });
});
