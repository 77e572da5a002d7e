import { excelPort } from "../../src/excel/port";
import { FakeContext, FakeWorkbookData, installExcelEnums } from "./fake-excel";
import { insertTemplate, selectCell, setProtection, summarizeYear, validateWorkbook } from "../../src/usecases/workbook";
import { IH, SH, TABLES, yearHeader, SCHOOL_INDICATORS } from "../../src/core/workbook/layout";
import type { Finding } from "../../src/core/workbook/check";

beforeAll(installExcelEnums);

async function workbook() {
  const data = new FakeWorkbookData();
  const ctx = new FakeContext(data);
  const outcome = await insertTemplate(excelPort(ctx.excel), { language: "zh", onConflict: "ask", year: 2023 });
  expect(outcome.kind).toBe("written");
  return data;
}

async function validate(data: FakeWorkbookData) {
  const ctx = new FakeContext(data);
  const outcome = await validateWorkbook(excelPort(ctx.excel));
  if (outcome.kind !== "checked") throw new Error("not checked");
  return { findings: outcome.findings, syncs: ctx.syncCount };
}

const S = "规划指标";
const at = (data: FakeWorkbookData, id: string, header: string) => data.addressOf(TABLES.indicators, id, header);
const only = (findings: Finding[], address: string) => findings.filter((f) => f.address === address);

/** Appends school rows to the schools table, as a planner would type them. */
function schools(data: FakeWorkbookData, rows: unknown[][]) {
  const t = data.table(TABLES.schools)!;
  const header = data.tableRows(TABLES.schools)[0]!;
  rows.forEach((row, i) => {
    const r = t.row + 1 + i; // the first body row exists already
    row.forEach((v, c) => data.type("学校数据", `${String.fromCharCode(65 + c)}${r + 1}`, v));
    if (i > 0) t.height++;
  });
  return header;
}

describe("validate on demand", () => {
  test("a clean template has no findings, in three round trips", async () => {
    const data = await workbook();
    const { findings, syncs } = await validate(data);
    expect(findings).toEqual([]);
    expect(syncs).toBe(3);
  });

  test.each([
    ["INT-03", "abc", "not-number", "“abc”不是数值"],
    ["INT-03", "92.52%", "text-number", "重新输入为数值 0.9252"],
    ["INT-03", 92.52, "percent-points", "若指 92.52%，请输入“92.52%”或 0.9252"],
    ["INT-03", 150.5, "percent-points", "像是按百分点填写的"],
    ["LOC-05-JUN", 98.5, "percent-points", "若指 98.5%，请输入“98.5%”或 0.985"],
    ["LOC-05-JUN", 1.012, "percent-range", "该指标不可能超过 100%"],
    ["INT-05-PRI", -3, "negative", "为负数"],
    ["INT-05-PRI", "#N/A", "excel-error", "错误值 #N/A"],
    ["INT-05-PRI", true, "not-number", "TRUE"],
    ["LOC-04-PRI", 1.4, "coefficient-range", "大于 1"],
  ])("%s given %p → %s, naming the cell", async (id, value, code, zh) => {
    const data = await workbook();
    const address = at(data, id, yearHeader(2022));
    data.type(S, address, value);
    const { findings } = await validate(data);
    const [f] = only(findings, address);
    expect(f).toMatchObject({ code, sheet: S, key: id, header: "2022" });
    expect(f!.message.zh).toContain(address);
    expect(f!.message.zh).toContain(zh);
    expect(f!.message.en).toContain(address);
  });

  test("a year-over-year jump out of proportion is a warning (percent points and ratios)", async () => {
    const data = await workbook();
    data.type(S, at(data, "LOC-03-PRI", yearHeader(2021)), 0.4); // baseline 35.85%
    data.type(S, at(data, "LOC-03-PRI", yearHeader(2022)), 0.78); // +38 points
    data.type(S, at(data, "INT-05-PRI", yearHeader(2021)), 19); // baseline 19.62
    data.type(S, at(data, "INT-05-PRI", yearHeader(2022)), 9); // -53%
    const { findings } = await validate(data);
    expect(only(findings, at(data, "LOC-03-PRI", yearHeader(2022)))).toEqual([expect.objectContaining({ code: "jump", severity: "warning" })]);
    expect(only(findings, at(data, "LOC-03-PRI", yearHeader(2021)))).toEqual([]);
    expect(only(findings, at(data, "INT-05-PRI", yearHeader(2022)))[0]!.message.en).toContain("9 after 19 in 2021");
  });

  test("a missing baseline is an error", async () => {
    const data = await workbook();
    const address = at(data, "LOC-06", IH.baseline);
    data.type(S, address, "");
    const { findings } = await validate(data);
    expect(only(findings, address)).toEqual([expect.objectContaining({ code: "missing-baseline", severity: "error" })]);
  });

  test("school data: zero enrolment, negative area, duplicates, classes beyond enrolment, bad stage", async () => {
    const data = await workbook();
    const raw = SCHOOL_INDICATORS.map(() => 10);
    const header = schools(data, [
      ["湖塘实验小学", "小学", 1200, 30, 28, ...raw],
      ["湖塘实验小学", "小学", 1100, 28, 20, ...raw], // duplicate of row 4
      ["礼河小学", "小学", 0, 10, 10, ...raw], // zero enrolment
      ["星辰初中", "初中", 800, 20, 21, 10, 10, 10, -5, 10, 10, 10], // standard > classes; negative area
      ["夏溪小学", "小学", 30, 40, 20, ...raw], // classes > enrolment
      ["横山桥学校", "九年一贯", 900, 20, 18, ...raw], // stage
      ["", "小学", 500, 12, 12, ...raw], // no name
      ["牛塘小学", "小学", "", 12, 12, ...raw], // no enrolment
    ]);
    const { findings } = await validate(data);
    const code = (row: number, h: string) => only(findings, `${String.fromCharCode(65 + header.indexOf(h))}${row}`).map((f) => f.code);
    expect(code(5, SH.school)).toEqual(["duplicate-school"]);
    expect(only(findings, "A5")[0]!.message.zh).toContain("与 A4 重复");
    expect(code(6, SH.enrolment)).toEqual(["zero-enrolment"]);
    expect(code(7, SH.standardClasses)).toEqual(["standard-over-classes"]);
    expect(code(7, SCHOOL_INDICATORS[3].raw)).toEqual(["negative"]);
    expect(code(8, SH.classes)).toEqual(["classes-over-enrolment"]);
    expect(code(9, SH.stage)).toEqual(["stage"]);
    expect(code(10, SH.school)).toEqual(["missing-school"]);
    expect(code(11, SH.enrolment)).toEqual(["missing-enrolment"]);
    expect(findings.filter((f) => f.table === TABLES.schools).length).toBe(8);
  });

  test("cells with findings are highlighted until fixed, then the highlight goes away", async () => {
    const data = await workbook();
    const bad = at(data, "INT-03", yearHeader(2023));
    const warn1 = at(data, "LOC-03-PRI", yearHeader(2021));
    data.type(S, bad, 92.52);
    data.type(S, warn1, 0.8); // jump from 35.85%
    await validate(data);
    expect(data.at(S, bad)!.fill).toBe("#FFC7CE");
    expect(data.at(S, warn1)!.fill).toBe("#FFEB9C");
    expect(data.at("PM_Meta", "F1")!.formula).toBe(`${S}!${bad}`);

    data.type(S, bad, 0.9252);
    const { findings } = await validate(data);
    expect(only(findings, bad)).toEqual([]);
    expect(data.at(S, bad)!.fill).toBe("#FFF2CC");
    expect(data.at(S, warn1)!.fill).toBe("#FFEB9C");
    expect(data.at("PM_Meta", "F1")!.formula).toBe(`${S}!${warn1}`);
    expect(data.at("PM_Meta", "F2")!.formula).toBe("");
  });

  test("choosing a finding selects its cell", async () => {
    const data = await workbook();
    const ctx = new FakeContext(data);
    await selectCell(excelPort(ctx.excel), S, "M9");
    expect(data.selection).toEqual({ sheet: S, address: "'规划指标'!M9:M9" });
    expect(ctx.syncCount).toBe(1);
  });

  test("without the template it says to insert it first", async () => {
    const ctx = new FakeContext(new FakeWorkbookData());
    expect(await validateWorkbook(excelPort(ctx.excel))).toMatchObject({ kind: "error", message: { en: expect.stringContaining("Insert template") } });
  });
});

describe("flags for the monitoring year", () => {
  test("the year shown defaults to the latest year with data, not an empty monitoring year (issue 13)", async () => {
    const data = await workbook();
    data.type(S, "B3", 2025); // a fresh template's monitoring year
    let outcome = await summarizeYear(excelPort(new FakeContext(data).excel));
    if (outcome.kind !== "summary") throw new Error();
    expect([outcome.summary.year, outcome.summary.hasData]).toEqual([2021, false]); // nothing entered yet
    data.type(S, at(data, "LOC-01", yearHeader(2022)), 0.93);
    outcome = await summarizeYear(excelPort(new FakeContext(data).excel));
    if (outcome.kind !== "summary") throw new Error();
    expect([outcome.summary.year, outcome.summary.hasData]).toEqual([2022, true]);
  });

  test("every indicator that misses or falls behind, worst first, with gap and expected value", async () => {
    const data = await workbook();
    const y = yearHeader(2023);
    data.type(S, at(data, "INT-05-PRI", y), 18.5); // behind: completion 0.4275 < τ 0.6 (domain notes example)
    data.type(S, at(data, "INT-05-JUN", y), 13.5); // behind: (14.14-13.5)/2.14 = 0.299
    data.type(S, at(data, "LOC-01", y), 0.92); // regressing: below the 92.52% baseline
    data.type(S, at(data, "INT-01", y), 0.99); // regressing: a maintain target (100%) slipping before 2025
    data.type(S, at(data, "LOC-03-PRI", y), 0.8); // met
    data.type(S, at(data, "LOC-04-PRI", y), 0.39); // met: < 0.40
    data.type(S, at(data, "INT-04", y), 0.7885); // on track: (78.85-76.89)/3.11 = 0.630 ≥ 0.6
    const ctx = new FakeContext(data);
    const outcome = await summarizeYear(excelPort(ctx.excel));
    expect(ctx.syncCount).toBe(2);
    if (outcome.kind !== "summary") throw new Error();
    const { summary } = outcome;
    expect(summary.year).toBe(2023); // the workbook's monitoring year
    expect(summary.flags.map((f) => [f.id, f.status])).toEqual([
      ["LOC-01", "regressing"], // P = (0.92 − 0.9252)/0.0148 = −0.351, shortfall 0.6 + 0.351 = 0.951
      ["T-PRE-01", "regressing"], // the task restates LOC-01 and takes its value: the same shortfall, then by ID
      ["INT-01", "regressing"], // no completion for a maintain target: shortfall 0.6
      ["INT-05-JUN", "behind"], // shortfall 0.6 - 0.299 = 0.301
      ["INT-05-PRI", "behind"], // shortfall 0.6 - 0.4275 = 0.1725
    ]);
    const pri = summary.flags.find((f) => f.id === "INT-05-PRI")!;
    expect(pri.expected).toBeCloseTo(18.048, 12);
    expect(pri.gap).toBeCloseTo(1.5, 12);
    expect(pri.address).toBe(at(data, "INT-05-PRI", IH.status));
    expect(summary.counts).toEqual({ reachedEarly: 2, reached: 0, reachedLate: 0, onTrack: 1, behind: 2, regressing: 2, missed: 0, noData: 16, invalid: 0 });
  });
});

describe("protection", () => {
  test("protects the template sheets, and the add-in's own writes keep working", async () => {
    const data = await workbook();
    let ctx = new FakeContext(data);
    expect(await setProtection(excelPort(ctx.excel), true)).toEqual({ kind: "done", on: true });
    expect(ctx.syncCount).toBe(3);
    const templateSheets = data.tables.map((t) => t.sheet);
    expect(templateSheets.every((s) => data.sheet(s)!.protected)).toBe(true);
    // Input cells stay unlocked; computed and template cells are locked.
    expect(data.at(S, at(data, "INT-03", yearHeader(2023)))!.locked).toBe(false);
    expect(data.at(S, at(data, "INT-03", IH.status))!.locked).toBe(true);
    // Validation (which highlights cells) and a re-insert still write, and leave the sheets protected.
    data.type(S, at(data, "INT-03", yearHeader(2023)), 92.52);
    await validate(data);
    expect(data.at(S, at(data, "INT-03", yearHeader(2023)))!.fill).toBe("#FFC7CE");
    ctx = new FakeContext(data);
    expect((await insertTemplate(excelPort(ctx.excel), { language: "zh", onConflict: "ask" })).kind).toBe("written");
    expect(templateSheets.every((s) => data.sheet(s)!.protected)).toBe(true);
    ctx = new FakeContext(data);
    await setProtection(excelPort(ctx.excel), false);
    expect(templateSheets.some((s) => data.sheet(s)!.protected)).toBe(false);
  });
});
