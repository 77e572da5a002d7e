import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as F from "../../src/functions/functions";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { figureCell } from "../../src/core/workbook/rows";
import { labels } from "../../src/core/i18n";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localize } = require("../../scripts/functions-locale.cjs");

const g = globalThis as unknown as { __displayLanguage: string };
afterEach(() => (g.__displayLanguage = "en-US"));

/** The Excel error a call throws (our CustomFunctions.Error double), or fails the test. */
function excelError(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (e) {
    const error = e as { code?: string; message: string };
    expect(error.code).toMatch(/^#/);
    return { code: error.code!, message: error.message };
  }
  throw new Error("expected an Excel error");
}

const FUNCTION_IDS = [
  "PARSE", "GAP", "EXPECTED", "PROGRESS", "STATUS", "PACE", "CV", "GINI",
  "THEIL", "MCLOONE", "VERSTEGEN", "RANGERATIO", "CLASSSHARE", "BALANCE",
];

describe("PLAN.PARSE", () => {
  test.each([
    ["19.62:1", 19.62],
    ["＜0.40", 0.4],
    ["92.52%", 0.9252],
    ["11. 65", 11.65],
    [17, 17],
  ])("%p → %p", (input, expected) => expect(F.parse(input)).toBe(expected));

  test("unreadable text is #VALUE! quoting it, in the display language", () => {
    expect(excelError(() => F.parse("abc"))).toEqual({ code: "#VALUE!", message: expect.stringContaining('Cannot read "abc"') });
    g.__displayLanguage = "zh-CN";
    expect(excelError(() => F.parse("abc")).message).toContain('无法把 "abc" 读作数值');
  });
});

describe("PLAN.GAP", () => {
  test("higher is better by default; lower is better from a bound or the direction argument", () => {
    expect(F.gapFunction(0.93, 0.94)).toBeCloseTo(0.01, 12);
    expect(F.gapFunction(0.41, "<0.40")).toBeCloseTo(0.01, 12);
    expect(F.gapFunction(18.5, "17:1", -1)).toBeCloseTo(1.5, 12);
    expect(F.gapFunction(18.5, 17, "down")).toBeCloseTo(1.5, 12);
    expect(F.gapFunction(16, 17, "越低越好")).toBe(-1);
  });
  test("an unknown direction is #VALUE! saying what to type", () => {
    expect(excelError(() => F.gapFunction(1, 2, "sideways"))).toEqual({ code: "#VALUE!", message: expect.stringContaining('use 1 (higher is better) or -1') });
  });
});

describe("PLAN.EXPECTED / PROGRESS / STATUS / PACE", () => {
  test("the 生师比 example: E(2023) = 18.048, completion ≈ 0.43, Behind / 滞后", () => {
    expect(F.expected("19.62:1", "17:1", 2023)).toBeCloseTo(18.048, 12);
    expect(F.progress(19.62, 18.5, 17)).toBeCloseTo(0.4275, 4);
    expect(F.status("19.62:1", 18.5, "17:1", 2023)).toBe("Behind");
    expect(F.status("19.62:1", 18.5, "17:1", 2023, null, null, "zh")).toBe("滞后");
    g.__displayLanguage = "zh-CN";
    expect(F.status("19.62:1", 18.5, "17:1", 2023)).toBe("滞后");
  });
  test("status labels in both languages", () => {
    expect(F.status("＜0.42", 0.39, "＜0.40", 2023, 2020, 2025, "en")).toBe("Met");
    expect(F.status("＜0.42", "", "＜0.40", 2023, 2020, 2025, "zh")).toBe("无数据");
    expect(F.status(1, 0.99, 1, 2023, 2020, 2025, "zh")).toBe("未达标");
    expect(F.status(0.9252, 0.92, 0.94, 2023, null, null, "en")).toBe("Regressing");
    expect(F.status(0.9252, 0.935, 0.94, 2023, null, null, "en")).toBe("On track");
  });
  test("custom periods", () => {
    expect(F.expected(0, 10, 2018, 2015, 2020)).toBe(6);
  });
  test.each([
    [() => F.expected(1, 2, 2019), "#NUM!", /Year 2019 is before the base year 2020/],
    [() => F.expected(1, 2, 2023, 2025, 2020), "#NUM!", /targetYear 2020 must come after baseYear 2025/],
    [() => F.progress("", 1, 2), "#VALUE!", /Argument baseline: The cell is blank/],
    [() => F.status(1, 2, 3, 2023, null, null, "fr"), "#VALUE!", /Language "fr" is not known/],
    [() => F.paceFunction(1, 1, 1, 2023), "#DIV/0!", /maintain target/],
    [() => F.paceFunction(1, 1, 2, 2020), "#NUM!", /base year 2020/],
  ])("bad input %# → %s", (call, code, message) => {
    const e = excelError(call);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });
});

describe("PLAN.CV and the equity functions", () => {
  // Worked example from the domain notes (5 schools, 302 students, 1,913 books).
  const values = [[279 / 45], [137 / 37], [935 / 89], [160 / 76], [402 / 55]];
  const weights = [[45], [37], [89], [76], [55]];
  test("weighted is the official coefficient (0.515), unweighted 0.489", () => {
    expect(F.cv(values, weights)).toBeCloseTo(0.5152566298844764, 12);
    expect(F.cv(values)).toBeCloseTo(0.48877068160501713, 12);
    expect(F.cv(values, null as unknown as unknown[][])).toBeCloseTo(0.48877068160501713, 12);
  });
  test("as a row as well as a column", () => {
    expect(F.cv([values.map((r) => r[0])], [weights.map((r) => r[0])])).toBeCloseTo(0.5152566298844764, 12);
  });
  test("each measure answers on the example", () => {
    expect(F.giniFunction(values, weights)).toBeCloseTo(0.2883771891865694, 12);
    expect(F.theilFunction(values, weights)).toBeCloseTo(0.14362955479650918, 12);
    expect(F.mclooneFunction(values, weights)).toBeCloseTo(0.42392235226948327, 12);
    expect(F.verstegenFunction(values, weights)).toBeCloseTo(1.4975358422939067, 12);
    expect(F.rangeRatioFunction(values, weights)).toBeCloseTo(3.990168539325843, 12);
  });
  test.each([
    [() => F.cv([[1], [2]], [[1]]), "#VALUE!"],
    [() => F.cv([[1], ["n/a"]]), "#VALUE!"],
    [() => F.cv([[1], [2]], [[1], [-1]]), "#NUM!"],
    [() => F.cv([[1], [2]], [[1], [""]]), "#VALUE!"],
    [() => F.cv([[""]]), "#N/A"],
    [() => F.cv([[0], [0]]), "#DIV/0!"],
    [() => F.giniFunction([[1], [-2]]), "#NUM!"],
  ])("bad input %# → %s", (call, code) => {
    expect(excelError(call).code).toBe(code);
  });
});

describe("PLAN.CLASSSHARE and PLAN.BALANCE", () => {
  test("class share against a number or a stage", () => {
    expect(F.classShareFunction([[40], [45], [46], [""], [50]], "小学")).toBe(0.5); // 40, 45 ≤ 45 of 4 classes
    expect(F.classShareFunction([[40], [45], [46], [50]], "junior")).toBe(1);
    expect(F.classShareFunction([[40], [45], [46], [50]], 45)).toBe(0.5);
  });
  test("class share errors", () => {
    expect(excelError(() => F.classShareFunction([[40]], "高中")).code).toBe("#VALUE!");
    expect(excelError(() => F.classShareFunction([[40.5]], 45)).code).toBe("#NUM!");
    expect(excelError(() => F.classShareFunction([[""]], 45)).code).toBe("#N/A");
  });
  // Primary standards: 4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3 (教督〔2017〕6号).
  test.each([
    [[4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3], true], // all exactly at standard
    [[4.2, 1, 0.9, 4.5, 6.375, 2000, 2.3], true], // one missed at exactly 85% (7.5 × 0.85)
    [[4.2, 1, 0.9, 4.5, 6.37, 2000, 2.3], false], // one missed below 85%
    [[4.1, 1, 0.9, 4.5, 7.4, 2000, 2.3], false], // two missed
  ])("primary school %j → %p", (row, expected) => {
    expect(F.balance([row], [["小学"]])).toBe(expected);
    expect(F.balance([row], "primary" as unknown as unknown[][])).toBe(expected);
    expect(F.balance([row], [[4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3]])).toBe(expected);
  });
  test("balance errors: blank value, size mismatch, unknown stage", () => {
    expect(excelError(() => F.balance([[4.2, 1, "", 4.5, 7.5, 2000, 2.3]], [["小学"]])).code).toBe("#N/A");
    expect(excelError(() => F.balance([[4.2, 1]], [["小学"]])).code).toBe("#VALUE!");
    expect(excelError(() => F.balance([[4.2]], [["高中"]])).message).toContain("stage");
  });
});

describe("never a JavaScript exception", () => {
  const junk: unknown[] = [undefined, null, "", "x", Number.NaN, {}, [], [[]], [[null]], true, "#REF!"];
  test("every function turns junk into an Excel error or a value", () => {
    const calls: Array<(x: unknown) => unknown> = [
      (x) => F.parse(x),
      (x) => F.gapFunction(x, x, x),
      (x) => F.expected(x, x, x, x, x),
      (x) => F.progress(x, x, x),
      (x) => F.status(x, x, x, x, x, x, x),
      (x) => F.paceFunction(x, x, x, x, x, x),
      (x) => F.cv(x as unknown[][], x as unknown[][]),
      (x) => F.giniFunction(x as unknown[][]),
      (x) => F.classShareFunction(x as unknown[][], x),
      (x) => F.balance(x as unknown[][], x as unknown[][]),
    ];
    for (const call of calls) {
      for (const x of junk) {
        try {
          const result = call(x);
          expect(typeof result === "number" ? Number.isFinite(result) : result !== undefined).toBe(true);
        } catch (e) {
          expect((e as { code?: string }).code).toMatch(/^#(VALUE!|N\/A|DIV\/0!|NUM!)$/);
        }
      }
    }
  });
});

describe("formula-bar metadata", () => {
  test("generates without errors, with every function ID and an English description for every parameter", async () => {
    const result = await generateCustomFunctionsMetadata(join(__dirname, "../../src/functions/functions.ts"));
    expect(result.errors).toEqual([]);
    const metadata = JSON.parse(result.metadataJson);
    expect(metadata.functions.map((f: { id: string }) => f.id)).toEqual(FUNCTION_IDS);
    for (const fn of metadata.functions) {
      expect(fn.description.length).toBeGreaterThan(10);
      for (const p of fn.parameters) expect(p.description.length).toBeGreaterThan(3);
    }

    const zh = localize(metadata, join(__dirname, "../../src/functions/functions.ts"));
    for (const fn of zh.functions) {
      expect(fn.description).toMatch(/[\u4e00-\u9fff]/);
      for (const p of fn.parameters) expect(`${fn.id}.${p.name}: ${p.description}`).toMatch(/[\u4e00-\u9fff]|"zh"/);
    }
    // Same IDs and parameter names: only the descriptions are localized.
    expect(zh.functions.map((f: { id: string; parameters: { name: string }[] }) => [f.id, f.parameters.map((p) => p.name)])).toEqual(
      metadata.functions.map((f: { id: string; parameters: { name: string }[] }) => [f.id, f.parameters.map((p) => p.name)]),
    );
  });

  test("a missing Chinese description fails the build", () => {
    const metadata = { functions: [{ id: "NOPE", name: "NOPE", description: "x", parameters: [] }] };
    expect(() => localize(metadata, join(__dirname, "../../src/functions/functions.ts"))).toThrow(/NOPE: @zh/);
  });
});

describe("the template's own cells feed PLAN.* without errors", () => {
  // The live columns pass the Direction label, the baseline and target cells as the template writes them.
  test.each(["zh", "en"] as const)("every indicator row, labels in %s", (lang) => {
    for (const ind of embeddedPlan().indicators) {
      const direction = labels.direction[ind.direction][lang];
      const baseline = figureCell(ind.baseline);
      const target = figureCell(ind.target);
      const actual = ind.baseline.value;
      expect([ind.id, typeof F.gapFunction(actual, target, direction)]).toEqual([ind.id, "number"]);
      expect([ind.id, typeof F.progress(baseline, actual, target)]).toEqual([ind.id, "number"]);
      expect([ind.id, typeof F.expected(baseline, target, 2023)]).toEqual([ind.id, "number"]);
      expect([ind.id, typeof F.status(baseline, actual, target, 2023)]).toEqual([ind.id, "string"]);
    }
  });
  test("direction labels: higher/lower set the sense, maintain/bound defer to the target", () => {
    expect(F.gapFunction(18.5, 17, "越低越好")).toBe(1.5);
    expect(F.gapFunction(18.5, 17, "Lower is better")).toBe(1.5);
    expect(F.gapFunction(0.93, 0.94, "越高越好")).toBe(0.01);
    expect(F.gapFunction(0.99, 1, "保持")).toBe(0.01);
    expect(F.gapFunction(0.41, "＜0.40", "界限")).toBe(0.01); // the bound says lower is better
    expect(F.gapFunction(0.41, "＜0.40", "Bound")).toBe(0.01);
  });
});
