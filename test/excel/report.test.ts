import { excelPort } from "../../src/excel/port";
import { FakeContext, FakeWorkbookData, installExcelEnums } from "./fake-excel";
import { insertTemplate, recordSchoolResults } from "../../src/usecases/workbook";
import { generateReport } from "../../src/usecases/report";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { demoIndicatorValue, demoOps, demoSchools } from "../../src/core/demo";
import { applyOps } from "../../src/excel/apply";
import { readSnapshot } from "../../src/excel/snapshot";
import type { ReportModel } from "../../src/core/report/model";
import { BALANCE_STANDARDS } from "../../src/core/calc/balance";
import { TABLES } from "../../src/core/workbook/layout";
import { STATUS_LABELS as statusLabels } from "../../src/core/calc/status";

beforeAll(installExcelEnums);
const PLAN = embeddedPlan();
const NOW = new Date(2026, 10, 30, 8, 40);

/** The demo's steps without its report: template, data, the schools' results recorded for 2023. */
async function demoWorkbook() {
  const data = new FakeWorkbookData();
  let ctx = new FakeContext(data);
  await insertTemplate(excelPort(ctx.excel), { language: "zh", onConflict: "ask", year: 2023 });
  ctx = new FakeContext(data);
  await applyOps(ctx.excel, demoOps(PLAN, await readSnapshot(ctx.excel)));
  expect(await recordSchoolResults(excelPort(new FakeContext(data).excel))).toMatchObject({ kind: "written", year: 2023 });
  return data;
}

/** The report sheet's cells as a 2D array of what was written. */
function grid(data: FakeWorkbookData, sheet: string): unknown[][] {
  const s = data.sheet(sheet)!;
  const out: unknown[][] = [];
  for (const [key, cell] of s.cells) {
    const [c, r] = key.split(",").map(Number) as [number, number];
    (out[r] ??= [])[c] = cell.formula;
  }
  return out;
}

const rowOf = (g: unknown[][], first: unknown) => g.find((r) => r?.[0] === first)!;
/** The row holding `label` in column C, from that column on. */
const rowAt = (g: unknown[][], label: unknown) => g.find((r) => r?.[2] === label)!.slice(2);
const snapshotOfInputs = (data: FakeWorkbookData, except: string) =>
  JSON.stringify(data.sheets.filter((s) => s.name !== except).map((s) => [s.name, [...s.cells.entries()], s.validations, s.conditionalFormats]));

describe("annual report sheet (Office.js writer, against the Excel double)", () => {
  let data: FakeWorkbookData;
  let g: unknown[][];
  let syncs: number;
  const SHEET = "2023年度监测报告";

  beforeAll(async () => {
    data = await demoWorkbook();
    const ctx = new FakeContext(data);
    // The demo holds 2021–2025; the mid-term year is asked for (the default, the latest year with data, is 2025).
    const outcome = await generateReport(excelPort(ctx.excel), { language: "zh", now: NOW, year: 2023 });
    expect(outcome).toMatchObject({ kind: "written", sheet: SHEET, year: 2023 });
    syncs = ctx.syncCount;
    g = grid(data, SHEET);
    if (outcome.kind === "written") model = outcome.model;
  });
  let model: ReportModel;

  test("three round trips, whatever the size", () => expect(syncs).toBe(3));

  test("header: plan, year, kind of evaluation, completeness; the time and template version last, below the print area", () => {
    expect(g[0]![0]).toBe("常州市武进区“十四五”教育发展规划 2023年度规划实施监测报告（中期评估）");
    expect(g[1]![0]).toBe("监测年度：2023年\u3000数据完整度：23 项指标中 23 项有有效数据，0 项无数据");
    const tool = g.findIndex((r) => r?.[0] === `生成时间：2026-11-30 08:40\u3000模板版本：${PLAN.version}`);
    expect(tool).toBeGreaterThan(100);
    expect(g[tool + 1]![0]).toBe("本表为数值快照，不含公式，可在未安装加载项的电脑上打开和打印。");
  });

  test("every indicator row prints the model's row: values, path, completion, time, gap, status, note", () => {
    PLAN.indicators.forEach((ind, i) => {
      const row = rowOf(g, ind.id);
      const line = model.indicators.find((l) => l.id === ind.id)!;
      // Computed indicators were recorded from the demo schools (checked in the school section below).
      if (!ind.computed) expect(line.actual).toBe(demoIndicatorValue(PLAN, i, 2023));
      // Gaps are plain numbers with the unit in words: percentage points for shares (issue 13).
      const gap = line.gap === null ? "" : ind.unit === "percent" ? Number((line.gap * 100).toPrecision(12)) : line.gap;
      expect([ind.id, row[6], row[7], row[8], row[9], row[10], row[11]]).toEqual([
        ind.id,
        line.actual,
        line.expected ?? "",
        line.completion ?? "",
        0.6,
        gap,
        statusLabels[line.status].zh,
      ]);
      expect(row[12]).toBe("示例数据（非真实数据）");
    });
  });

  test("summary counts match the indicator rows", () => {
    const statuses = PLAN.indicators.map((ind) => rowOf(g, ind.id)[11]);
    const total = rowOf(g, "合计");
    const order = ["提前实现", "已实现", "符合预期", "滞后", "倒退", "未实现", "无数据", "数据有误"];
    expect(total.slice(1, 9)).toEqual(order.map((label) => statuses.filter((s) => s === label).length));
    expect(total[9]).toBe(23);
  });

  test("the misses section lists invalid data, regressing, missed, then behind", () => {
    const title = g.findIndex((r) => r?.[0] === "三、需关注的指标和任务（数据有误、倒退、未实现、滞后，最严重的在前）");
    const end = g.findIndex((r, i) => i > title && typeof r?.[0] === "string" && (r[0] as string).startsWith("四、"));
    const rows = g.slice(title + 2, end).filter((r) => typeof r?.[0] === "string" && /^(INT|LOC|T)-/.test(r[0] as string));
    const missStatuses = rows.map((r) => r[1]).filter(Boolean);
    const rank = { 数据有误: 0, 倒退: 1, 未实现: 2, 滞后: 3 } as Record<string, number>;
    expect(missStatuses.length).toBeGreaterThan(3);
    expect([...missStatuses].sort((a, b) => rank[a as string]! - rank[b as string]!)).toEqual(missStatuses);
  });

  test("school section: each CV equals an independent weighted computation; failing schools are named", () => {
    const schools = demoSchools().filter((s) => s[1] === "小学");
    const weighted = (k: number, scale: number) => {
      const xs = schools.map((s) => ((s[5 + k] as number) / (s[2] as number)) * scale);
      const ws = schools.map((s) => s[2] as number);
      const P = ws.reduce((a, b) => a + b, 0);
      const mean = xs.reduce((a, x, i) => a + x * ws[i]!, 0) / P;
      const variance = xs.reduce((a, x, i) => a + ws[i]! * (x - mean) ** 2, 0) / P;
      return Math.sqrt(variance) / mean;
    };
    expect(rowAt(g, "每百名学生拥有高于规定学历教师数")[2]).toBeCloseTo(weighted(0, 100), 12);
    expect(rowAt(g, "生均教学仪器设备值（元）")[2]).toBeCloseTo(weighted(5, 1), 12);
    // 示例小学庚 is built to miss two standards (degree teachers and teaching area).
    const failing = rowAt(g, "示例小学庚");
    expect(failing[2]).toBe(5);
    expect(failing[3]).toContain("每百名学生拥有高于规定学历教师数");
    expect(BALANCE_STANDARDS.primary.length).toBe(7);
  });

  test("contradictions and task targets are reported", () => {
    // Numbered in the plan's order, not by their internal codes.
    const n = PLAN.contradictions.findIndex((c) => c.id === "C-BUILD-PROJECTS") + 1;
    const contradictions = g.findIndex((r) => r?.[0] === "五、规划内部不一致之处");
    expect(g[contradictions + n]![0]).toBe(`${n}`);
    expect(g[contradictions + n]![2]).toContain("57");
    const taskRow = g.filter((r) => r?.[0] === "T-BLD-PROJ").at(-1)!; // the task table comes after the misses
    expect(taskRow[6]).toBe("58个");
  });

  test("gap cells carry no ratio or percent format: shares in percentage points, ratios as plain numbers", () => {
    const s = data.sheet(SHEET)!;
    const fmt = (id: string) => {
      const r = g.findIndex((x) => x?.[0] === id);
      return s.cells.get(`10,${r}`)!.numberFormat;
    };
    expect(fmt("LOC-01")).toBe('0.00" 个百分点"');
    expect(fmt("INT-05-PRI")).toBe("0.00");
    expect(rowOf(g, "LOC-01")[10]).toBe(0.3); // 0.94 − 0.937 = 0.003, i.e. 0.3 points
  });

  test("values only: nothing that Excel would evaluate as a formula", () => {
    for (const row of g) for (const cell of row ?? []) if (typeof cell === "string") expect(cell.startsWith("=")).toBe(false);
  });

  test("completion as a picture: data bars in the cells and a native chart", () => {
    const s = data.sheet(SHEET)!;
    const bars = s.conditionalFormats.filter((c) => c.type === "DataBar");
    expect(bars.length).toBeGreaterThanOrEqual(2);
    expect(bars[0]!.dataBar).toEqual({ lower: { type: "Number", formula: "0" }, upper: { type: "Number", formula: "1" }, color: "#5B9BD5", gradient: false });
    // The IDs at the plot's left edge: LOC-09's and LOC-11's negative bars would cover them at zero.
    expect(s.charts).toEqual([expect.objectContaining({ type: "BarClustered", seriesBy: "Columns", title: "完成率与时间进度", categoryLabels: "Low" })]);
    expect(s.charts[0]!.source.cols).toBe(3);
    // Header + the 19 indicators that have a completion: not the 2 maintain targets nor the 2 bound baselines.
    expect(s.charts[0]!.source.rows).toBe(20);
  });

  test("print-ready: A4 landscape, one page wide, header, footer, repeated title rows, no gridlines, the chart's data left out", () => {
    const last = Math.max(...[...data.sheet(SHEET)!.cells.keys()].filter((k) => Number(k.split(",")[0]) <= 12).map((k) => Number(k.split(",")[1]))) + 1;
    expect(data.sheet(SHEET)!.pageLayout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      titleRows: "$1:$2",
      header: "常州市武进区“十四五”教育发展规划",
      // Numbered within the report (page 1 is its first), the total its own pages: one more than its breaks.
      firstPageNumber: 1,
      footer: `第 &P 页，共 ${data.sheet(SHEET)!.pageBreaks!.length + 1} 页`,
      // Up to the content: the two grey lines of how the sheet came about stand below it, after a blank row.
      printArea: `A1:M${last - 3}`,
    });
    expect(data.sheet(SHEET)!.showGridlines).toBe(false);
    // The chart's helper data (column O on) is outside the printed area.
    expect([...data.sheet(SHEET)!.cells.keys()].some((k) => Number(k.split(",")[0]) >= 14)).toBe(true);
  });

  test("template sheets keep their header row and ID column in view, and print A4 landscape at 85 % with the header row and the ID to name columns on every page", () => {
    expect(data.sheet("规划指标")!.frozen).toBe("B6");
    expect(data.sheet("任务目标")!.frozen).toBe("B4");
    // Legible (11 pt at 85 %) over as many pages as the columns need, not shrunk to one page wide.
    expect(data.sheet("规划指标")!.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4", zoom: { scale: 85 }, titleRows: "$5:$5", titleColumns: "$A:$C", firstPageNumber: 1 });
    expect(data.sheet("任务目标")!.pageLayout).toMatchObject({ titleRows: "$3:$3", titleColumns: "$A:$C" });
    // The school's name is its key: the one column repeated. The page within the sheet only.
    expect(data.sheet("学校数据")!.pageLayout).toMatchObject({ titleRows: "$3:$3", titleColumns: "$A:$A", footer: "第 &P 页" });
    // Headers of number columns stand over their numbers; text columns' headers stay left.
    const header = (h: string) => data.at("规划指标", data.addressOf(TABLES.indicators, "INT-01", h).replace(/\d+$/, "5"));
    expect(header("2023")!.align).toBe("Right");
    expect(header("基期值 Baseline")!.align).toBe("Right");
    expect(header("指标 Indicator")!.align).toBeUndefined();
  });

  test("regenerating asks first, then replaces only the report; input sheets never change", async () => {
    const before = snapshotOfInputs(data, SHEET);
    let ctx = new FakeContext(data);
    const asked = await generateReport(excelPort(ctx.excel), { language: "zh", now: NOW, year: 2023 });
    expect(asked).toMatchObject({ kind: "confirm", sheet: SHEET, message: { zh: expect.stringContaining("已存在") } });
    expect(ctx.syncCount).toBe(2);
    ctx = new FakeContext(data);
    expect(await generateReport(excelPort(ctx.excel), { language: "zh", now: NOW, year: 2023, replace: true })).toMatchObject({ kind: "written" });
    expect(snapshotOfInputs(data, SHEET)).toBe(before);
    expect(data.sheets.filter((s) => s.name === SHEET).length).toBe(1);
    expect(grid(data, SHEET)).toEqual(g);
  });

  test("other years get their own sheet", async () => {
    const ctx = new FakeContext(data);
    expect(await generateReport(excelPort(ctx.excel), { language: "zh", year: 2021, now: NOW })).toMatchObject({ kind: "written", sheet: "2021年度监测报告" });
    // （中期评估） only in the mid-term year 2023 (issue 9): 2021 is a plain annual report.
    expect(grid(data, "2021年度监测报告")[0]![0]).toBe("常州市武进区“十四五”教育发展规划 2021年度规划实施监测报告");
  });
});

describe("a formula a planner types into an input cell is read as what it shows", () => {
  let model: ReportModel;
  // The primary CVs of the demo schools, weighted by enrolment, worked out apart from the product.
  const schools = demoSchools().filter((s) => s[1] === "小学");
  const cv = (k: number) => {
    const scale = [100, 100, 100, 1, 1, 1, 100][k]!;
    const xs = schools.map((s) => ((s[5 + k] as number) / (s[2] as number)) * scale);
    const ws = schools.map((s) => s[2] as number);
    const P = ws.reduce((a, b) => a + b, 0);
    const mean = xs.reduce((a, x, i) => a + x * ws[i]!, 0) / P;
    return Math.sqrt(xs.reduce((a, x, i) => a + ws[i]! * (x - mean) ** 2, 0) / P) / mean;
  };

  beforeAll(async () => {
    const data = await demoWorkbook();
    // As the template's note suggests: the largest primary CV straight from the balance sheet, and a sum.
    data.type("规划指标", data.addressOf(TABLES.indicators, "LOC-04-PRI", "2024"), "=PM_CV_Max_Primary");
    data.type("规划指标", data.addressOf(TABLES.indicators, "INT-05-PRI", "2024"), "=19+0.3");
    const outcome = await generateReport(excelPort(new FakeContext(data).excel), { language: "zh", now: NOW, year: 2024 });
    if (outcome.kind !== "written") throw new Error(outcome.kind);
    model = outcome.model;
  });

  test("the value it computes is judged, not the formula's text and not a blank", () => {
    const row = (id: string) => model.indicators.find((r) => r.id === id)!;
    expect(row("LOC-04-PRI").actual).toBeCloseTo(Math.max(...[0, 1, 2, 3, 4, 5, 6].map(cv)), 12);
    expect(row("INT-05-PRI").actual).toBeCloseTo(19.3, 12);
    expect([row("LOC-04-PRI").status, row("INT-05-PRI").status]).not.toContain("invalid");
    expect(model.problems).toEqual([]);
  });
});
