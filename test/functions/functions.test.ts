import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { displayLanguage, setWorkbookPeriod, unwrap } from "../../src/functions/runtime";
import { calcMessages } from "../../src/core/messages";
import * as F from "../../src/functions/functions";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { figureCell } from "../../src/core/workbook/rows";
import { labels } from "../../src/core/messages";
import { STATUS_LABELS as statusLabels } from "../../src/core/calc/status";

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
  "PARSE", "GAP", "EXPECTED", "PROGRESS", "STATUS", "MILESTONE", "ACHIEVED", "PACE", "DIFFCOEF", "GINI",
  "THEIL", "MCLOONE", "VERSTEGEN", "RANGERATIO", "CLASSSHARE", "BALANCE",
  "GROWTH", "GROWS", "NOFALL", "FASTER", "NOTBELOW",
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
  test("status labels in both languages (domain notes §7)", () => {
    expect(F.status("＜0.42", 0.39, "＜0.40", 2023, 2020, 2025, "en")).toBe("Reached early");
    expect(F.status("＜0.42", 0.39, "＜0.40", 2025, 2020, 2025, "zh")).toBe("已实现");
    expect(F.status("＜0.42", "", "＜0.40", 2023, 2020, 2025, "zh")).toBe("无数据");
    expect(F.status(1, 0.99, 1, 2023, 2020, 2025, "zh")).toBe("倒退"); // a maintain target slipping before 2025
    expect(F.status(1, 0.99, 1, 2025, 2020, 2025, "zh")).toBe("未实现");
    expect(F.status(0.9252, 0.92, 0.94, 2023, null, null, "en")).toBe("Regressing");
    expect(F.status(0.9252, 0.935, 0.94, 2023, null, null, "en")).toBe("On track");
    expect(F.status(0.9252, 0.935, 0.94, 2023, null, null, "zh")).toBe("符合预期");
  });
  test("the cases of issue 9, through PLAN.*", () => {
    // A coefficient that met ＜0.40 in its baseline, then got worse: regressing, not on track.
    expect(F.status(0.385, 0.45, "<0.40", 2023, null, null, "zh")).toBe("倒退");
    expect(excelError(() => F.progress(0.385, 0.45, "<0.40")).code).toBe("#N/A");
    // 98.5 typed into a percent row (LOC-05-JUN 0.982 → 1): invalid data, never reached.
    expect(F.status(0.982, 98.5, 1, 2023, null, null, "zh", null, null, "%")).toBe("数据有误");
    // A gross ratio may exceed 100 %; a net share may not.
    // Held at or beyond the level before the target year: on track, not reached early (§7a.2).
    expect(F.status(1, 1.012, 1, 2023, null, null, "zh", null, null, "%（毛率）")).toBe("符合预期");
    expect(F.status(1, 1.012, 1, 2023, null, null, "zh", null, null, "%")).toBe("数据有误");
    // Unreadable text is invalid data.
    expect(F.status(0.9, "九十二", 0.95, 2023, null, null, "zh")).toBe("数据有误");
    expect(F.status(0.9, "#REF!", 0.95, 2023, null, null, "zh")).toBe("数据有误");
    // 1100人左右: 1,099 is within ±5 %.
    expect(F.status(1000, 1099, "1100人左右", 2025, null, null, "zh")).toBe("已实现");
    expect(F.status(1000, 1099, "1100人左右", 2025, null, null, "zh", null, 0.0005)).toBe("未实现"); // a band of ±0.05 % (1099.45–1100.55)
    // The bound baseline: no expected value and no completion, #N/A naming why.
    expect(excelError(() => F.expected("＜0.42", "＜0.40", 2023)).message).toContain("baseline is itself a bound");
    expect(F.status("＜0.42", 0.42, "＜0.40", 2023, null, null, "zh")).toBe("倒退");
    // A per-year target judges every year so far (the yearly row); met every year is 符合预期, never 提前实现 (§7a.2).
    expect(F.status("", 16, "每年至少15个", 2023, null, null, "zh", null, null, "个", [[15, 12, 16, "", ""]])).toBe("倒退");
    expect(F.status("", 16, "每年至少15个", 2023, null, null, "zh", null, null, "个", [[15, 15, 16, "", ""]])).toBe("符合预期");
    // The row's cells are the plan years from 2021 in order: a later year's figure (3 in 2024) is not judged in 2023.
    expect(F.status("", 16, "每年至少15个", 2023, null, null, "zh", null, null, "个", [[15, 15, 16, 3, ""]])).toBe("符合预期");
    // A task's own deadline: the building programme is due in 2023.
    expect(F.status(0, 40, "58个", 2023, 2020, 2023, "zh")).toBe("未实现");
  });
  test("PLAN.MILESTONE: labels, and Invalid data for text that is no state", () => {
    expect(F.milestone("已完成", 2025, 2023, 2022, null, "zh")).toBe("提前实现");
    // Done in 2024 against a 2023 plan: late, however it stands now (§7a.4); not yet done in the 2023 report.
    expect(F.milestone("已完成", 2023, 2025, 2024, null, "zh")).toBe("逾期实现");
    expect(F.milestone("已完成", 2023, 2023, 2024, null, "zh")).toBe("未实现");
    expect(F.milestone("已完成", 2023, 2025, 2023, null, "en")).toBe("Reached");
    expect(F.milestone("进行中", 2025, 2025, "", null, "en")).toBe("Missed");
    expect(F.milestone("", 2025, 2023, "", null, "zh")).toBe("无数据");
    expect(F.milestone("差不多了", 2025, 2023, "", null, "zh")).toBe("数据有误");
    expect(F.milestone("已完成", 2025, 2023, "去年", null, "zh")).toBe("数据有误");
  });
  test("a blank means the same as null, \"\" or the 0 some desktop builds pass (issue 10)", () => {
    for (const blank of [null, "", 0]) {
      // Direction, band and state: 0 is no value for them, so it reads as blank.
      expect(F.gapFunction(18.5, 17, blank, 19.62)).toBe(1.5);
      expect(F.milestone(blank, 2025, 2023, blank, null, "en")).toBe("No data");
      expect(F.milestone("已完成", 2025, 2023, blank, null, "en")).toBe("Reached early");
    }
    for (const blank of [null, ""]) {
      expect(F.status(0.9, blank, 0.95, 2023, null, null, "en")).toBe("No data");
      expect(F.status(blank, 5, "13所", 2023, null, null, "en")).toBe("Behind"); // no baseline: no path to judge
      expect(F.status(19.62, 18, "17:1", 2023, null, null, "en", blank, blank, blank)).toBe("On track");
    }
  });
  test("value objects (CustomFunctionsRuntime 1.4) are read for their value, entities are an error, never a crash", () => {
    expect(F.parse({ type: "FormattedNumber", basicValue: 0.9252, numberFormat: "0.00%" })).toBe(0.9252);
    expect(F.parse({ type: "Double", basicValue: 17 })).toBe(17);
    expect(F.status(0.9252, { type: "FormattedNumber", basicValue: 0.94 }, 0.94, 2023, null, null, "en")).toBe("Reached early");
    expect(excelError(() => F.parse({ type: "Entity", text: "武进区", properties: {} })).code).toBe("#VALUE!");
    expect(F.status(0.9, { type: "Entity", text: "武进区", properties: {} }, 0.95, 2023, null, null, "en")).toBe("Invalid data");
  });
  test("PLAN.ACHIEVED by basis, up to the year", () => {
    const row = [[3, 4, "", 5, ""]];
    expect(F.achieved(row, "累计 Cumulative", 2023)).toBe(7); // 3 + 4 (2023 blank)
    expect(F.achieved(row, "累计", 2024)).toBe(12);
    expect(F.achieved(row, "最新 Latest", 2023)).toBe(4);
    expect(F.achieved(row, "每年 Each year", 2023)).toBe("");
    expect(F.achieved(row, "each year", 2024)).toBe(5);
    expect(F.achieved([["", ""]], "累计", 2022)).toBe("");
    expect(excelError(() => F.achieved(row, "sometimes", 2023)).code).toBe("#VALUE!");
  });
  test("custom periods", () => {
    expect(F.expected(0, 10, 2018, 2015, 2020)).toBe(6);
  });
  test.each([
    [() => F.expected(1, 2, 2019), "#VALUE!", /Year 2019 is before the base year 2020/],
    [() => F.expected(1, 2, 2023, 2025, 2020), "#VALUE!", /targetYear 2020 must come after baseYear 2025/],
    [() => F.progress("", 1, 2), "#N/A", /states no baseline/],
    [() => F.progress(1, "", 2), "#VALUE!", /Argument actual: The cell is blank/],
    [() => F.status(1, 2, 3, 2023, null, null, "fr"), "#VALUE!", /Language "fr" is not known/],
    [() => F.paceFunction(1, 1, 1, 2023), "#N/A", /maintain target/],
    [() => F.paceFunction(1, 1, 2, 2020), "#VALUE!", /base year 2020/],
  ])("bad input %# → %s", (call, code, message) => {
    const e = excelError(call);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });
});

describe("PLAN.DIFFCOEF and the equity functions", () => {
  // Worked example from the domain notes (5 schools, 302 students, 1,913 books).
  const values = [[279 / 45], [137 / 37], [935 / 89], [160 / 76], [402 / 55]];
  const weights = [[45], [37], [89], [76], [55]];
  test("weighted is the official coefficient (0.515), unweighted 0.489", () => {
    expect(F.diffCoef(values, weights)).toBeCloseTo(0.5152566298844764, 12);
    expect(F.diffCoef(values)).toBeCloseTo(0.48877068160501713, 12);
    expect(F.diffCoef(values, null as unknown as unknown[][])).toBeCloseTo(0.48877068160501713, 12);
  });
  test("only the rows of one group, without an array formula", () => {
    const stages = [["小学"], ["初中"], ["小学"], ["小学"], ["小学"]];
    const keep = [0, 2, 3, 4];
    expect(F.diffCoef(values, weights, stages, "小学")).toBeCloseTo(F.diffCoef(keep.map((i) => values[i]!), keep.map((i) => weights[i]!)), 12);
    expect(excelError(() => F.diffCoef(values, weights, stages, "")).code).toBe("#VALUE!");
    expect(excelError(() => F.diffCoef(values, weights, stages.slice(0, 4), "小学")).code).toBe("#VALUE!");
  });
  test("as a row as well as a column", () => {
    expect(F.diffCoef([values.map((r) => r[0])], [weights.map((r) => r[0])])).toBeCloseTo(0.5152566298844764, 12);
  });
  test("each measure answers on the example", () => {
    expect(F.giniFunction(values, weights)).toBeCloseTo(0.2883771891865694, 12);
    expect(F.theilFunction(values, weights)).toBeCloseTo(0.14362955479650918, 12);
    expect(F.mclooneFunction(values, weights)).toBeCloseTo(0.42392235226948327, 12);
    expect(F.verstegenFunction(values, weights)).toBeCloseTo(1.4975358422939067, 12);
    expect(F.rangeRatioFunction(values, weights)).toBeCloseTo(3.990168539325843, 12);
  });
  test.each([
    [() => F.diffCoef([[1], [2]], [[1]]), "#VALUE!"],
    [() => F.diffCoef([[1], ["n/a"]]), "#VALUE!"],
    [() => F.diffCoef([[1], [2]], [[1], [-1]]), "#VALUE!"],
    [() => F.diffCoef([[1], [2]], [[1], [""]]), "#VALUE!"],
    [() => F.diffCoef([[""]]), "#N/A"],
    [() => F.diffCoef([[0], [0]]), "#DIV/0!"],
    [() => F.giniFunction([[1], [-2]]), "#VALUE!"],
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
    expect(excelError(() => F.classShareFunction([[40.5]], 45)).code).toBe("#VALUE!");
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
      (x) => F.diffCoef(x as unknown[][], x as unknown[][]),
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
  test.each(["zh", "en"] as const)("every indicator row, labels in %s: a number, or #N/A exactly where the plan defines none", (lang) => {
    for (const ind of embeddedPlan().indicators) {
      const direction = labels.direction[ind.direction][lang];
      const unit = ind.canExceed100 ? "%（毛率）" : labels.unit[ind.unit][lang];
      const baseline = figureCell(ind.baseline);
      const target = figureCell(ind.target);
      const actual = ind.baseline.value;
      expect([ind.id, typeof F.gapFunction(actual, target, direction, baseline, "")]).toEqual([ind.id, "number"]);
      // Maintain targets (100 → 100) and bound baselines (＜0.42 → ＜0.40) have no completion (domain notes §7.4).
      const noPath = ind.direction === "maintain" || ind.direction === "bound";
      if (noPath) expect([ind.id, excelError(() => F.progress(baseline, actual, target)).code]).toEqual([ind.id, "#N/A"]);
      else expect([ind.id, typeof F.progress(baseline, actual, target)]).toEqual([ind.id, "number"]);
      if (ind.direction === "bound") expect([ind.id, excelError(() => F.expected(baseline, target, 2023)).code]).toEqual([ind.id, "#N/A"]);
      else expect([ind.id, typeof F.expected(baseline, target, 2023)]).toEqual([ind.id, "number"]);
      const label = F.status(baseline, actual, target, 2023, 2020, 2025, lang, direction, "", unit);
      expect([ind.id, Object.values(statusLabels).some((l) => l[lang] === label)]).toEqual([ind.id, true]);
    }
  });
  test("direction labels: higher/lower set the sense, maintain/bound defer to the target", () => {
    expect(F.gapFunction(18.5, 17, "越低越好")).toBe(1.5);
    expect(F.gapFunction(18.5, 17, "Lower is better")).toBe(1.5);
    expect(F.gapFunction(0.93, 0.94, "越高越好")).toBe(0.01);
    expect(F.gapFunction(0.99, 1, "保持")).toBe(0.01);
    expect(F.gapFunction(0.41, "＜0.40", "界限")).toBe(0.01); // the bound says lower is better
    expect(F.gapFunction(0.41, "＜0.40", "Bound")).toBe(0.01); // labels of earlier template versions still read
    expect(F.gapFunction(0.41, "＜0.40", "控制上限")).toBe(0.01);
    expect(F.gapFunction(0.41, "＜0.40", "Upper limit")).toBe(0.01);
  });
});

describe("defaults for base and target year follow the workbook's names (issue 15)", () => {
  afterEach(() => setWorkbookPeriod(null));
  test("without names: the embedded plan's 2020–2025; with PM_BaseYear 2025 and PM_TargetYear 2030: that period", () => {
    // 2023 on the straight path 0 → 10 over 2020–2025 is 6; 2028 over 2025–2030 is also 6.
    expect(F.expected(0, 10, 2023)).toBe(6);
    setWorkbookPeriod({ baseYear: 2025, targetYear: 2030 });
    expect(F.expected(0, 10, 2028)).toBe(6);
    expect(() => F.expected(0, 10, 2023)).toThrow(expect.objectContaining({ code: "#VALUE!" })); // before the base year
    expect(F.expected(0, 10, 2023, 2020, 2025)).toBe(6); // given years still win
  });
});

describe("an argument that cannot be read is named in the error, whichever it is", () => {
  // Valid calls, then each argument in turn replaced by unreadable text: the error names that argument
  // (a check skipped, or a wrong name in the message, would show here).
  const col = (...xs: unknown[]) => xs.map((x) => [x]);
  const CASES: Array<[string, () => unknown, string]> = [
    ["PARSE text", () => F.parse("abc"), "Argument text"],
    ["GAP actual", () => F.gapFunction("abc", 0.9), "Argument actual"],
    ["GAP target", () => F.gapFunction(0.8, "abc"), "Argument target"],
    ["GAP baseline", () => F.gapFunction(0.8, 0.9, "", "abc"), "Argument baseline"],
    ["EXPECTED target", () => F.expected(0.8, "abc", 2023), "Argument target"],
    ["PROGRESS target", () => F.progress(0.8, 0.85, "abc"), "Argument target"],
    ["STATUS target", () => F.status(0.8, 0.85, "abc", 2023), "Argument target"],
    ["GAP band", () => F.gapFunction(1050, "1100人左右", "", "", "abc"), "Argument band"],
    ["EXPECTED baseline", () => F.expected("abc", 0.9, 2023), "Argument baseline"],
    ["EXPECTED year", () => F.expected(0.8, 0.9, "abc"), "Argument year"],
    ["EXPECTED baseYear", () => F.expected(0.8, 0.9, 2023, "abc"), "Argument baseYear"],
    ["EXPECTED targetYear", () => F.expected(0.8, 0.9, 2023, 2020, "abc"), "Argument targetYear"],
    ["PROGRESS baseline", () => F.progress("abc", 0.85, 0.9), "Argument baseline"],
    ["PROGRESS actual", () => F.progress(0.8, "abc", 0.9), "Argument actual"],
    ["STATUS year", () => F.status(0.8, 0.85, 0.9, "abc"), "Argument year"],
    ["STATUS baseYear", () => F.status(0.8, 0.85, 0.9, 2023, "abc"), "Argument baseYear"],
    ["STATUS targetYear", () => F.status(0.8, 0.85, 0.9, 2023, 2020, "abc"), "Argument targetYear"],
    ["STATUS baseline", () => F.status("abc", 0.85, 0.9, 2023), "Argument baseline"],
    ["MILESTONE plannedYear", () => F.milestone("进行中", "abc", 2023), "Argument plannedYear"],
    ["MILESTONE year", () => F.milestone("进行中", 2024, "abc"), "Argument year"],
    ["MILESTONE baseYear", () => F.milestone("进行中", 2024, 2023, "", "abc"), "Argument baseYear"],
    ["ACHIEVED values", () => F.achieved([[1, "abc", 3]], "累计", 2023), "Argument values (item 2)"],
    ["ACHIEVED year", () => F.achieved([[1, 2, 3]], "累计", "abc"), "Argument year"],
    ["ACHIEVED firstYear", () => F.achieved([[1, 2, 3]], "累计", 2023, "abc"), "Argument firstYear"],
    ["PACE baseline", () => F.paceFunction("abc", 0.85, 0.9, 2023), "Argument baseline"],
    ["PACE actual", () => F.paceFunction(0.8, "abc", 0.9, 2023), "Argument actual"],
    ["PACE target", () => F.paceFunction(0.8, 0.85, "abc", 2023), "Argument target"],
    ["PACE year", () => F.paceFunction(0.8, 0.85, 0.9, "abc"), "Argument year"],
    ["DIFFCOEF values", () => F.diffCoef(col(1, "abc", 3), col(10, 10, 10)), "Argument values (item 2)"],
    ["DIFFCOEF weights", () => F.diffCoef(col(1, 2, 3), col(10, "abc", 10)), "Argument weights (item 2)"],
    ["GINI values", () => F.giniFunction(col(1, "abc", 3)), "Argument values (item 2)"],
    ["THEIL weights", () => F.theilFunction(col(1, 2, 3), col(1, 1, "abc")), "Argument weights (item 3)"],
    ["MCLOONE values", () => F.mclooneFunction(col("abc", 2, 3)), "Argument values (item 1)"],
    ["VERSTEGEN values", () => F.verstegenFunction(col(1, 2, "abc")), "Argument values (item 3)"],
    ["RANGERATIO values", () => F.rangeRatioFunction(col(1, "abc", 3)), "Argument values (item 2)"],
  ];
  test.each(CASES)("%s", (_label, call, name) => {
    const e = excelError(call);
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain(name);
  });

  test.each([
    ["zh", "zh"],
    ["ZH-CN", "zh"],
    ["中文", "zh"],
    ["en", "en"],
    ["en-US", "en"],
    ["English", "en"],
  ])("language %s gives the %s label", (language, lang) => {
    expect(F.status(0.8, 0.9, 0.9, 2023, 2020, 2025, language)).toBe(STATUS_LABELS_BY_LANG[lang as "zh" | "en"]);
    expect(F.milestone("已完成", 2024, 2023, 2023, 2020, language)).toBe(lang === "zh" ? "提前实现" : "Reached early");
  });

  test("an unreadable year done is the milestone's data, judged 数据有误 like an unreadable value", () => {
    expect(F.milestone("已完成", 2024, 2023, "abc", 2020, "zh")).toBe(statusLabels.invalid.zh);
    expect(F.milestone("已完成", 2024, 2023, 2022, 2020, "zh")).toBe(statusLabels.reachedEarly.zh);
    // A blank year done passed as 0 (older Excel builds) is a blank, not the year 0.
    expect(F.milestone("已完成", 2024, 2023, 0, 2020, "zh")).toBe(F.milestone("已完成", 2024, 2023, "", 2020, "zh"));
    expect(F.milestone("已完成", 2024, 2023, 0, 2020, "zh")).not.toBe(statusLabels.invalid.zh);
  });

  test("PACE checks its period: a target year before the base year is named", () => {
    expect(excelError(() => F.paceFunction(0.8, 0.85, 0.9, 2023, 2025, 2020)).message).toMatch(/2020.*2025|2025.*2020/);
  });

  test("a zero mean is #DIV/0!, its message naming the values", () => {
    for (const call of [() => F.diffCoef(col(0, 0), col(1, 1)), () => F.giniFunction(col(0, 0, 0))]) {
      const e = excelError(call);
      expect(e.code).toBe("#DIV/0!");
      expect(e.message).toContain("values");
    }
  });

  test("an unknown language is named, in every function that takes one", () => {
    expect(excelError(() => F.status(0.8, 0.9, 0.9, 2023, 2020, 2025, "fr")).message).toContain("fr");
    expect(excelError(() => F.milestone("已完成", 2024, 2023, 2022, 2020, "fr")).message).toContain("fr");
    expect(excelError(() => F.notBelowFunction(100, 90, "fr")).message).toContain("fr");
  });

  test("a language code with spaces around it still reads", () => {
    expect(F.status(0.8, 0.9, 0.9, 2023, 2020, 2025, " zh ")).toBe(statusLabels.reachedEarly.zh);
  });
});
const STATUS_LABELS_BY_LANG = { zh: statusLabels.reachedEarly.zh, en: statusLabels.reachedEarly.en };

describe("the edge to Excel (runtime.ts)", () => {
  const g2 = globalThis as unknown as { Office: unknown };
  test("the display language follows Office; without it, or if reading it fails, English", () => {
    g.__displayLanguage = "zh-CN";
    expect(displayLanguage()).toBe("zh");
    const office = g2.Office;
    try {
      g2.Office = undefined;
      expect(displayLanguage()).toBe("en");
      g2.Office = {
        get context(): never {
          throw new Error("not in Excel");
        },
      };
      expect(displayLanguage()).toBe("en");
      g2.Office = { context: undefined };
      expect(displayLanguage()).toBe("en");
    } finally {
      g2.Office = office;
    }
  });

  test("an unexpected exception becomes #VALUE! with a message in the display language, never the exception", () => {
    g.__displayLanguage = "zh-CN";
    const e = excelError(() =>
      unwrap(() => {
        throw new TypeError("x is undefined");
      }),
    );
    expect(e).toEqual({ code: "#VALUE!", message: calcMessages.unexpected.zh });
    expect(e.message).not.toContain("undefined");
  });
});

describe("edges of the remaining functions, worked by hand", () => {
  test("STATUS: an impossible figure in the yearly row is 数据有误 (98.5 in a percent row)", () => {
    expect(F.status("", 0.95, "每年不低于90%", 2023, null, null, "zh", null, null, "%", [[0.92, 98.5, 0.95, "", ""]])).toBe(statusLabels.invalid.zh);
  });

  test("ACHIEVED: before the first plan year nothing; in it the first figure; an unknown basis is named", () => {
    expect(F.achieved([[1, 2, 3, 4, 5]], "累计", 2020)).toBe("");
    expect(F.achieved([[1, 2, 3, 4, 5]], "累计", 2021)).toBe(1);
    expect(F.achieved([[1, 2, 3, 4, 5]], "最新", 2022)).toBe(2);
    expect(excelError(() => F.achieved([[1, 2]], "每月", 2023)).message).toContain("每月");
    // No figure yet: blank, not zero.
    expect(F.achieved([["", "", ""]], "最新", 2023)).toBe("");
  });

  test("GROWS is strict (an equal figure has not grown); NOFALL is not (an equal figure has not fallen)", () => {
    expect(F.grows([[100], [100]], 2, undefined, "en")).toBe("Not met");
    expect(F.grows([[100], [101]], 2, undefined, "en")).toBe("Met");
    expect(F.noFall([[100], [100]], 2, undefined, "en")).toBe("Met");
    expect(F.noFall([[100], [99]], 2, undefined, "en")).toBe("Not met");
  });

  test("NOTBELOW: both blank is no data, equal pay is met, less is not", () => {
    expect(F.notBelowFunction("", "", "en")).toBe("No data");
    expect(F.notBelowFunction(100000, 100000, "en")).toBe("Met");
    expect(F.notBelowFunction(99999, 100000, "zh")).toBe("未落实");
  });
});

describe("CLASSSHARE and BALANCE name what is wrong, worked by hand", () => {
  const col = (...xs: unknown[]) => xs.map((x) => [x]);
  test("class share: 45 is at the primary standard, 46 is not; a number or a stage; blanks skipped", () => {
    // 40, 45 at or under 45; 46 over: 2 of 3.
    expect(F.classShareFunction(col(40, 45, "", 46), "小学")).toBeCloseTo(2 / 3, 15);
    expect(F.classShareFunction(col(40, 45, 46), [["小学"]])).toBeCloseTo(2 / 3, 15);
    // Junior: 50. A number works as the size: 46 ≤ 46.
    expect(F.classShareFunction(col(40, 45, 46, 51), "初中")).toBeCloseTo(3 / 4, 15);
    expect(F.classShareFunction(col(40, 45, 46), 46)).toBe(1);
  });

  test.each([
    ["an unknown stage", () => F.classShareFunction(col(40), "高中部"), 'Argument standard: the stage "高中部" is not known'],
    ["a standard of 0", () => F.classShareFunction(col(40), 0), "Standard 1 is 0"],
    ["a class of 45.5", () => F.classShareFunction(col(40, 45.5), 45), "classSizes item 2 is 45.5"],
    ["a class of 0", () => F.classShareFunction(col(40, 0), 45), "classSizes item 2 is 0"],
    ["a class size as text", () => F.classShareFunction(col(40, "abc"), 45), "Argument classSizes (item 2)"],
    ["no classes", () => F.classShareFunction(col("", ""), 45), "classSizes"],
    ["a blank school value", () => F.balance([[5, 2, 1, "", 8, 2500, 3]], [["小学"]]), "values is blank at item 4"],
    ["a value as text", () => F.balance([[5, 2, 1, "abc", 8, 2500, 3]], [["小学"]]), "Argument values (item 4)"],
    ["a standard as text", () => F.balance([[5, 2, 1, 5, 8, 2500, 3]], [[4.2, 1, 0.9, "abc", 7.5, 2000, 2.3]]), "Argument standards (item 4)"],
    ["a standard of 0", () => F.balance([[5, 2, 1, 5, 8, 2500, 3]], [[4.2, 1, 0.9, 0, 7.5, 2000, 2.3]]), "Standard 4 is 0"],
    ["six standards for seven values", () => F.balance([[5, 2, 1, 5, 8, 2500, 3]], [[4.2, 1, 0.9, 4.5, 7.5, 2000]]), "values has 7 cells but standards has 6"],
  ])("%s", (_label, call, text) => {
    expect(excelError(call).message).toContain(text);
  });

  test("a stage name with spaces and in English reads", () => {
    expect(F.classShareFunction(col(40, 45, 46), " Primary ")).toBeCloseTo(2 / 3, 15);
  });
});

describe("the edges of STATUS, MILESTONE and ACHIEVED (issue 16: a fresh run of src/functions)", () => {
  test("STATUS over a yearly history: a year-by-year target missed in an earlier year is not reached now; a text value is invalid data", () => {
    // 每年10: 10 or more each year. 2021–2023 at 12: on track (a duty every year is never reached
    // early, §7a.2); 2022 at 8 breaks it (regressing); 2022 blank is no data, naming 2022.
    expect(F.status("", 12, "每年10", 2023, 2020, 2025, "en", null, null, null, [[12], [12], [12]])).toBe("On track");
    expect(F.status("", 12, "每年10", 2023, 2020, 2025, "en", null, null, null, [[12], [8], [12]])).toBe("Regressing");
    expect(F.status("", 12, "每年10", 2023, 2020, 2025, "en", null, null, null, [[12], [""], [12]])).toBe("No data");
    expect(F.status("", 12, "每年10", 2025, 2020, 2025, "en", null, null, null, [[12], [12], [12], [10], [12]])).toBe("Reached");
    expect(F.status("", 12, "每年10", 2023, 2020, 2025, "en", null, null, null, [[12], ["十二"], [12]])).toBe("Invalid data");
    // No history given: the year alone decides.
    expect(F.status("", 12, "每年10", 2023, 2020, 2025, "en", null, null, null, "" as never)).toBe("On track");
  });

  test("STATUS with a task's basis tells a target reached after its deadline (§7a.4)", () => {
    // Places due 2023 (6660), cumulative: 3000 + 3185 = 6185 by 2023, + 475 in 2024 = 6660.
    const yearly = [[3000], [""], [3185], [475], [""]];
    expect(F.status(0, 6660, 6660, 2024, 2020, 2023, "zh", null, null, "个", yearly, "累计")).toBe("逾期实现");
    expect(F.status(0, 6660, 6660, 2025, 2020, 2023, "en", null, null, "个", yearly, "累计 Cumulative")).toBe("Reached late");
    // On time: 6660 by 2023.
    expect(F.status(0, 6660, 6660, 2025, 2020, 2023, "en", null, null, "个", [[3000], [""], [3660], [""], [""]], "累计")).toBe("Reached");
    // Without the basis (an older template's call) no lateness is read from raw yearly figures.
    expect(F.status(0, 6660, 6660, 2024, 2020, 2023, "en", null, null, "个", yearly)).toBe("Reached");
  });

  test("STATUS and GAP: beyond a count's range is reached and the gap is negative (§7a.1)", () => {
    // 每年1所–2所 (T-ICT-03), 3 schools in 2025 after 1 or 2 every year.
    expect(F.status("", 3, "每年1所–2所", 2025, 2020, 2025, "zh", null, null, "所", [[1], [2], [1], [2], [3]])).toBe("已实现");
    // Without a unit nothing says more is better: 3 is outside 1–2.
    expect(F.status("", 3, "1所–2所", 2025, 2020, 2025, "zh")).toBe("未实现");
    expect(F.gapFunction(3, "1所–2所", null, null, null, "所")).toBe(-1);
    expect(F.gapFunction(3, "1所–2所")).toBe(1);
  });

  test("MILESTONE: a year done of 0 is a blank cell passed as 0", () => {
    expect(F.milestone("进行中", 2025, 2023, 0, null, "zh")).toBe(F.milestone("进行中", 2025, 2023, "", null, "zh"));
    expect(F.milestone("已完成", 2025, 2023, 0, null, "zh")).toBe(F.milestone("已完成", 2025, 2023, "", null, "zh"));
  });

  test("ACHIEVED before the first year is blank; after the last value it keeps the whole row", () => {
    const row = [[3, 4, "", 5, ""]];
    expect(F.achieved(row, "累计", 2020)).toBe("");
    expect(F.achieved(row, "累计", 2030)).toBe(12);
    expect(F.achieved(row, "最新", 2030)).toBe(5);
  });
});

describe("values the data check rejects: the template's calls (unit given) agree with the report", () => {
  // The data check rejects an actual typed as text and a band that is text or outside 0–99 %; the
  // report calls such a row 数据有误 with no figures. Worked by hand: baseline 92.52 %, target 94 %.
  test("STATUS: a band as text, or of 150 %, is Invalid data where the unit is given", () => {
    expect(F.status(1000, 1099, "1100人左右", 2025, null, null, "zh", null, 0.1, "人")).toBe("已实现");
    expect(F.status(1000, 1099, "1100人左右", 2025, null, null, "zh", null, "10%", "人")).toBe("数据有误");
    expect(F.status(1000, 1099, "1100人左右", 2025, null, null, "zh", null, 1.5, "人")).toBe("数据有误");
    expect(F.status(0.9252, 0.95, 0.94, 2023, null, null, "en", null, "5%", "%")).toBe("Invalid data"); // any target: the row is rejected
    expect(F.status(0.9252, 0.95, 0.94, 2023, null, null, "en", null, 0, "%")).toBe("Reached early"); // 0 is a band the check accepts
    expect(F.status(0.9252, 0.95, 0.94, 2023, null, null, "en", null, 0.99, "%")).toBe("Reached early"); // so is 99 %
    // Its edges: 100 % and a negative band are refused, and so is a share typed as text ("0.5").
    for (const band of [1, -0.1, "0.5"]) expect([band, F.status(0.9252, 0.95, 0.94, 2023, null, null, "en", null, band, "%")]).toEqual([band, "Invalid data"]);
  });
  test("a band as text is #VALUE! naming the band and the fix, with or without a unit", () => {
    const e = excelError(() => F.gapFunction(1050, "1100人左右", "", "", "10%"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain('The band "10%" is text');
    const s = excelError(() => F.status(1000, 1099, "1100人左右", 2025, null, null, "zh", null, "10%"));
    expect(s.code).toBe("#VALUE!");
  });
  test("GAP and PROGRESS: an actual typed as text, or a percent out of range, is #N/A where the unit is given", () => {
    for (const call of [() => F.gapFunction("0.95", 0.94, "", 0.9252, "", "%"), () => F.progress(0.9252, "0.95", 0.94, "%"), () => F.progress(0.9252, 98.5, 0.94, "%")]) {
      const e = excelError(call);
      expect(e.code).toBe("#N/A");
      expect(e.message).toMatch(/^Invalid data: the actual value "(0\.95|98\.5)" is not a valid number for the unit "%"/);
    }
    const band = excelError(() => F.gapFunction(1099, "1100人左右", "", 1000, 1.5, "人"));
    expect([band.code, band.message]).toEqual(["#N/A", "The band 1.5 is not valid: use a share between 0 and 1, e.g. 5% (the default)."]);
    expect(excelError(() => F.gapFunction(1099, "1100人左右", "", 1000, "10%", "人")).code).toBe("#N/A");
    // A number in range is judged: gap 0.94 − 0.95 = −0.01 (reached), completion (0.95 − 0.9252) / (0.94 − 0.9252) = 0.0248 / 0.0148.
    expect(F.gapFunction(0.95, 0.94, "", 0.9252, "", "%")).toBeCloseTo(-0.01, 12);
    expect(F.progress(0.9252, 0.95, 0.94, "%")).toBeCloseTo(0.0248 / 0.0148, 12);
    // Without a unit (a planner's own call) plan-style text is still read: "95%" is 0.95.
    expect(F.gapFunction("95%", 0.94)).toBeCloseTo(-0.01, 12);
    expect(F.progress(0.9252, "95%", 0.94)).toBeCloseTo(0.0248 / 0.0148, 12);
  });
});

describe("tasks: a value the data check rejects counts up to the monitoring year only, as in the report", () => {
  // Values 2021–2025: 6, "6" (text), 7, 3, 3; cumulative. By hand: 2021 → 6; 2022 on → the text counts.
  const row = [[6, "6", 7, 3, 3]];
  test("ACHIEVED with the unit: #N/A once a rejected value is in the years summed; before it, the sum", () => {
    expect(F.achieved(row, "累计", 2021, 2021, "个")).toBe(6);
    for (const year of [2022, 2025]) {
      const e = excelError(() => F.achieved(row, "累计", year, 2021, "个"));
      expect([e.code, e.message]).toEqual(["#N/A", 'Invalid data: the 2022 value "6" is not a valid number for the unit "个" (typed as text, or a percent out of range). Type it again as a number.']);
    }
    // A percent typed as points (98.5) in a percent row is rejected the same way; without a unit the text is read.
    expect(excelError(() => F.achieved([[0.9, 98.5]], "最新", 2022, 2021, "%")).code).toBe("#N/A");
    expect(F.achieved(row, "累计", 2025, 2021)).toBe(25);
  });
  test("STATUS with the unit: a rejected value after the monitoring year does not make the row Invalid data", () => {
    // 30 左右 by 2025 from 0: 19 by 2023 is above the path's 18 → On track; a text "3" in 2025 changes nothing in 2023.
    const later = [[6, 6, 7, 3, "3"]];
    expect(F.status(0, 19, "30个左右", 2023, 2020, 2025, "en", null, null, "个", later)).toBe("On track");
    expect(F.status(0, 19, "30个左右", 2025, 2020, 2025, "en", null, null, "个", later)).toBe("Invalid data");
    expect(F.status(0, 13, "30个左右", 2023, 2020, 2025, "en", null, null, "个", row)).toBe("Invalid data");
  });
});
