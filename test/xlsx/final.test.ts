/**
 * The final evaluation (issue 15): every indicator's final verdict in the demo is worked out here
 * from the demo's yearly values and the plan's targets with the rules of domain notes §7, apart from
 * the core; the sheet is the same through both hosts (exceljs here, the Excel double there).
 */
import ExcelJS from "exceljs";
import { buildDemo } from "../../src/usecases/demo";
import { xlsxPort } from "../../src/xlsx/port";
import { excelPort } from "../../src/excel/port";
import { snapshotFromWorkbook } from "../../src/xlsx/snapshot";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { buildFinalReport, type FinalModel } from "../../src/core/report/final";
import { assessYear } from "../../src/core/workbook/assess";
import { finalLayout, finalSheet, trend } from "../../src/core/report/final-sheet";
import { STATUS_COLORS, STATUS_LABELS, isReached, statusText } from "../../src/core/calc/status";
import { IH, noteHeader, yearHeader } from "../../src/core/workbook/layout";
import { FakeContext, FakeWorkbookData, installExcelEnums } from "../excel/fake-excel";
import { grid, units } from "./sheet-grid";

const PLAN = embeddedPlan();
const YEARS = [2021, 2022, 2023, 2024, 2025];
let wb: ExcelJS.Workbook;
let model: FinalModel;

beforeAll(async () => {
  installExcelEnums();
  wb = new ExcelJS.Workbook();
  await buildDemo(xlsxPort(wb), new Date(2026, 10, 30, 8, 40));
  model = buildFinalReport(PLAN, snapshotFromWorkbook(wb), { language: "zh", generatedAt: "2026-11-30 08:40" });
}, 120_000);

/** Reached, by the plan's printed target, written out apart from the core (figures and bounds only). */
function reached(id: string, v: number): boolean {
  const ind = PLAN.indicators.find((i) => i.id === id)!;
  const t = ind.target.value;
  const eps = 1e-9 * Math.max(Math.abs(v), Math.abs(t));
  switch (ind.target.comparator) {
    case "<":
      return v < t - eps;
    case "<=":
      return v <= t + eps;
    case ">":
      return v > t + eps;
    case ">=":
      return v >= t - eps;
    default:
      return ind.direction === "lower" ? v <= t + eps : v >= t - eps;
  }
}

describe("the demo's final evaluation", () => {
  test("every indicator's final verdict and year first reached follow domain notes §7 and §7a", () => {
    const table = snapshotFromWorkbook(wb).tables.indicators!;
    const col = (h: string) => table.headers.indexOf(h);
    const tally: Record<string, number> = {};
    for (const ind of PLAN.indicators) {
      const row = table.values.find((r) => r[col(IH.id)] === ind.id)!;
      const values = YEARS.map((y) => row[col(yearHeader(y))]).map((v) => (typeof v === "number" ? v : null));
      // §7a.2: a level to maintain, or a target the measured baseline already met, is held, never early.
      const hold = ind.direction === "maintain" || (ind.baseline.comparator === "=" && reached(ind.id, ind.baseline.value));
      // §7a.3: the first year of the unbroken run of reached years that ends in 2025.
      let first: number | null = null;
      for (let k = YEARS.length - 1; k >= 0 && values[k] !== null && reached(ind.id, values[k]!); k--) first = YEARS[k]!;
      const end = values[values.length - 1] ?? null;
      const expected = end === null ? "noData" : !reached(ind.id, end) ? "missed" : !hold && first! < 2025 ? "reachedEarly" : "reached";
      tally[expected] = (tally[expected] ?? 0) + 1;
      const line = model.indicators.find((l) => l.row.id === ind.id)!;
      expect([ind.id, line.row.status, line.row.firstReached]).toEqual([ind.id, expected, expected === "missed" || expected === "noData" || hold ? null : first]);
      expect([ind.id, line.values]).toEqual([ind.id, values]);
    }
    // The demo's picture: most reached, five missed (the lagging and regressing paths); INT-01 and
    // INT-02 (毛入园率, 毛入学率 100 → 100) held, so reached, not early.
    expect(model.overall).toMatchObject({ ...tally, invalid: 0 });
    expect(model.indicators.filter((l) => ["INT-01", "INT-02"].includes(l.row.id)).map((l) => [l.row.status, l.row.firstReached])).toEqual([
      ["reached", null],
      ["reached", null],
    ]);
    expect(tally).toEqual({ reachedEarly: 4, reached: 14, missed: 5 });
  });

  test("a row reached early and lost again is missed, not reached", () => {
    // LOC-09 (fitness) and LOC-11 (exchanges) regressed after 2021 and end short of their targets.
    for (const id of ["LOC-09", "LOC-11"]) expect(model.indicators.find((l) => l.row.id === id)!.row.status).toBe("missed");
  });

  test("the sheet: the year first reached, the trend drawn from the baseline on, counts by group", () => {
    const sheet = finalLayout(model);
    const cells = new Map<string, unknown>();
    for (const b of sheet.blocks) b.values.forEach((r, i) => r.forEach((v, j) => cells.set(`${b.row + i},${b.col + j}`, v)));
    const rowOf = (id: string) => sheet.blocks.find((b) => b.col === 0 && b.values[0]![0] === id && b.values[0]!.length > 6)!.row;
    const r = rowOf("INT-04");
    // ID, group, name, baseline, 2021–2025, target; then verdict, first reached, trend.
    expect(cells.get(`${r},10`)).toBe(STATUS_LABELS.reachedEarly.zh);
    expect(cells.get(`${r},11`)).toBe(2024);
    expect(cells.get(`${r},12`)).toBe(trend([0.7689, 0.7782, 0.786, 0.7938, 0.8, 0.8]));
    expect(trend([1, 2, null, 4])).toBe("▁▃ █");
    expect(trend([5, 5])).toBe("▄▄");
    expect(sheet.name).toBe("2021-2025终期评估");
  });

  test("the contradictions are read against each figure: 58 not reached, the parts' 57 reached", () => {
    const c = model.contradictions.find((x) => x.id === "C-BUILD-PROJECTS")!;
    expect(c.readings.map((r) => [r.value, r.actual, r.met])).toEqual([
      [58, 57, false],
      [57, 57, true],
    ]);
    // A figure that is a baseline is not a reading to reach.
    const ladder = model.contradictions.find((x) => x.id === "C-TALENT-LADDER")!;
    expect(ladder.readings[0]).toMatchObject({ baseline: true, met: null });
  });

  test("funding is evaluated over every year of the period, not only the monitoring year", () => {
    expect(new Set(model.funding!.checks.map((c) => c.year))).toEqual(new Set(YEARS));
    expect(model.funding!.checks.filter((c) => c.verdict === "notMet").map((c) => [c.year, c.check])).toEqual([[2022, "perStudent"]]);
  });

  test("both hosts write the same final evaluation sheet", async () => {
    // exceljs: the demo holds it; the Excel double: the same use case on a demo built there.
    const ws = wb.getWorksheet("2021-2025终期评估")!;
    const fromFile: unknown[] = [];
    ws.eachRow((row) => {
      const v = row.getCell(1).value;
      if (v !== null && v !== "") fromFile.push(v);
    });
    const data = new FakeWorkbookData();
    data.addSheet("Sheet1");
    await buildDemo(excelPort(new FakeContext(data).excel), new Date(2026, 10, 30, 8, 40));
    const sheet = data.sheet("2021-2025终期评估")!;
    const firstColumn: unknown[] = [];
    for (const [key, cell] of sheet.cells) {
      const [c, r] = key.split(",").map(Number) as [number, number];
      if (c === 0 && cell.formula !== "" && cell.formula !== null && cell.formula !== undefined) firstColumn[r] = cell.formula;
    }
    expect(firstColumn.filter((v) => v !== undefined)).toEqual(fromFile);
  }, 120_000);
});

/**
 * Every cell the final evaluation sheet prints, read back from the sheet model the way a writer lays
 * its blocks down (a later block over an earlier one), against the final model it was drawn from: the
 * model's own figures (tested above and in test/core) in the columns the headers name, with the
 * verdict's colours, the number formats of each unit, and the page layout.
 */
describe("the final evaluation sheet, every column of every row", () => {
  const FORMAT: Record<string, string> = { percent: "0.00%", ratio: '0.00":1"', years: "0.00", coefficient: "0.000", count: "#,##0", persons: "#,##0" };

  test("the cover block, column widths, print settings; every paragraph merged across the page, as high as its text", () => {
    const sheet = finalLayout(model);
    const { at, last } = grid(sheet);
    expect(at(0, 0)).toMatchObject({ value: model.title, bold: true });
    expect(model.title.endsWith("2021—2025年规划实施终期评估报告")).toBe(true);
    // The plan and its issuer from the plan; the evaluating body and the date blank and yellow, for the bureau.
    expect([1, 2, 3, 4].map((r) => [at(r, 0)!.value, at(r, 0)!.bold, at(r, 1)!.value, at(r, 1)!.fill])).toEqual([
      ["规划名称", true, "常州市武进区“十四五”教育发展规划", undefined],
      ["印发单位", true, "常州市武进区人民政府", undefined],
      ["评估单位", true, "", "#FFF2CC"],
      ["报告日期", true, "", "#FFF2CC"],
    ]);
    expect(sheet.merges.slice(0, 4).map((m) => m.address)).toEqual(["B2:E2", "B3:E3", "B4:E4", "B5:E5"]);
    // ID, group, name, baseline, the five years, target, verdict, first reached, trend.
    expect(sheet.widths).toEqual([12, 18, 34, 10, 9, 9, 9, 9, 9, 10, 10, 9, 12]);
    // The print area ends above the two grey lines of how the sheet came about (they do not print).
    expect(sheet.print).toEqual({ titleRows: "$1:$1", header: model.annual.planName, footer: "", printArea: `A1:M${last - 2}`, gridlines: false });
    // Printed, the footer counts the evaluation's own pages: one more than its page breaks.
    const printed = finalSheet(model);
    expect(printed.print.footer).toBe(`第 &P 页，共 ${printed.breaks.length + 1} 页`);
    // How the sheet came about, last and in grey, not on the cover.
    expect([at(last - 1, 0)!.value, at(last - 1, 0)!.font]).toEqual([`规划期：2020年（基期）至2025年（目标年）\u3000生成时间：2026-11-30 08:40\u3000模板版本：${model.annual.templateVersion}`, "#595959"]);
    // Each paragraph across all 13 columns: 160 characters, 95 % usable, one 16-point line per 152 units.
    const paragraphs = sheet.merges.filter((m) => /^A(\d+):M\1$/.test(m.address));
    const sections = model.sections;
    expect(paragraphs.length).toBe(sections.evaluation.length + sections.achievements.length + sections.problems.length + sections.proposals.length + 5 + 1 + 1);
    for (const m of paragraphs) {
      const r = Number(/^A(\d+):/.exec(m.address)![1]) - 1;
      expect(m.rowHeight).toBe(Math.max(1, Math.ceil(units(String(at(r, 0)!.value)) / 152)) * 16);
    }
  });

  test("the four sections in order, drafted from the model; the shortfalls with their gaps and the planners' notes; rows for the bureau's own text", () => {
    const sheet = finalLayout(model);
    const { at, line, rowsWith } = grid(sheet);
    const heading = (t: string) => rowsWith(0, t)[0]!;
    const [one, two, three, four] = ["一、评估工作开展情况", "二、主要成效", "三、存在问题及原因", "四、下一步建议（“十五五”）"].map(heading);
    expect(one! < two! && two! < three! && three! < four!).toBe(true);
    expect(model.sections.evaluation.map((_, k) => at(one! + 1 + k, 0)!.value)).toEqual(model.sections.evaluation);
    expect(model.sections.achievements.map((_, k) => at(two! + 1 + k, 0)!.value)).toEqual(model.sections.achievements);
    // The demo's achievements name the four indicators reached early with their figures, and the period's funding against 161.78 亿元.
    expect(model.sections.achievements[1]).toMatch(/^提前实现的指标：高等教育毛入学率（2024年达到，2025年 80\.00%，目标 80\.00%）、/);
    // 556,000 + 579,000 + 605,000 + 631,000 + 662,000 = 3,033,000 万元 = 303.30 亿元; 3,033,000 / 1,617,800 − 1 = 87.5 %.
    expect(model.sections.achievements).toContain("规划期（2021—2025年）一般公共预算教育支出合计 303.30 亿元；规划文本载“十三五”期间全区各级各类教育投入 161.78亿元（第44行，统计口径不完全相同），增长 87.5%。");
    // 三: the lead-in, then one row per missed or late target: indicators, then tasks, then milestones.
    expect(at(three! + 1, 0)!.value).toBe(model.sections.problems[0]);
    const head = three! + 2;
    expect(line(head, 0, 7)).toEqual(["编号", "类别", "名称", "目标", "目标年实际", "差距", "终期判定", "原因说明（规划人员填写）"]);
    expect(sheet.merges).toContainEqual(expect.objectContaining({ address: `H${head + 1}:M${head + 1}` }));
    expect(model.shortfalls.length).toBe(19);
    expect(model.shortfalls.map((f) => f.row.kind)).toEqual([...Array(5).fill("indicator"), ...Array(11).fill("task"), ...Array(3).fill("milestone")]);
    model.shortfalls.forEach(({ row: r, reason }, k) => {
      const at1 = head + 1 + k;
      const kind = { indicator: "主要指标", task: "任务目标", milestone: "里程碑" }[r.kind];
      expect([r.id, ...line(at1, 0, 2)]).toEqual([r.id, r.id, kind, r.name]);
      expect([r.id, at(at1, 6)!.value, at(at1, 6)!.fill]).toEqual([r.id, STATUS_LABELS[r.status].zh, STATUS_COLORS[r.status].fill]);
      expect([r.id, at(at1, 7)!.value]).toEqual([r.id, reason]);
      if (r.kind !== "milestone") expect([r.id, at(at1, 4)!.value, at(at1, 5)!.value]).toEqual([r.id, r.actual, r.gap]);
    });
    // The demo's notes are its label, the same every year: said once.
    expect(model.shortfalls[0]!.reason).toBe("示例数据（非真实数据）");
    // 四: one numbered line per missed target (all 19 are missed), then the bureau's own rows, yellow.
    expect(model.sections.proposals).toHaveLength(19);
    expect(at(four! + 1, 0)!.value).toBe(`1. ${model.sections.proposals[0]}`);
    expect(model.sections.proposals[0]).toBe("“职业教育双师型教师比例”未实现（2025年 87.41%，目标 90.00%，尚差 2.59 个百分点），建议列入“十五五”规划继续推进。");
    const own = four! + 1 + 19;
    expect(at(own, 0)!.value).toBe("（以下由评估单位填写）");
    expect([1, 2, 3, 4, 5].map((k) => at(own + k, 0)!.fill)).toEqual(Array(5).fill("#FFF2CC"));
    // Then the numbered annexes, each on a page of its own but the contradictions and the data problems.
    const annexes = ["附件1  主要指标完成情况表", "附件2  重点任务目标完成情况表", "附件3  学校建设项目", "附件4  教育经费", "附件5  里程碑任务完成情况", "附件6  义务教育学校资源配置校际均衡历程", "附件7  规划内部不一致之处：按各种口径的结果", "附件8  数据问题"].map(heading);
    expect([...annexes].sort((x, y) => x - y)).toEqual(annexes);
    expect(annexes[0]! > own).toBe(true);
    expect(sheet.breaks).toEqual(expect.arrayContaining([three, ...annexes.slice(0, 6)]));
    expect(sheet.breaks).not.toContain(annexes[6]);
  });

  test("counts by group: the five final verdicts and a bold total, which for the demo is 4 + 14 + 5 = 23", () => {
    const { at, line, rowsWith } = grid(finalLayout(model));
    const head = rowsWith(0, "组别")[0]!;
    expect(line(head, 0, 6)).toEqual(["组别", "提前实现", "已实现", "未实现", "无数据", "数据有误", "合计"]);
    model.groups.forEach((g, k) => {
      const c = g.counts;
      expect(line(head + 1 + k, 0, 6)).toEqual([g.name, c.reachedEarly, c.reached, c.missed, c.noData, c.invalid, Object.values(c).reduce((a, b) => a + b, 0)]);
    });
    const total = head + 1 + model.groups.length;
    expect(line(total, 0, 6)).toEqual(["合计", 4, 14, 5, 0, 0, 23]);
    expect(at(total, 0)!.bold).toBe(true);
    expect(at(total - 1, 0)!.bold).toBeUndefined();
  });

  test("indicators and tasks: the year values in the unit's format, the verdict in its colours, the year first reached, the trend", () => {
    const sheet = finalLayout(model);
    const { at, line, rowsWith } = grid(sheet);
    for (const [title, items, headers] of [
      ["附件1  主要指标完成情况表", model.indicators, ["编号", "组别", "指标", "基期值", "2021", "2022", "2023", "2024", "2025", "目标值", "终期判定", "首次达到", "趋势"]],
      ["附件2  重点任务目标完成情况表", model.tasks, ["编号", "章节", "任务", "基期值", "2021", "2022", "2023", "2024", "2025", "目标", "终期判定", "首次达到", "趋势"]],
    ] as const) {
      const start = rowsWith(0, title)[0]!;
      // An annex of its own on a new page, its header after the title and one line (the verdicts' note; the tasks' count).
      expect(sheet.breaks).toContain(start);
      const head = rowsWith(0, headers[0]).find((r) => r > start)!;
      expect(head - start).toBe(2);
      expect(line(head, 0, 12)).toEqual(headers);
      expect(at(head, 0)!.fill).toBe("#DDEBF7");
      // The layout runs each table on unbroken (pages and repeated headings: paginate, test/core/paginate.test.ts).
      items.forEach((l, k) => {
        const r = head + 1 + k;
        const row = l.row;
        const f = row.unit ? FORMAT[row.unit] : "General";
        // A target printed as text in one percent style: the plan's "94 %" as "94%".
        const target = typeof row.target === "string" ? row.target.replace(/(\d) +%/g, "$1%") : (row.target ?? "");
        expect(line(r, 0, 9)).toEqual([row.id, row.group, row.name, row.baseline ?? "", ...l.values.map((v) => v ?? ""), target]);
        expect([row.id, ...[0, 1, 2].map((c) => at(r, c)!.format)]).toEqual([row.id, "@", "@", "@"]);
        expect([row.id, ...[4, 5, 6, 7, 8].map((c) => at(r, c)!.format)]).toEqual([row.id, f, f, f, f, f]);
        expect([row.id, at(r, 3)!.format, at(r, 9)!.format]).toEqual([row.id, typeof row.baseline === "number" ? f : "@", typeof row.target === "number" ? f : "@"]);
        expect([row.id, at(r, 10)]).toEqual([row.id, { value: statusText(row, "zh"), fill: STATUS_COLORS[row.status].fill, font: STATUS_COLORS[row.status].font, format: undefined, bold: undefined, ...(row.exceeded ? { size: undefined, wrap: true } : {}) }]);
        const reachedNow = isReached(row.status);
        expect([row.id, at(r, 11)!.value, at(r, 11)!.format]).toEqual([row.id, reachedNow ? (row.firstReached ?? "") : "", "0"]);
        expect([row.id, String(at(r, 12)!.value).length, at(r, 12)!.format]).toEqual([row.id, 6, "@"]);
      });
      // Under the tasks, the programme total's note (§9): 58 as printed, 57 by its parts.
      expect(at(head + 1 + items.length, 0)?.value).toBe(title.startsWith("附件2") ? "注：T-BLD-PROJ 规划原文与分项不一致，按分项合计 57 个（见附件3）。" : undefined);
    }
    expect(at(rowsWith(0, "T-PRE-01")[0]!, 9)!.value).toBe("94%");
    // INT-04 by hand: baseline 0.7689, then 0.7782 0.786 0.7938 0.8 0.8 over the range 0.7689–0.8,
    // scaled to 0–7 and rounded: 0, 2.09, 3.85, 5.60, 7, 7 → ▁▃▅▇██.
    const r = rowsWith(0, "INT-04")[0]!;
    expect(at(r, 12)!.value).toBe("▁▃▅▇██");
    // T-ICT-03 (每年1所–2所) with 3 schools in 2025 after 1–2 every year: more than planned, reached (§7a.1).
    const ict = rowsWith(0, "T-ICT-03")[0]!;
    expect([at(ict, 10)!.value, model.tasks.find((l) => l.row.id === "T-ICT-03")!.row.exceeded]).toEqual(["已实现（超额）", true]);
    // A missed row has no year first reached even when an earlier year reached the target (LOC-09).
    const loc = rowsWith(0, "LOC-09").at(-1)!;
    expect([at(loc, 10)!.value, at(loc, 11)!.value]).toEqual(["未实现", ""]);
  });

  test("milestones, equity against the national standard, the contradictions' readings, data problems", () => {
    const sheet = finalLayout(model);
    const { at, line, rowsWith } = grid(sheet);
    // Milestones: not a page of their own.
    const ms = rowsWith(0, "附件5  里程碑任务完成情况")[0]!;
    expect(sheet.breaks).toContain(ms);
    expect(line(ms + 2, 0, 6)).toEqual(["编号", "章节", "里程碑", "计划年度", "进展", "完成年度", "终期判定"]);
    model.milestones.forEach((m, k) => {
      const r = ms + 3 + k;
      expect([m.id, ...line(r, 0, 3), at(r, 5)!.value]).toEqual([m.id, m.id, m.group, m.name, m.deadline, m.firstReached ?? ""]);
      expect([m.id, at(r, 6)!.value, at(r, 6)!.fill]).toEqual([m.id, STATUS_LABELS[m.status].zh, STATUS_COLORS[m.status].fill]);
    });

    // Equity: the national bound printed as ≤0.50 (primary) / ≤0.45 (junior), none for the class-size share;
    // a year above the national bound is marked in that year's cell.
    const eq = rowsWith(0, "附件6  义务教育学校资源配置校际均衡历程")[0]!;
    expect(sheet.breaks).toContain(eq);
    expect(line(eq + 1, 0, 12)).toEqual(["编号", "", "指标", "国家标准", "2021", "2022", "2023", "2024", "2025", "规划目标", "终期判定", "", "趋势"]);
    expect(model.equity.length).toBeGreaterThan(0);
    model.equity.forEach((e, k) => {
      const r = eq + 2 + k;
      const national = e.measure === "classShare" ? "" : e.stage === "primary" ? "≤0.50" : "≤0.45";
      const final = model.indicators.find((l) => l.row.id === e.id)!.row;
      expect(line(r, 0, 9)).toEqual([e.id, "", e.name, national, ...e.values.map((v) => v ?? ""), final.target]);
      const f = e.measure === "classShare" ? "0.00%" : "0.000";
      e.values.forEach((v, y) => {
        const above = e.national !== null && v !== null && v > e.national + 1e-12;
        expect([e.id, y, at(r, 4 + y)!.format, at(r, 4 + y)!.fill]).toEqual([e.id, y, f, above ? STATUS_COLORS.missed.fill : undefined]);
      });
      expect([e.id, at(r, 10)!.value]).toEqual([e.id, STATUS_LABELS[final.status].zh]);
      expect([e.id, String(at(r, 12)!.value).length]).toEqual([e.id, 5]);
    });

    // Contradictions: the statement's row in bold, then each reading with its value, outcome and row.
    const cx = rowsWith(0, "附件7  规划内部不一致之处：按各种口径的结果")[0]!;
    expect(line(cx + 1, 0, 7)).toEqual(["序号", "", "原文口径", "口径数值", "实际结果", "是否达到", "对应编号", undefined]);
    let r = cx + 2;
    for (const [n, c] of model.contradictions.entries()) {
      // Numbered, not by internal code; the statement wrapped across to the right edge.
      expect([line(r, 0, 2), at(r, 0)!.bold, at(r, 2)!.wrap]).toEqual([[`${n + 1}`, undefined, c.summary], true, true]);
      r++;
      for (const x of c.readings) {
        const outcome = x.baseline ? "基期口径" : x.met === null ? "—" : x.met ? "达到" : "未达到";
        expect(line(r, 2, 6)).toEqual([`第${x.line}行：“${x.text}”`, x.value ?? "", x.actual ?? "", outcome, x.ref ?? ""]);
        r++;
      }
    }

    // Data problems: the demo has none.
    const pr = rowsWith(0, "附件8  数据问题")[0]!;
    expect(at(pr + 1, 0)!.value).toBe("数据检查未发现错误。");
    // Funding and building start pages of their own; the funding annex ends with the period's total.
    expect(sheet.breaks).toEqual(expect.arrayContaining([rowsWith(0, "附件4  教育经费")[0], rowsWith(0, "附件3  学校建设项目")[0]]));
    expect(rowsWith(0, model.sections.achievements.find((p) => p.startsWith("规划期（2021—2025年）"))!)[1]! < ms).toBe(true);
    expect(sheet.breaks).not.toContain(cx);
    expect(sheet.breaks).not.toContain(pr);
  });

  test("in English: the same rows with English labels", () => {
    const en = buildFinalReport(PLAN, snapshotFromWorkbook(wb), { language: "en", generatedAt: "2026-11-30 08:40" });
    const sheet = finalLayout(en);
    const { at, line, rowsWith } = grid(sheet);
    expect(sheet.name).toBe("2021-2025 Final evaluation");
    expect(line(1, 0, 1)).toEqual(["Plan", PLAN.names.en]);
    expect(line(3, 0, 1)).toEqual(["Evaluated by", ""]);
    const printed = finalSheet(en);
    expect(printed.print.footer).toBe(`Page &P of ${printed.breaks.length + 1}`);
    for (const t of ["1. How the evaluation was done", "2. Main achievements", "3. Shortfalls and their causes", "4. Next steps (the 15th Five-Year Plan)", "Annex 1  Main indicators: yearly values and final verdicts", "Annex 8  Data problems"]) {
      expect([t, rowsWith(0, t).length]).toEqual([t, 1]);
    }
    expect(line(rowsWith(0, "3. Shortfalls and their causes")[0]! + 2, 0, 7)).toEqual(["ID", "Kind", "Name", "Target", "Target-year value", "Gap", "Final verdict", "Reasons (planners' notes)"]);
    const head = rowsWith(0, "ID").find((r) => r > rowsWith(0, "Annex 1  Main indicators: yearly values and final verdicts")[0]!)!;
    expect(line(head, 0, 12)).toEqual(["ID", "Group", "Indicator", "Baseline", "2021", "2022", "2023", "2024", "2025", "Target", "Final verdict", "First reached", "Trend"]);
    const r = rowsWith(0, "INT-04")[0]!;
    expect(at(r, 10)!.value).toBe(STATUS_LABELS.reachedEarly.en);
    const pr = rowsWith(0, "Annex 8  Data problems")[0]!;
    expect(at(pr + 1, 0)!.value).toBe("The data check found no errors.");
  });
});

/** The demo's final model with a hand-made change: the layout is a pure function of the model. */
function editedFinal(change: (m: FinalModel) => void) {
  const m = structuredClone(model);
  change(m);
  return finalLayout(m);
}

describe("the final evaluation sheet's look and its edges, on the demo's model changed by hand", () => {
  test("no contradictions: annex 7 says so instead of an empty table", () => {
    const { at, rowsWith } = grid(editedFinal((m) => (m.contradictions = [])));
    const r = rowsWith(0, "附件7  规划内部不一致之处：按各种口径的结果")[0]!;
    expect([at(r + 1, 0)!.value, at(r + 1, 0)!.fill]).toEqual(["规划文本未发现内部不一致之处。", undefined]);
  });

  test("trends: gaps and non-numbers as spaces, nothing to draw as an empty string", () => {
    expect(trend([null, null])).toBe("");
    expect(trend([])).toBe("");
    expect(trend([NaN, 1, 3, Infinity, null])).toBe(" ▁█  ");
    expect(trend([2, NaN])).toBe("▄ ");
  });

  test("the title 14 pt bold; section titles 12 pt bold blue; headers bold, filled, wrapped; notes grey; paragraphs wrapped", () => {
    const sheet = finalLayout(model);
    const { at } = grid(sheet);
    const { last } = grid(sheet);
    expect(at(0, 0)).toMatchObject({ bold: true, size: 14 });
    expect([at(last - 1, 0)!.font, at(last, 0)!.font]).toEqual(["#595959", "#595959"]);
    const titles = sheet.blocks.filter((b) => b.size === 12);
    expect(titles.length).toBeGreaterThanOrEqual(9);
    for (const b of titles) expect([b.values[0]![0], b.bold, b.fontColor]).toEqual([b.values[0]![0], true, "#1F4E78"]);
    for (const h of sheet.rowHeights) {
      // Header rows start in column A, or in C for the building tables.
      const head = sheet.blocks.find((b) => b.row === h.row && (b.fill === "#DDEBF7" || b.col === 0)) ?? sheet.blocks.find((b) => b.row === h.row)!;
      // A header row, or a row whose verdict carries a mark on a second line (超额), two lines high.
      const marked = sheet.blocks.some((b) => b.row === h.row && b.wrap && String(b.values[0]![0]).includes("（超额）"));
      // Or a row whose ID is longer than its column, wrapped at its hyphens.
      const longId = head.col === 0 && head.wrap === true && String(head.values[0]![0]).length > 11 && head.fill !== "#DDEBF7";
      // Or a row with a text wrapped rather than cut by the cell beside it (a chapter name in 章节).
      const wrappedText = sheet.blocks.some((b) => b.row === h.row && b.wrap && typeof b.values[0]![0] === "string" && b.fill !== "#DDEBF7");
      if (marked || longId || wrappedText) expect(h.points).toBeGreaterThanOrEqual(32);
      else expect([h.row, head.bold, head.fill, head.wrap]).toEqual([h.row, true, "#DDEBF7", true]);
    }
    // The sections' paragraphs wrap; the verdicts' note over annex 1 is grey.
    const rows = sheet.merges.filter((m) => m.address.startsWith("A")).map((m) => Number(/^A(\d+):/.exec(m.address)![1]) - 1);
    for (const r of rows) expect(at(r, 0)!.wrap).toBe(true);
    const note = rows.filter((r) => at(r, 0)!.font === "#595959");
    expect(note.map((r) => String(at(r, 0)!.value).slice(0, 5))).toEqual(["终期判定："]);
  });

  test("a paragraph's height: the 160 characters of all 13 columns at 95 %", () => {
    const sheet = editedFinal((m) => {
      m.sections.evaluation = ["a".repeat(152), "a".repeat(153)];
    });
    // After the four cover lines.
    expect(sheet.merges.map((m) => m.rowHeight).slice(4, 6)).toEqual([16, 32]);
  });

  test("a row: a text baseline drawn in the trend, a missed row's year first reached left out, a blank target", () => {
    const sheet = editedFinal((m) => {
      const l = m.indicators[0]!;
      l.row = { ...l.row, id: "X-1", baseline: "90%", target: null, status: "missed", firstReached: 2022, unit: "percent" };
      l.values = [0.9, 0.92, 1, null, 1];
    });
    const { at, line, rowsWith } = grid(sheet);
    const r = rowsWith(0, "X-1")[0]!;
    expect([at(r, 3)!.value, at(r, 3)!.format, at(r, 9)!.value, at(r, 9)!.format]).toEqual(["90%", "@", "", "@"]);
    expect(line(r, 4, 8)).toEqual([0.9, 0.92, 1, "", 1]);
    // 0.90 (the baseline read from its text), then the five years over 0.90–1: 0, 0, 1.4 → 1, 7, gap, 7.
    expect(line(r, 10, 12)).toEqual(["未实现", "", "▁▁▂█ █"]);
  });

  test("三's reasons are the planners' notes: one note as written, notes of several years each with its year", () => {
    const withNotes = (notes: Record<number, string>) => {
      const snapshot = structuredClone(snapshotFromWorkbook(wb));
      const t = snapshot.tables.indicators!;
      const r = t.values.findIndex((v) => v[t.headers.indexOf(IH.id)] === "LOC-07");
      for (const y of YEARS) {
        const c = t.headers.indexOf(noteHeader(y));
        t.values[r]![c] = notes[y] ?? "";
        t.formulas[r]![c] = notes[y] ?? "";
      }
      return buildFinalReport(PLAN, snapshot, { language: "zh", generatedAt: "2026-11-30 08:40" }).shortfalls.find((f) => f.row.id === "LOC-07")!.reason;
    };
    expect(withNotes({ 2024: "生源减少", 2025: "教师调出" })).toBe("2024年：生源减少；2025年：教师调出");
    expect(withNotes({ 2025: "教师调出" })).toBe("教师调出");
    expect(withNotes({ 2023: "同上", 2025: "同上" })).toBe("同上");
    expect(withNotes({})).toBe("");
  });

  test("属性: a column after the trend only where the plan definition gives one, the attribute in the row's language", () => {
    const sheet = editedFinal((m) => {
      m.attributes = true;
      m.indicators[0]!.attribute = "binding";
      m.tasks[0]!.attribute = "expected";
    });
    const { at, line, rowsWith } = grid(sheet);
    expect(sheet.widths).toHaveLength(14);
    const annex1 = rowsWith(0, "附件1  主要指标完成情况表")[0]!;
    const head = rowsWith(0, "编号").find((r) => r > annex1)!;
    expect(line(head, 12, 13)).toEqual(["趋势", "属性"]);
    expect(at(head + 1, 13)!.value).toBe("约束性");
    expect(at(head + 2, 13)).toBeUndefined();
    const annex2 = rowsWith(0, "附件2  重点任务目标完成情况表")[0]!;
    expect(at(rowsWith(0, model.tasks[0]!.row.id).find((r) => r > annex2)!, 13)!.value).toBe("预期性");
    // Without any: thirteen columns, no 属性 header (the demo's plan gives none).
    expect(model.attributes).toBe(false);
    expect(grid(finalLayout(model)).rowsWith(13, "属性")).toEqual([]);
  });

  test("milestones: the state in words or the text as written, formats per column", () => {
    const sheet = editedFinal((m) => {
      const base = m.milestones[0]!;
      m.milestones = [
        { ...base, id: "M-1", target: "已完成", firstReached: 2023 },
        { ...base, id: "M-2", target: "另行安排", firstReached: null },
        { ...base, id: "M-3", target: null, firstReached: null },
      ];
    });
    const { at, line, rowsWith } = grid(sheet);
    const rows = ["M-1", "M-2", "M-3"].map((id) => rowsWith(0, id)[0]!);
    expect(rows.map((r) => line(r, 4, 5))).toEqual([["已完成", 2023], ["另行安排", ""], ["", ""]]);
    expect([0, 1, 2, 3, 4, 5].map((c) => at(rows[0]!, c)!.format)).toEqual(["@", "@", "@", "0", "@", "0"]);
  });

  test("equity: none, a path without a final row, a year above the national standard marked, formats", () => {
    const none = grid(editedFinal((m) => (m.equity = [])));
    expect(none.rowsWith(0, "附件6  义务教育学校资源配置校际均衡历程")).toEqual([]);
    // The annexes after it keep their numbers in order: contradictions 6, data problems 7.
    expect([none.rowsWith(0, "附件6  规划内部不一致之处：按各种口径的结果").length, none.rowsWith(0, "附件7  数据问题").length]).toEqual([1, 1]);
    const sheet = editedFinal((m) => {
      const e = m.equity.find((x) => x.measure === "maxCoefficient" && x.stage === "primary")!;
      m.equity = [
        { ...e, id: "E-1", values: [0.6, 0.5, 0.5000001, null, 0.3], target: "＜0.40" },
        { ...e, id: "E-2", measure: "classShare", national: null, values: [0.9, null, null, null, 0.95], target: "≥95%" },
      ];
    });
    const { at, line, rowsWith } = grid(sheet);
    const [r1, r2] = ["E-1", "E-2"].map((id) => rowsWith(0, id)[0]!);
    expect(line(r1!, 0, 9)).toEqual(["E-1", "", model.equity.find((x) => x.measure === "maxCoefficient" && x.stage === "primary")!.name, "≤0.50", 0.6, 0.5, 0.5000001, "", 0.3, "＜0.40"]);
    expect([0, 1, 2, 3, 9].map((c) => at(r1!, c)!.format)).toEqual(["@", "@", "@", "@", "@"]);
    // Above 0.50 in 2021 and by a hair in 2023: marked; at 0.50 exactly and the blank year: not.
    expect([4, 5, 6, 7, 8].map((c) => at(r1!, c)!.fill)).toEqual([STATUS_COLORS.missed.fill, undefined, STATUS_COLORS.missed.fill, undefined, undefined]);
    expect([4, 6].map((c) => [at(r1!, c)!.font, at(r1!, c)!.format])).toEqual([[STATUS_COLORS.missed.font, "0.000"], [STATUS_COLORS.missed.font, "0.000"]]);
    // No final row for these ids: no verdict, the trend still drawn.
    expect([at(r1!, 10), at(r1!, 12)!.value]).toEqual([undefined, trend([0.6, 0.5, 0.5000001, null, 0.3])]);
    // The class-size share: no national bound, percentages, nothing marked.
    expect([at(r2!, 3)!.value, at(r2!, 4)!.format, at(r2!, 4)!.fill, at(r2!, 9)!.value]).toEqual(["", "0.00%", undefined, "≥95%"]);
    // A number as target takes the value's format.
    const numeric = grid(editedFinal((m) => (m.equity = [{ ...m.equity.find((x) => x.measure === "maxCoefficient")!, id: "E-3", target: 0.4 as unknown as string }])));
    expect(numeric.at(numeric.rowsWith(0, "E-3")[0]!, 9)!.format).toBe("0.000");
  });

  test("the contradictions' readings in their unit's format; data problems listed under their header", () => {
    const sheet = editedFinal((m) => {
      m.contradictions = [
        {
          id: "C-X",
          summary: "甲",
          readings: [{ text: "乙", line: 12, value: 0.95, ref: "INT-01", actual: 0.96, unit: "percent", baseline: false, met: true }],
        },
      ];
      m.annual.problems = [
        { sheet: "PM_Indicators", address: "H5", key: "INT-01", message: "甲" },
        { sheet: "PM_Schools", address: "C9", key: "学校", message: "乙" },
      ];
    });
    const { at, line, rowsWith } = grid(sheet);
    const r = rowsWith(2, "甲").find((x) => x > rowsWith(0, "附件7  规划内部不一致之处：按各种口径的结果")[0]!)! + 1;
    expect(line(r, 2, 6)).toEqual(["第12行：“乙”", 0.95, 0.96, "达到", "INT-01"]);
    expect([2, 3, 4, 5, 6].map((c) => at(r, c)!.format)).toEqual(["@", "0.00%", "0.00%", "@", "@"]);
    const pr = rowsWith(0, "附件8  数据问题")[0]!;
    expect(line(pr + 1, 0, 3)).toEqual(["工作表", "单元格", "编号", "问题及处理"]);
    expect(at(pr + 1, 0)).toMatchObject({ bold: true, fill: "#DDEBF7" });
    expect(line(pr + 2, 0, 3)).toEqual(["PM_Indicators", "H5", "INT-01", "甲"]);
    expect(line(pr + 3, 0, 3)).toEqual(["PM_Schools", "C9", "学校", "乙"]);
    expect([0, 1, 2].map((c) => at(pr + 3, c)!.format)).toEqual(["@", "@", "@"]);
    // Then only the grey lines of how the sheet came about, outside the print area.
    expect(at(pr + 4, 0)).toBeUndefined();
    expect(sheet.print.printArea).toBe(`A1:M${pr + 4}`);
    // A reading without a unit is printed as it is.
    const plain = grid(editedFinal((m) => (m.contradictions = [{ id: "C-Y", summary: "", readings: [{ text: "丙", line: 3, value: 58, ref: null, actual: null, unit: null, baseline: true, met: null }] }])));
    const p = plain.rowsWith(0, "1").find((x) => x > plain.rowsWith(0, "附件7  规划内部不一致之处：按各种口径的结果")[0]!)! + 1;
    expect([plain.line(p, 3, 6), plain.at(p, 3)!.format]).toEqual([[58, "", "基期口径", ""], "General"]);
  });
});

describe("the final model's own readings", () => {
  test("every contradiction read against the figures: a row's own target by its verdict, a baseline not at all, another definition not compared", () => {
    const read = Object.fromEntries(model.contradictions.map((c) => [c.id, c.readings.map((r) => [r.value, r.ref, r.actual, r.baseline, r.met])]));
    expect(read).toEqual({
      // 体质健康优良率: the table's 48% (LOC-09) and the text's 50% (T-STU-01), 42.44% in 2025: neither met.
      "C-FITNESS": [
        [0.48, "LOC-09", 0.4244, false, false],
        [0.5, "T-STU-01", 0.4244, false, false],
      ],
      // 双师型: 90% (LOC-07) not met at 87.41%; the text's 78% (T-VOC-02, the same figure) met.
      "C-DUAL-TEACHER": [
        [0.9, "LOC-07", 0.8741, false, false],
        [0.78, "T-VOC-02", 0.8741, false, true],
      ],
      // 58 projects printed as the total, 57 as the sum of the parts; the ledger has 57.
      "C-BUILD-PROJECTS": [
        [58, model.contradictions.find((c) => c.id === "C-BUILD-PROJECTS")!.readings[0]!.ref, 57, false, false],
        [57, model.contradictions.find((c) => c.id === "C-BUILD-PROJECTS")!.readings[1]!.ref, 57, false, true],
      ],
      // 17.9% is LOC-08's baseline and 28% T-TEA-06's (chapter 1, §7a.5): nothing to reach in either.
      "C-TALENT-LADDER": [
        [0.179, null, null, true, null],
        [0.28, null, null, true, null],
      ],
      // A sentence without a figure; 80% and 90% are LOC-03's targets, met; 90.6% (LOC-12) not met at 86.86%.
      "C-QUALITY-DISTRICT-TIMING": [
        [null, null, null, false, null],
        [0.8, "LOC-03-PRI", 0.8, false, true],
        [0.9, "LOC-03-JUN", 0.9, false, true],
        [0.906, "LOC-12", 0.8686, false, false],
      ],
      "C-LABOUR-AGE-WORDING": [
        [null, null, null, false, null],
        [12, "INT-06", 12, false, true],
      ],
      // 96.94% and 98.2% are LOC-05's baselines; the text's sentence has no figure.
      "C-DEGREE-TARGETS": [
        [0.9694, null, null, true, null],
        [0.982, null, null, true, null],
        [null, null, null, false, null],
      ],
      "C-POSTGRAD-WORDING": [
        [null, null, null, false, null],
        [null, null, null, false, null],
      ],
      // 50 studios is no row's target; T-TEA-07's 30 is not met at 25.
      "C-STUDIOS-COUNT": [
        [50, null, null, false, null],
        [30, "T-TEA-07", 25, false, false],
      ],
    });
    expect(model.contradictions.find((c) => c.id === "C-BUILD-PROJECTS")!.readings.map((r) => r.ref)).toEqual(Array(2).fill(PLAN.contradictions.find((c) => c.id === "C-BUILD-PROJECTS")!.refs[0]));
    // Units follow the row read: a share in percent; the studios of T-TEA-07 (个) a count, the body
    // text's 50 (no row of its own) without a unit.
    expect(model.contradictions.find((c) => c.id === "C-FITNESS")!.readings.map((r) => r.unit)).toEqual(["percent", "percent"]);
    expect(model.contradictions.find((c) => c.id === "C-STUDIOS-COUNT")!.readings.map((r) => r.unit)).toEqual([null, "count"]);
  });

  test("a task's year first reached starts the unbroken run of years its own assessments said reached (§7a.3)", () => {
    // Cumulative and latest tasks are judged on what they had achieved by each year: only the years'
    // own verdicts know when a target was met, and the run that counts is the one that lasts to 2025.
    // Duties every year are held, not reached early: no first year (§7a.2).
    const snapshot = snapshotFromWorkbook(wb);
    const byYear = YEARS.map((y) => assessYear(PLAN, snapshot, y));
    for (const l of model.tasks) {
      const statuses = YEARS.map((_, k) => byYear[k]!.tasks.find((t) => t.id === l.row.id)!.status);
      let first: number | null = null;
      for (let k = YEARS.length - 1; k >= 0 && isReached(statuses[k]!); k--) first = YEARS[k]!;
      const hold = l.row.basis === "eachYear";
      const reachedNow = isReached(l.row.status);
      const expected = reachedNow && !hold ? first : null;
      const status = !reachedNow || hold ? l.row.status : first! < l.row.deadline ? "reachedEarly" : "reached";
      expect([l.row.id, l.row.firstReached, l.row.status]).toEqual([l.row.id, expected, status]);
    }
    // The demo has such tasks: reached before 2025 by what they had achieved.
    expect(model.tasks.filter((l) => l.row.status === "reachedEarly" && l.row.firstReached! < 2025).length).toBeGreaterThan(0);
  });

  test("counts per group and the equity paths come from the rows themselves", () => {
    const byGroup = new Map<string, string[]>();
    for (const l of model.indicators) byGroup.set(l.row.group, [...(byGroup.get(l.row.group) ?? []), l.row.status]);
    expect(model.groups.map((g) => g.name)).toEqual([...byGroup.keys()]);
    for (const g of model.groups) {
      const statuses = byGroup.get(g.name)!;
      for (const [s, n] of Object.entries(g.counts)) expect([g.name, s, n]).toEqual([g.name, s, statuses.filter((x) => x === s).length]);
    }
    // Each equity path is its own indicator's values, read from the demo's table.
    const table = snapshotFromWorkbook(wb).tables.indicators!;
    const col = (h: string) => table.headers.indexOf(h);
    expect(model.equity.map((e) => e.id)).toEqual(PLAN.indicators.filter((i) => i.computed).map((i) => i.id));
    for (const e of model.equity) {
      const row = table.values.find((r) => r[col(IH.id)] === e.id)!;
      expect([e.id, e.values]).toEqual([e.id, YEARS.map((y) => row[col(yearHeader(y))])]);
    }
  });

  test("a year whose cell the data check rejects is no value of the period; a row whose target it rejects shows none", () => {
    const snapshot = snapshotFromWorkbook(wb);
    const t = snapshot.tables.indicators!;
    const col = (h: string) => t.headers.indexOf(h);
    const row = (id: string) => t.values.find((r) => r[col(IH.id)] === id)!;
    row("INT-04")[col(yearHeader(2022))] = "77..82";
    // INT-06's values are fine, its target unreadable: every year 数据有误, no figure shown as judged.
    const int06 = row("INT-06").slice();
    row("INT-06")[col(IH.target)] = "≥9x";
    const m = buildFinalReport(PLAN, snapshot, { language: "zh", generatedAt: "2026-11-30 08:40" });
    expect(m.indicators.find((l) => l.row.id === "INT-04")!.values).toEqual([0.7782, null, 0.7938, 0.8, 0.8]);
    expect(m.annual.problems.filter((p) => p.key === "INT-04").map((p) => p.address)).toHaveLength(1);
    const line = m.indicators.find((l) => l.row.id === "INT-06")!;
    expect(YEARS.map((y) => typeof int06[col(yearHeader(y))])).toEqual(Array(5).fill("number"));
    expect([line.row.status, line.values]).toEqual(["invalid", [null, null, null, null, null]]);
  });
});
