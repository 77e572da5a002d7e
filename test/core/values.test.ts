import { readValue, type Comparator } from "../../src/core/values";
import { meets } from "../../src/core/calc/compare";

// [input, options, value, comparator, form] — expected values are the printed decimals themselves.
const good: Array<[unknown, { percentPoints?: boolean }, number, Comparator, string]> = [
  ["19.62:1", {}, 19.62, "=", "ratio"],
  ["19.62∶1", {}, 19.62, "=", "ratio"], // U+2236 RATIO
  ["19.62：1", {}, 19.62, "=", "ratio"], // U+FF1A full-width colon
  ["１９．６２：１", {}, 19.62, "=", "ratio"], // full-width digits
  ["12 : 1", {}, 12, "=", "ratio"],
  ["3:2", {}, 1.5, "=", "ratio"],
  ["＜0.40", {}, 0.4, "<", "plain"], // U+FF1C
  ["<0.40", {}, 0.4, "<", "plain"],
  ["<=0.4", {}, 0.4, "<=", "plain"],
  ["≤ 0.45", {}, 0.45, "<=", "plain"],
  ["≥4.2", {}, 4.2, ">=", "plain"],
  ["＞0.5", {}, 0.5, ">", "plain"],
  ["≈1100", {}, 1100, "~", "plain"],
  ["92.52%", {}, 0.9252, "=", "percent"],
  ["92.52 %", {}, 0.9252, "=", "percent"],
  ["９２．５２％", {}, 0.9252, "=", "percent"],
  ["68.68%", {}, 0.6868, "=", "percent"],
  ["99.2", { percentPoints: true }, 0.992, "=", "plain"],
  ["99.2", {}, 99.2, "=", "plain"],
  ["100", { percentPoints: true }, 1, "=", "plain"],
  ["11. 65", {}, 11.65, "=", "plain"], // stray space, as printed in chapter 1
  ["11. 65年", {}, 11.65, "=", "plain"],
  ["46,395", {}, 46395, "=", "plain"],
  ["46395个", {}, 46395, "=", "plain"],
  ["65%以上", {}, 0.65, ">=", "percent"],
  ["4.2人以上", {}, 4.2, ">=", "plain"],
  ["不超过45人", {}, 45, "<=", "plain"],
  ["不满50", {}, 50, "<", "plain"],
  ["超过45", {}, 45, ">", "plain"],
  ["1100人左右", {}, 1100, "~", "plain"],
  ["至少15个", {}, 15, ">=", "plain"],
  ["达到78%", {}, 0.78, "=", "percent"],
  ["−3.5", {}, -3.5, "=", "plain"], // U+2212 minus
  ["  0.9252  ", {}, 0.9252, "=", "plain"],
  [0.9252, { percentPoints: true }, 0.9252, "=", "plain"], // numbers from cells are never rescaled
  [17, {}, 17, "=", "plain"],
  ["1e3", {}, 1000, "=", "plain"],
];

describe("readValue: plan-style text", () => {
  test.each(good)("%p %p → %p %p", (input, options, value, comparator, form) => {
    const result = readValue(input, options);
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ value, comparator, form }) });
  });

  test("percent scaling is exact, not binary-rounded", () => {
    // 0.9252 is the double nearest to the decimal; 92.52 / 100 is not.
    expect(92.52 / 100).not.toBe(0.9252);
    const r = readValue("92.52%");
    expect(r.ok && r.value.value).toBe(0.9252);
    const s = readValue("68.68", { percentPoints: true });
    expect(s.ok && s.value.value).toBe(0.6868);
  });
});

// [input, error code] — each message must quote the input (or name the Excel error).
const bad: Array<[unknown, string]> = [
  ["", "blank"],
  ["   ", "blank"],
  [null, "blank"],
  [undefined, "blank"],
  ["#N/A", "excel-error"],
  ["#DIV/0!", "excel-error"],
  ["#value!", "excel-error"],
  ["#REF!", "excel-error"],
  [{ code: "#NUM!" }, "excel-error"],
  ["abc", "not-a-number"],
  ["九十二", "not-a-number"],
  ["1.2.3", "not-a-number"],
  ["1,2", "not-a-number"], // a decimal comma is a guess we refuse to make
  ["12:abc", "not-a-number"],
  ["%", "not-a-number"],
  ["19.62:0", "ratio-denominator"],
  ["＜50%以上", "conflicting-comparators"],
  [Number.NaN, "not-finite"],
  [Number.POSITIVE_INFINITY, "not-finite"],
  [true, "boolean"],
];

describe("readValue: bad input", () => {
  test.each(bad)("%p → %s", (input, code) => {
    const result = readValue(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message.zh.length).toBeGreaterThan(0);
    expect(result.error.message.en.length).toBeGreaterThan(0);
    if (typeof input === "string" && input.trim() !== "" && code !== "excel-error") {
      expect(result.error.message.en).toContain(JSON.stringify(input.trim()));
      expect(result.error.message.zh).toContain(JSON.stringify(input.trim()));
    }
  });
});

describe("meets (compare.ts)", () => {
  test.each([
    [0.39, "<", 0.4, true],
    [0.4, "<", 0.4, false], // strict bound is not met at equality
    [0.4, "<=", 0.4, true],
    [0.41, ">", 0.4, true],
    [0.4, ">=", 0.4, true],
    [0.4, "=", 0.4, true],
    [0.41, "=", 0.4, false],
  ] as const)("%p %s %p → %p", (actual, comparator, bound, expected) => {
    expect(meets(actual, comparator, bound)).toBe(expected);
  });
});
