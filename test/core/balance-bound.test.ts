/**
 * The plan's own bound on a stage's difference coefficient, as the balance sheet and the report read
 * it (Wujin: ＜0.40 primary, ＜0.35 junior; domain notes on the 2017 standards). Worked by hand.
 */
import { planCoefficientBound } from "../../src/core/calc/balance";
import { embeddedPlan } from "../../src/core/plan/embedded";

describe("the plan's own bound on a stage's coefficient", () => {
  const withTarget = (text: string, comparator: "<" | "<=" | "=" | "~") => {
    const plan = embeddedPlan();
    return { ...plan, indicators: plan.indicators.map((i) => (i.id === "LOC-04-PRI" ? { ...i, target: { value: 0.4, comparator, text } } : i)) };
  };

  test("＜0.40 is strict; ≤, a plain figure or an approximate one is read as at most", () => {
    expect(planCoefficientBound(embeddedPlan(), "primary")).toEqual({ comparator: "<", value: 0.4 });
    expect(planCoefficientBound(embeddedPlan(), "junior")).toEqual({ comparator: "<", value: 0.35 });
    expect(["<=", "=", "~"].map((c) => planCoefficientBound(withTarget("0.40", c as "<=" | "=" | "~"), "primary")?.comparator)).toEqual(["<=", "<=", "<="]);
  });

  test("a plan without a coefficient indicator for the stage has none", () => {
    const plan = embeddedPlan();
    expect(planCoefficientBound({ ...plan, indicators: plan.indicators.filter((i) => i.unit !== "coefficient") }, "primary")).toBeNull();
  });
});
