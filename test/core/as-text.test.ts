/**
 * Text the add-in writes stays the text it is (excel.md: writing cells — Excel parses "94 %" to 0.94,
 * "2025" to a number, "15-Feb" to a date): asText gives text Excel would read as something else its
 * apostrophe, and leaves other text alone. Each case checked against the Excel double, which parses
 * as Excel does (numbers, percentages, logicals, dates and times).
 */
import { asText } from "../../src/core/workbook/model";
import { excelParse } from "../excel/fake-excel";

// Read by Excel as a number, a logical, a formula, a date or a time.
const PARSED = [
  "94 %", "2025", "1,200", "1.10", "-5", "+3", "1e3", ".5", ".5%", "TRUE", "false",
  "2021-12", "3/5", "17:1", "2025/3/5", "2025.3.5", "8:40", "8:40 PM", "15-Feb", "15 Feb 2025", "Feb 2025", "March 5, 2025", "sept 3",
  "2025年3月", "3月5日", "2025年3月5日",
  // Each part of the number and time patterns (a fresh mutation sample found them untested):
  // thousands groups of two digits first and of several groups, decimals of several digits, a
  // signed exponent, a time with seconds, "pm" without a space.
  "12,345", "1,234,567", "1.25", "1.255", "2.5e-3", "2E+5", "1.5E+12", "10:30:15", "10:30pm",
  // Chinese dates with two-digit months and days (a fourth sample, seed 20261204).
  "2025年12月", "2025年3月15日", "12月5日", "3月15日",
  // A dashed date with a two-digit day (the seventh sample, seed 20261207).
  "2025-3-15",
];
// Text Excel keeps as it is.
const KEPT = ["%", "2021–2025", "≥95%", "50%以上", "19.62:1", "＜0.40", "约 85", "LOC-01", "Mayor 12", "Total 2025", "2025年", "12月", "3月底", "二〇二一", "第141行", "10:30 前", "12,34", "1.2.3.4",
  // A Chinese date inside a phrase is a phrase.
  "截至2025年3月", "2025年3月5日前", "3月5日前",
  // A logical inside a word or a phrase is a word or a phrase (seed 20261207).
  "untrue", "isfalse", "true story"];

describe("text stays text when written to Excel", () => {
  test.each(PARSED)("%s is written with its text prefix and reads back as itself", (text) => {
    expect(excelParse(text)).not.toBe(text);
    expect(asText(text)).toBe(`'${text}`);
    expect(excelParse(asText(text))).toBe(text);
  });

  test.each(KEPT)("%s is written as it is", (text) => {
    expect(excelParse(text)).toBe(text);
    expect(asText(text)).toBe(text);
  });

  test("text Excel would take for a formula, or that starts with the prefix itself, gets the prefix too", () => {
    expect(["=A1", "+", "-", "@x", "'quoted"].map(asText)).toEqual(["'=A1", "'+", "'-", "'@x", "''quoted"]);
    expect(excelParse("''quoted")).toBe("'quoted");
  });

  test("numbers, blanks and logicals pass through", () => {
    expect([asText(5), asText(""), asText(null), asText(true)]).toEqual([5, "", null, true]);
  });
});
