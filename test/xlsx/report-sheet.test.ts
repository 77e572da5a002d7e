/**
 * The annual report sheet, every column of every section, against the report model it is drawn from
 * (issue 16): the model's figures (tested in test/core) must land in the columns the headers name, in
 * the unit's number format, with the verdict's colours, on the pages the layout promises. The demo
 * workbook of 2023 (the mid-term year) is the input, once as built and once with a planner's mistakes
 * (a misread value, a recorded coefficient that the schools data contradicts) to fill the sections a
 * clean workbook leaves empty.
 */
import ExcelJS from "exceljs";
import { buildDemo } from "../../src/usecases/demo";
import { xlsxPort } from "../../src/xlsx/port";
import { snapshotFromWorkbook } from "../../src/xlsx/snapshot";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { buildReport, type ReportModel } from "../../src/core/report/model";
import { reportLayout, reportSheet, type ReportSheet } from "../../src/core/report/sheet";
import { reportOps } from "../../src/core/report/ops";
import { STANDARD_LABELS, STATUS_COLORS, STATUS_LABELS, isReached, type Status } from "../../src/core/calc/status";
import { planCoefficientStatus } from "../../src/core/workbook/schools";
import { distinguishingFormat, shownExpected } from "../../src/core/report/sheet";
import { FUNDING_COLORS, FUNDING_LABELS } from "../../src/core/calc/funding";
import { BASIS_LABELS } from "../../src/core/calc/achieved";
import { SCHOOL_STAGE_LABELS } from "../../src/core/calc/projects";
import { IH, yearHeader } from "../../src/core/workbook/layout";
import type { WorkbookSnapshot } from "../../src/core/workbook/model";
import { installExcelEnums } from "../excel/fake-excel";
import { grid, units } from "./sheet-grid";

const PLAN = embeddedPlan();
// A–M: the report proper; N a gap; O–Q the chart's data.
const WIDTHS = [12, 15, 28, 6, 9, 9, 9, 9, 9, 9, 15, 9, 18, 2, 12, 10, 10];
const FORMAT: Record<string, string> = { percent: "0.00%", ratio: '0.00":1"', years: "0.00", coefficient: "0.000", count: "#,##0", persons: "#,##0" };
let demo: WorkbookSnapshot;

beforeAll(async () => {
  installExcelEnums();
  const wb = new ExcelJS.Workbook();
  await buildDemo(xlsxPort(wb), new Date(2026, 10, 30, 8, 40));
  demo = snapshotFromWorkbook(wb);
}, 120_000);

const report = (snapshot: WorkbookSnapshot, language: "zh" | "en" = "zh", year = 2023): ReportModel => buildReport(PLAN, snapshot, year, { language, generatedAt: "2026-11-30 08:40" });

/** The demo with a planner's mistakes: INT-01's 2023 value typed as text, a recorded coefficient changed. */
function withMistakes(): { snapshot: WorkbookSnapshot; recordedId: string } {
  const snapshot: WorkbookSnapshot = structuredClone(demo);
  const t = snapshot.tables.indicators!;
  const col = (h: string) => t.headers.indexOf(h);
  const int01 = t.values.find((r) => r[col(IH.id)] === "INT-01")!;
  int01[col(yearHeader(2023))] = "98..5";
  // A computed indicator the demo recorded for 2023 from its schools: record 0.999 instead.
  const computed = PLAN.indicators.find((i) => i.computed?.measure === "maxCoefficient")!;
  const row = t.values.find((r) => r[col(IH.id)] === computed.id)!;
  row[col(yearHeader(2023))] = 0.999;
  return { snapshot, recordedId: computed.id };
}

/**
 * The wrapped header height at least: as many 16-point lines as its longest cell's units need in its
 * column. The line-breaking rules (a bracket kept with its text) can add a line: lineCount's own tests.
 */
const headerPoints = (cells: readonly unknown[], col = 0) => Math.max(1, ...cells.map((c, i) => Math.ceil(units(String(c ?? "")) / Math.max(1, (WIDTHS[col + i] ?? 10) - 1)))) * 16;

describe("the annual report sheet, every column of every section", () => {
  test("title rows, widths, the overview's merged paragraphs, print settings", () => {
    const model = report(demo);
    const sheet = reportLayout(model);
    const { at, last } = grid(sheet);
    expect(sheet.name).toBe("2023年度监测报告");
    expect(at(0, 0)).toMatchObject({ value: "常州市武进区“十四五”教育发展规划 2023年度规划实施监测报告（中期评估）", bold: true });
    const c = model.completeness;
    expect(at(1, 0)!.value).toBe(`监测年度：2023年\u3000数据完整度：${c.total} 项指标中 ${c.withValue} 项有有效数据，${c.total - c.withValue} 项无数据`);
    expect(at(2, 0)).toBeUndefined();
    // How the sheet came about: the last two lines, grey, below the print area (they do not print).
    expect([at(last - 1, 0), at(last, 0)]).toEqual([
      expect.objectContaining({ value: `生成时间：2026-11-30 08:40\u3000模板版本：${model.templateVersion}`, font: "#595959" }),
      expect.objectContaining({ value: "本表为数值快照，不含公式，可在未安装加载项的电脑上打开和打印。", font: "#595959" }),
    ]);
    expect(sheet.widths).toEqual(WIDTHS);
    expect(sheet.print).toEqual({ titleRows: "$1:$2", header: model.planName, footer: "", printArea: `A1:M${last - 2}`, gridlines: false });
    // Printed, the footer counts the report's own pages: one more than its page breaks.
    const printed = reportSheet(model);
    expect(printed.print.footer).toBe(`第 &P 页，共 ${printed.breaks.length + 1} 页`);
    // The overview: a title, then each paragraph merged across A–M (157 characters, 95 % usable).
    const overview = 4;
    expect(at(overview, 0)).toMatchObject({ value: "综述", bold: true, font: "#1F4E78" });
    expect(sheet.merges.filter((m) => m.address.startsWith("A")).map((m) => m.address)).toEqual(model.summary.map((_, k) => `A${overview + 2 + k}:M${overview + 2 + k}`));
    model.summary.forEach((p, k) => {
      expect(at(overview + 1 + k, 0)!.value).toBe(p);
      expect(sheet.merges[k]!.rowHeight).toBe(Math.max(1, Math.ceil(units(p) / 149.15)) * 16);
    });
    // Every header row is tall enough for its longest label (e.g. 序时进度值, ten units in a column of nine: two lines).
    const ind = grid(sheet).rowsWith(0, "编号")[0]!;
    expect(sheet.rowHeights).toContainEqual({ row: ind, points: 32 });
    for (const h of sheet.rowHeights) {
      const cells = sheet.blocks.find((b) => b.row === h.row && b.fill === "#DDEBF7" && b.bold);
      // Or a row whose ID is longer than its column: wrapped at its hyphens, a line a part that fits
      // (T-BLD-PRI-PLACES two, M-CMP-QUALITY-DISTRICT three).
      // Or a row with a wrapped name or note, as high as its lines.
      if (!cells) expect([h.row, sheet.blocks.some((b) => b.row === h.row && b.wrap), h.points >= 32]).toEqual([h.row, true, true]);
      else expect([h.row, h.points >= headerPoints(cells.values[0]!, cells.col), h.points <= headerPoints(cells.values[0]!, cells.col) + 16]).toEqual([h.row, true, true]);
    }
  });

  test("the summary: counts per status and group, a bold total", () => {
    const model = report(demo);
    const { at, line, rowsWith } = grid(reportLayout(model));
    const head = rowsWith(0, "组别")[0]!;
    const order = ["reachedEarly", "reached", "onTrack", "behind", "regressing", "missed", "noData", "invalid"] as const;
    expect(line(head, 0, 9)).toEqual(["组别", ...order.map((s) => STATUS_LABELS[s].zh), "合计"]);
    [...model.groups, { name: "合计", counts: model.overall }].forEach((g, k) => {
      expect(line(head + 1 + k, 0, 9)).toEqual([g.name, ...order.map((s) => g.counts[s]), order.reduce((n, s) => n + g.counts[s], 0)]);
    });
    const total = head + 1 + model.groups.length;
    expect(at(total, 9)!.value).toBe(PLAN.indicators.length);
    expect([at(total, 0)!.bold, at(total - 1, 0)!.bold]).toEqual([true, undefined]);
  });

  test("indicators: every column in its unit's format, the status in its colours, completion bars and the chart's data", () => {
    const model = report(demo);
    const sheet = reportLayout(model);
    const { at, line, rowsWith } = grid(sheet);
    const section = rowsWith(0, "二、指标进度")[0]!;
    expect(sheet.breaks).toContain(section);
    const head = section + 1;
    expect(line(head, 0, 12)).toEqual(["编号", "组别", "指标", "学段", "基期值", "目标值", "本年实际", "序时进度值", "完成率", "时间进度", "差距", "状态", "说明"]);
    const first = head + 1;
    model.indicators.forEach((l, k) => {
      const r = first + k;
      const f = l.unit ? FORMAT[l.unit]! : "General";
      // A gap in a share is printed in percentage points (0.0066 → 0.66 个百分点); ratios and years as plain numbers.
      const gap =
        l.gap === null
          ? ["", "General"]
          : l.unit === "percent"
            ? [Number((l.gap * 100).toPrecision(12)), '0.00" 个百分点"']
            : l.unit === "ratio" || l.unit === "years"
              ? [l.gap, "0.00"]
              : [l.gap, f];
      expect([l.id, ...line(r, 0, 10)]).toEqual([l.id, l.id, l.group, l.name, l.stage, l.baseline, l.target, l.actual, l.expected, l.completion, l.elapsed, gap[0]]);
      expect([l.id, ...Array.from({ length: 11 }, (_, c) => at(r, c)!.format)]).toEqual([l.id, "@", "@", "@", "@", f, f, f, f, "0.0%", "0.0%", gap[1]]);
      expect([l.id, at(r, 11)]).toEqual([l.id, { value: STATUS_LABELS[l.status].zh, fill: STATUS_COLORS[l.status].fill, font: STATUS_COLORS[l.status].font, format: undefined, bold: undefined }]);
      expect([l.id, at(r, 12)!.value]).toEqual([l.id, l.note]);
    });
    const n = model.indicators.length;
    // Completion (I) and the elapsed share (J) drawn as in-cell bars over the indicator rows; tasks' completion too.
    expect(sheet.bars.slice(0, 2)).toEqual([
      { address: `I${first + 1}:I${first + n}`, color: "#5B9BD5" },
      { address: `J${first + 1}:J${first + n}`, color: "#A5A5A5" },
    ]);
    // The chart's data beside the table (O–Q): the indicators with a completion, outside the print area.
    const charted = model.indicators.filter((l) => l.completion !== null);
    expect(charted.length).toBeGreaterThan(0);
    expect(line(head, 14, 16)).toEqual(["指标", "完成率", "时间进度"]);
    charted.forEach((l, k) => {
      expect(line(first + k, 14, 16)).toEqual([l.id, l.completion, l.elapsed]);
      expect([15, 16].map((c) => at(first + k, c)!.format)).toEqual(["0.0%", "0.0%"]);
    });
    // The chart starts a page of its own below the table and spans A to N, at least 16 rows tall.
    const top = first + n + 1;
    const height = Math.max(16, Math.ceil(charted.length * 1.3));
    expect(sheet.breaks).toContain(top);
    expect(sheet.chart).toEqual({ title: "完成率与时间进度", dataAddress: `O${head + 1}:Q${head + 1 + charted.length}`, anchor: `A${top + 1}`, bottomRight: `N${top + height + 1}` });
    expect(at(top + height, 0)!.value).toBe("");
    expect(rowsWith(0, "三、需关注的指标和任务（数据有误、倒退、未实现、滞后，最严重的在前）")[0]).toBe(top + height + 2);
  });

  test("misses, worst first, under the indicator table's columns", () => {
    const model = report(demo);
    const { at, line, rowsWith } = grid(reportLayout(model));
    const head = rowsWith(0, "三、需关注的指标和任务（数据有误、倒退、未实现、滞后，最严重的在前）")[0]! + 1;
    expect(line(head, 0, 10)).toEqual(["编号", "状态", "指标", "", "", "", "本年实际", "序时进度值", "完成率", "时间进度", "差距"]);
    expect(model.misses.length).toBeGreaterThan(0);
    model.misses.forEach((l, k) => {
      const r = head + 1 + k;
      const f = l.unit ? FORMAT[l.unit]! : "General";
      // A count's expected value as a whole number, on the side the actual stands: behind, rounded up.
      const whole = (l.unit === "count" || l.unit === "persons") && l.expected !== null;
      const expected = whole ? (l.actual !== null && l.actual < l.expected! ? Math.ceil(l.expected!) : Math.floor(l.expected!)) : l.expected;
      expect([l.id, at(r, 0)!.value, at(r, 1)!.value, at(r, 1)!.fill, at(r, 2)!.value]).toEqual([l.id, l.id, STATUS_LABELS[l.status].zh, STATUS_COLORS[l.status].fill, l.name]);
      expect([l.id, ...line(r, 6, 9)]).toEqual([l.id, l.actual, expected, l.completion, l.elapsed]);
      expect([l.id, ...[6, 7, 8, 9].map((c) => at(r, c)!.format)]).toEqual([l.id, f, f, "0.0%", "0.0%"]);
    });
  });

  test("a count's expected value prints whole, never against the verdict (worked by hand)", () => {
    // Behind: 7 schools against 7.2 expected prints 7 against 8; ahead: 8 against 7.2 prints 7; level
    // with fewer better: 7 against 7.2 prints 7; no actual: rounded; binary noise is no fraction.
    expect(shownExpected("count", 7, 7.2)).toBe(8);
    expect(shownExpected("count", 8, 7.2)).toBe(7);
    expect(shownExpected("persons", 1100, 1099.5)).toBe(1099);
    expect(shownExpected("count", null, 7.6)).toBe(8);
    expect(shownExpected("count", 7, 7.000000000001)).toBe(7);
    // Shares and ratios keep their value.
    expect(shownExpected("percent", 0.5, 0.513)).toBe(0.513);
    expect(shownExpected("count", 7, null)).toBeNull();
  });

  test("school balance per stage: each coefficient against the national standard and the plan's bound, the 2017 rule", () => {
    const model = report(demo);
    const sheet = reportLayout(model);
    const { at, line, rowsWith } = grid(sheet);
    const section = rowsWith(0, "四、县域义务教育学校资源配置校际均衡")[0]!;
    expect(sheet.breaks).toContain(section);
    // The schools data year first (the demo's is the report's own, 2023), then a blank row.
    expect(at(section + 1, 0)).toMatchObject({ value: "以下为 2023 年学校数据。" });
    let r = section + 3;
    const verdict = (ok: boolean | null) => (ok === null ? "" : ok ? STANDARD_LABELS.pass.zh : STANDARD_LABELS.fail.zh);
    for (const stage of model.balance) {
      const name = stage.stage === "primary" ? "小学" : "初中";
      expect(at(r, 0)).toMatchObject({ value: `${name}（${stage.schools} 所学校，按在校生数加权）`, bold: true });
      const national = stage.stage === "primary" ? "0.50" : "0.45";
      const bound = stage.planBound ? `规划目标 ${stage.planBound.comparator === "<" ? "低于" : "不高于"}${stage.planBound.value.toFixed(2)}` : "规划目标 —";
      expect(line(r + 1, 2, 6)).toEqual(["指标", "", "差异系数", `国家标准 不高于${national}`, bound]);
      r += 2;
      // 达标 / 未达标 for the national standard; the plan's own bound takes the verdict words (§7a.10).
      const words = (s: Status | null | undefined) => (s ? STATUS_LABELS[s].zh : "");
      expect(stage.planStatus).toBeDefined();
      for (const [k, x] of stage.rows.entries()) {
        expect([x.label, ...line(r, 4, 6)]).toEqual([x.label, x.cv ?? x.error ?? "", verdict(x.national), words(stage.planStatus!.rows[k])]);
        expect(at(r, 2)!.value).toBe(x.label);
        r++;
      }
      // The largest of the seven decides the national verdict (≤); against the plan's bound, the verdict
      // of the plan's own row (the demo's primary 0.406: within ＜0.42, not ＜0.40 → 滞后 in 2023).
      const limit = stage.stage === "primary" ? 0.5 : 0.45;
      expect(line(r, 2, 6)).toEqual(["七项最大值", undefined, stage.max, verdict(stage.max === null ? null : stage.max <= limit), words(stage.planStatus!.max)]);
      if (stage.stage === "primary") expect(stage.planStatus!.max).toBe("behind");
      expect(at(r, 2)!.bold).toBe(true);
      expect(line(r + 1, 4, 6)).toEqual([stage.mean, "", words(stage.planStatus!.mean)]);
      expect([line(r + 2, 4, 6), at(r + 2, 4)!.format]).toEqual([[stage.classShare, "", ""], "0.00%"]);
      r += 3;
      // The rule's clause names how many schools it judged, failed and could not judge (the demo's all have figures).
      expect(stage.incomplete).toBe(0);
      if (stage.failing.length) {
        expect(at(r, 2)!.value).toBe(`${stage.failing.length} 所学校未达到 2017 年校级标准：`);
        expect(line(r + 1, 2, 5)).toEqual(["学校", "", "达标项数", "未达标项"]);
        stage.failing.forEach((f, k) => expect(line(r + 2 + k, 2, 5)).toEqual([f.school, "", f.met, f.missed.join("、")]));
        r += 2 + stage.failing.length;
      } else {
        expect(at(r, 2)!.value).toBe(`全部 ${stage.schools} 所学校均达到 2017 年校级标准。`);
        r++;
      }
      r++;
    }
    // No recorded coefficient disagrees with the schools in the demo: the contradictions follow.
    expect(model.recorded).toEqual([]);
    expect(at(r + 1, 0)!.value).toBe("五、规划内部不一致之处");
    // Numbered, not by internal code; each statement wrapped over C–M, as high as its text.
    model.contradictions.forEach((c, k) => expect([at(r + 2 + k, 0)!.value, at(r + 2 + k, 2)!.value, at(r + 2 + k, 2)!.wrap]).toEqual([`${k + 1}`, c.summary, true]));
    const inSection = (m: { address: string }) => Number(/^C(\d+):/.exec(m.address)?.[1]) - 1 > r + 1 && Number(/^C(\d+):/.exec(m.address)?.[1]) - 1 <= r + 1 + model.contradictions.length;
    expect(sheet.merges.filter((m) => /^C(\d+):M\1$/.test(m.address) && inSection(m)).map((m) => m.address)).toEqual(model.contradictions.map((_, k) => `C${r + 3 + k}:M${r + 3 + k}`));
  });

  test("tasks and milestones: target, achieved, completion, basis and status; a long table repeats its header on a new page", () => {
    const model = report(demo);
    const sheet = reportLayout(model);
    const { at, line, rowsWith } = grid(sheet);
    const section = rowsWith(0, "六、第三章任务目标进展")[0]!;
    expect(sheet.breaks).toContain(section);
    const headers = ["编号", "口径", "任务", "", "", "", "目标", "已完成", "完成率", "状态"];
    expect(line(section + 1, 0, 9)).toEqual(headers);
    expect(model.tasks.length).toBeGreaterThan(30);
    model.tasks.forEach((t, k) => {
      const r = section + 2 + k;
      const basis = t.basis ? BASIS_LABELS[t.basis].zh : "";
      // A target printed as text in one percent style: the plan's "94 %" as "94%".
      const target = typeof t.target === "string" ? t.target.replace(/(\d) +%/g, "$1%") : t.target;
      expect([t.id, ...line(r, 0, 2), ...line(r, 6, 8)]).toEqual([t.id, t.id, basis, t.name, target, t.actual, t.completion]);
      expect([t.id, ...[6, 7, 8].map((c) => at(r, c)!.format)]).toEqual([t.id, "@", t.unit === "percent" ? "0.00%" : "#,##0.##", "0.0%"]);
      expect([t.id, at(r, 9)!.value, at(r, 9)!.fill]).toEqual([t.id, STATUS_LABELS[t.status].zh, STATUS_COLORS[t.status].fill]);
      // Beside the programme total's verdict only: the plan's parts add up to 57, not the printed 58 (§9).
      expect([t.id, at(r, 10)?.value]).toEqual([t.id, t.id === "T-BLD-PROJ" ? "按分项合计 57 个" : undefined]);
    });
    expect(at(rowsWith(0, "T-PRE-01")[0]!, 6)!.value).toBe("94%");
    // Printed, the table goes on over pages, under its header again on each.
    const printed = reportSheet(model);
    const pg = grid(printed);
    const top = pg.rowsWith(0, "六、第三章任务目标进展")[0]! + 1;
    const repeats = headedOnEveryPage(printed, top, (r) => pg.line(r, 0, 9).join("|") === headers.join("|"), top + model.tasks.length + 3);
    expect(repeats.length).toBeGreaterThanOrEqual(1);
    const end = section + 2 + model.tasks.length;
    expect(sheet.bars[2]).toEqual({ address: `I${section + 3}:I${end}`, color: "#70AD47" });

    const ms = rowsWith(0, "七、里程碑任务")[0]!;
    expect(ms).toBe(end + 1);
    expect(sheet.breaks).not.toContain(ms);
    expect(line(ms + 1, 0, 9)).toEqual(["编号", "", "里程碑", "", "", "", "计划年度", "进展", "完成年度", "状态"]);
    let doneLater = 0;
    model.milestones.forEach((m, k) => {
      const r = ms + 2 + k;
      // As it stood in 2023 (§7a.7): a milestone marked 已完成 but not reached by 2023 was done later,
      // so it reads 进行中 with no year done; one done by then shows the year.
      const later = m.target === "已完成" && !isReached(m.status);
      if (later) doneLater++;
      const state = later ? "进行中" : m.target;
      expect([m.id, at(r, 0)!.value, at(r, 2)!.value, ...line(r, 6, 8), at(r, 6)!.format, at(r, 7)!.format, at(r, 9)!.value]).toEqual([
        m.id, m.id, m.name, m.deadline, state, state === "已完成" ? m.firstReached : "", "0", "@", STATUS_LABELS[m.status].zh,
      ]);
    });
    // The demo has milestones done in 2024–2025: none of them reads 已完成 in the 2023 report.
    expect(doneLater).toBeGreaterThan(0);
  });

  test("funding: every check of every year so far with the figures it compares; building: the roll-up against the plan", () => {
    const model = report(demo);
    const sheet = reportLayout(model);
    const { at, line, rowsWith } = grid(sheet);
    const section = rowsWith(0, "八、教育经费（三个增长、两个只增不减、教师工资）")[0]!;
    expect(sheet.breaks).toContain(section);
    const f = model.funding!;
    const c = f.counts;
    expect(at(section + 1, 0)!.value).toBe(`共 ${c.met + c.notMet + c.noData + c.invalid} 项年度检查：落实 ${c.met} 项，未落实 ${c.notMet} 项，无数据 ${c.noData} 项${c.invalid ? `，数据有误 ${c.invalid} 项` : ""}。`);
    expect(line(section + 2, 0, 4)).toEqual(["年度", "类别", "检查", "结论", "比较的数据"]);
    expect(f.checks.length).toBeGreaterThan(0);
    expect(f.checks.length).toBeLessThanOrEqual(30);
    const group = { budget: "两个只增不减", perStudent: "两个只增不减", payParity: "教师工资" } as Record<string, string>;
    f.checks.forEach((x, k) => {
      const r = section + 3 + k;
      expect([x.year, x.check, at(r, 0)!.value, at(r, 1)!.value, at(r, 0)!.format]).toEqual([x.year, x.check, x.year, group[x.check] ?? "三个增长", "0"]);
      expect([x.year, x.check, at(r, 3)!.value, at(r, 3)!.fill, at(r, 3)!.font]).toEqual([x.year, x.check, FUNDING_LABELS[x.verdict].zh, FUNDING_COLORS[x.verdict].fill, FUNDING_COLORS[x.verdict].font]);
      // Each compared figure: its label, then a growth as a signed percentage with two decimals.
      const figures = String(at(r, 4)!.value).split("；");
      expect(figures).toHaveLength(x.compared.length);
      x.compared.forEach((cmp, j) => {
        if (cmp.value === null) expect(figures[j]!.endsWith(" —")).toBe(true);
        else if (cmp.kind === "growth") expect(figures[j]!.endsWith(` ${cmp.value >= 0 ? "+" : ""}${(cmp.value * 100).toFixed(2)}%`)).toBe(true);
      });
    });

    const b = model.building!;
    const bs = rowsWith(0, "九、学校建设")[0]!;
    expect(sheet.breaks).toContain(bs);
    expect(line(bs + 1, 2, 11)).toEqual(["分项", "规划（新建+改扩建）", "规划项目", "规划学位", "台账项目", "已实施（新建+改扩建）", "按分项计实施", "已交付学位", "逾期未完成", "逾期完成"]);
    [...b.rollup.parts, b.rollup.sum, b.rollup.total].forEach((p, k) => {
      const r = bs + 2 + k;
      const total = p.id === "BLD-TOTAL";
      const split = total ? "—" : `${p.plan.newSchools}+${p.plan.expanded}`;
      expect([p.id, ...line(r, 2, 11)]).toEqual([p.id, p.names.zh, split, p.plan.projects, p.plan.places, p.ledger.projects, `${p.underWayNew}+${p.underWayExpanded}`, total ? "—" : p.counted, p.delivered, p.late, p.finishedLate]);
      expect([p.id, at(r, 2)!.bold]).toEqual([p.id, p.id === "BLD-SUM" || p.id === "BLD-TOTAL"]);
    });
    let r = bs + 2 + b.rollup.parts.length + 2;
    expect(String(at(r, 2)!.value)).toMatch(/^按分项计实施：新建、改扩建分别计数/);
    r++;
    if (b.contradiction) {
      expect(at(r, 2)).toMatchObject({ value: b.contradiction.summary.zh, font: "#9C5700" });
      r++;
    }
    expect(at(r, 2)!.value).toBe(b.late.length ? "逾期项目（计划竣工年度已过仍未完成，或完成晚于计划）：" : "没有逾期项目。");
    if (b.late.length) {
      expect(line(r + 1, 2, 7)).toEqual(["项目", "学段", "计划竣工年度", "实际竣工年度", "进展", "情况"]);
      // The demo's late projects are still under construction: no actual year.
      expect(b.finishedLate).toEqual([]);
      b.late.forEach((p, k) => expect(line(r + 2 + k, 2, 7)).toEqual([p.name, SCHOOL_STAGE_LABELS[p.stage].zh, p.planned, "", "在建", "逾期未完成"]));
    }
  });

  test("a planner's mistakes: the problem named with its cell first, the row invalid, the recorded coefficient beside the computed one", () => {
    const { snapshot, recordedId } = withMistakes();
    const model = report(snapshot);
    const sheet = reportLayout(model);
    const { at, line, rowsWith } = grid(sheet);
    expect(model.completeness.invalid).toBeGreaterThan(0);
    const c = model.completeness;
    expect(at(1, 0)!.value).toContain(`数据完整度：${c.total} 项指标中 ${c.withValue} 项有有效数据，${c.invalid} 项数据有误，${c.total - c.withValue - c.invalid} 项无数据`);
    const problems = rowsWith(0, "数据问题（须先更正，相关指标暂判为“数据有误”）")[0]!;
    expect(problems).toBeLessThan(rowsWith(0, "二、指标进度")[0]!);
    expect(line(problems + 1, 0, 3)).toEqual(["工作表", "单元格", "编号", "问题及处理"]);
    expect(model.problems.length).toBeGreaterThan(0);
    model.problems.forEach((p, k) => {
      expect(line(problems + 2 + k, 0, 3)).toEqual([p.sheet, p.address, p.key, p.message]);
      expect([0, 1, 2, 3].map((col) => at(problems + 2 + k, col)!.format)).toEqual(["@", "@", "@", "@"]);
    });
    expect(model.problems.some((p) => p.key === "INT-01")).toBe(true);
    const int01 = rowsWith(0, "INT-01")[0]!;
    expect(at(int01, 11)!.value).toBe(STATUS_LABELS.invalid.zh);
    // The recorded 0.999 against what the 2023 schools give, in the behind colour, after the balance.
    expect(model.recorded.map((x) => x.id)).toEqual([recordedId]);
    const x = model.recorded[0]!;
    const r = rowsWith(2, `${x.id}（${x.address}）填写的数值与同年学校数据算出的不一致（填写值 / 计算值）：`)[0]!;
    expect(line(r, 2, 5)).toEqual([`${x.id}（${x.address}）填写的数值与同年学校数据算出的不一致（填写值 / 计算值）：`, "", 0.999, x.computed]);
    expect([at(r, 4)!.format, at(r, 5)!.format, at(r, 2)!.fill]).toEqual(["0.000", "0.000", STATUS_COLORS.behind.fill]);
    // A blank row after the mismatches, then the next section (itself after a blank row).
    expect(at(r + 3, 0)!.value).toBe("五、规划内部不一致之处");
  });

  test("in English: the same figures under English labels, an annual year without the mid-term mark", () => {
    const model = report(demo, "en", 2022);
    const sheet = reportLayout(model);
    const { at, line, rowsWith } = grid(sheet);
    expect(sheet.name).toBe("2022 Monitoring Report");
    expect(String(at(0, 0)!.value).endsWith("2022 plan implementation monitoring report")).toBe(true);
    expect(at(1, 0)!.value).toBe(
      `Monitoring year: 2022   Data completeness: ${model.completeness.withValue} of ${model.completeness.total} indicators have a valid value, ${model.completeness.total - model.completeness.withValue} have none`,
    );
    const printed = reportSheet(model);
    expect(printed.print.footer).toBe(`Page &P of ${printed.breaks.length + 1}`);
    const head = rowsWith(0, "2. Indicators")[0]! + 1;
    expect(line(head, 0, 12)).toEqual(["ID", "Group", "Indicator", "Stage", "Baseline", "Target", "Actual", "Expected", "Completion", "Time elapsed", "Gap", "Status", "Note"]);
    const pct = model.indicators.findIndex((l) => l.unit === "percent" && l.gap !== null);
    expect(at(head + 1 + pct, 10)!.format).toBe('0.00" pp"');
    expect(at(head + 1, 11)!.value).toBe(STATUS_LABELS[model.indicators[0]!.status].en);
    expect(at(rowsWith(0, "1. Summary")[0]! + 1, 0)!.value).toBe("Group");
    expect(sheet.chart!.title).toBe("Completion against time elapsed");
    // The demo's schools data is of 2023: the 2022 report says so, in red, and so does its summary (§7a.7).
    const balance = rowsWith(0, "4. Inter-school resource allocation (compulsory education)")[0]!;
    expect(at(balance + 1, 0)).toMatchObject({ value: "Schools data of 2023, not of this report's year (2022).", font: "#9C0006" });
    expect(model.summary.filter((p) => p.includes("(schools data of 2023)")).length).toBe(2);
  });
});

/** The demo's 2023 model with a hand-made change: the layout is a pure function of the model. */
function edited(change: (m: ReportModel) => void, language: "zh" | "en" = "zh", paged = false): ReportSheet {
  const model = structuredClone(report(demo, language));
  change(model);
  return paged ? reportSheet(model) : reportLayout(model);
}

/**
 * A table printed over pages: every page break between its first heading row and its end falls
 * right above a copy of that heading row, and every copy starts a page.
 */
function headedOnEveryPage(sheet: ReportSheet, first: number, isHeading: (row: number) => boolean, end: number) {
  const repeats: number[] = [];
  for (let r = first + 1; r <= end; r++) if (isHeading(r)) repeats.push(r);
  const inside = sheet.breaks.filter((b) => b > first && b <= end);
  expect(inside).toEqual(repeats);
  return repeats;
}
const SECTION_TITLES = ["综述", "一、总体情况", "数据问题（须先更正，相关指标暂判为“数据有误”）", "二、指标进度"];

describe("the report sheet's look and its edges, on the demo's model changed by hand", () => {
  test("the title 14 pt bold; section titles 12 pt bold blue; every header row bold, filled and wrapped; paragraphs and notes wrapped", () => {
    const model = report(demo);
    const sheet = reportLayout(model);
    const { at, rowsWith } = grid(sheet);
    expect(at(0, 0)).toMatchObject({ bold: true, size: 14 });
    const titles = sheet.blocks.filter((b) => b.size === 12);
    expect(titles.map((b) => b.values[0]![0]).slice(0, 4)).toEqual(SECTION_TITLES);
    expect(titles).toHaveLength(11);
    for (const b of titles) expect([b.values[0]![0], b.bold, b.fontColor, b.col]).toEqual([b.values[0]![0], true, "#1F4E78", 0]);
    // Every row given a height is a header row: bold, filled, wrapped in every cell.
    expect(sheet.rowHeights.length).toBeGreaterThanOrEqual(5);
    for (const h of sheet.rowHeights) {
      // Header rows start in column A, or in C for the balance and building tables; the other rows
      // given a height hold an ID too long for its column, wrapped.
      const head = sheet.blocks.find((b) => b.row === h.row && b.fill === "#DDEBF7" && b.bold);
      if (head) expect([h.row, head.bold, head.fill, head.wrap]).toEqual([h.row, true, "#DDEBF7", true]);
      else expect([h.row, sheet.blocks.some((b) => b.row === h.row && b.wrap)]).toEqual([h.row, true]);
    }
    // IDs are never cut: T-BLD-PRI-PLACES wraps in its own cell at its hyphens, capitals counted 1.25
    // digit widths (8.8 to a line in 12 characters): T-BLD- | PRI- | PLACES, its row three lines high.
    const long = rowsWith(0, "T-BLD-PRI-PLACES").at(-1)!;
    expect([at(long, 0)!.wrap, at(long, 2)!.wrap, sheet.rowHeights.find((h) => h.row === long)!.points]).toEqual([true, undefined, 48]);
    // The balance table's headings (国家标准 不高于0.50 in a 9-character column) get their second line.
    const balanceHead = sheet.blocks.find((b) => b.fill === "#DDEBF7" && b.col === 2 && String(b.values[0]![3]).startsWith("国家标准"))!;
    expect(sheet.rowHeights.find((h) => h.row === balanceHead.row)!.points).toBeGreaterThanOrEqual(32);
    model.summary.forEach((_, k) => expect(at(5 + k, 0)!.wrap).toBe(true));
    const first = rowsWith(0, "二、指标进度")[0]! + 2;
    model.indicators.forEach((l, k) => expect([l.id, at(first + k, 12)!.wrap]).toEqual([l.id, true]));
    // The chart's data header: bold and filled; its IDs as text.
    expect([at(first - 1, 14)!.bold, at(first - 1, 14)!.fill, at(first, 14)!.format]).toEqual([true, "#DDEBF7", "@"]);
    // No data problem in the demo: the section says so in one line.
    const problems = rowsWith(0, SECTION_TITLES[2])[0]!;
    expect([at(problems + 1, 0)!.value, at(problems + 2, 0)]).toEqual(["数据检查未发现错误。", undefined]);
    // Balance: the header bold, filled, wrapped; the largest of the seven bold across; formats per line.
    const balance = rowsWith(0, "四、县域义务教育学校资源配置校际均衡")[0]!;
    expect(at(balance + 4, 2)).toMatchObject({ bold: true, fill: "#DDEBF7", wrap: true });
    expect(at(balance + 4, 6)).toMatchObject({ bold: true, fill: "#DDEBF7", wrap: true });
    const max = rowsWith(2, "七项最大值")[0]!;
    expect([4, 5, 6].map((c) => [at(max, c)!.bold, at(max, c)!.format])).toEqual([[true, "0.000"], [true, "@"], [true, "@"]]);
    expect([4, 5, 6].map((c) => [at(max + 1, c)!.bold, at(max + 1, c)!.format])).toEqual([[false, "0.000"], [false, "@"], [false, "@"]]);
    expect(at(max + 1, 2)!.bold).toBe(false);
    // Funding's header row.
    const funding = rowsWith(0, "八、教育经费（三个增长、两个只增不减、教师工资）")[0]!;
    expect(at(funding + 2, 0)).toMatchObject({ bold: true, fill: "#DDEBF7", wrap: true });
    expect(at(funding + 2, 4)).toMatchObject({ bold: true, fill: "#DDEBF7", wrap: true });
  });

  test("a paragraph's height: as many 16-point lines as A–M's 157 characters need at 95 %, a CJK character (from U+2E80) two", () => {
    const sheet = edited((m) => {
      m.summary = ["a".repeat(149), "a".repeat(150), "字".repeat(74), "字".repeat(75), "\u2e7f".repeat(150), "\u2e80".repeat(75)];
    });
    // 157 × 0.95 = 149.15 units a line.
    const paragraphs = sheet.merges.filter((m) => m.address.startsWith("A"));
    expect(paragraphs.map((m) => m.rowHeight)).toEqual([16, 32, 16, 32, 32, 32]);
    expect(paragraphs.map((m) => m.address)).toEqual(["A6:M6", "A7:M7", "A8:M8", "A9:M9", "A10:M10", "A11:M11"]);
    expect(grid(sheet).at(5, 0)).toMatchObject({ value: "a".repeat(149), wrap: true });
  });

  test("gaps: none is a blank cell; a ratio's and a count's in their own formats", () => {
    const model = report(demo);
    const base = model.indicators[0]!;
    const sheet = edited((m) => {
      m.indicators = [
        { ...base, id: "X-1", gap: null, unit: "percent" },
        { ...base, id: "X-2", gap: 0.25, unit: "ratio" },
        { ...base, id: "X-3", gap: 1.5, unit: "years" },
        { ...base, id: "X-4", gap: 12, unit: "count" },
        { ...base, id: "X-5", gap: 0.0066, unit: "percent" },
      ];
    });
    const { at, rowsWith } = grid(sheet);
    const rows = ["X-1", "X-2", "X-3", "X-4", "X-5"].map((id) => rowsWith(0, id)[0]!);
    expect(rows.map((r) => [at(r, 10)!.value, at(r, 10)!.format])).toEqual([["", "General"], [0.25, "0.00"], [1.5, "0.00"], [12, "#,##0"], [0.66, '0.00" 个百分点"']]);
  });

  test("no indicator: no bars, no chart data and no chart; no completion anywhere: bars but no chart", () => {
    const none = edited((m) => {
      m.indicators = [];
    });
    expect(none.bars.map((b) => b.color)).toEqual(["#70AD47"]);
    expect(none.chart).toBeNull();
    expect(none.blocks.some((b) => b.col === 14)).toBe(false);
    const empty = edited((m) => {
      m.indicators = m.indicators.map((l) => ({ ...l, completion: null }));
    });
    expect(empty.bars.map((b) => b.color)).toEqual(["#5B9BD5", "#A5A5A5", "#70AD47"]);
    expect(empty.chart).toBeNull();
    expect(empty.blocks.some((b) => b.col === 14)).toBe(false);
    // Without the chart, the misses follow the indicator table after one blank row.
    const { rowsWith } = grid(empty);
    const head = rowsWith(0, "二、指标进度")[0]! + 1;
    expect(rowsWith(0, "三、需关注的指标和任务（数据有误、倒退、未实现、滞后，最严重的在前）")[0]).toBe(head + 1 + report(demo).indicators.length + 1);
  });

  test("no misses, no tasks, no milestones: one line, no task bar, no milestone section", () => {
    const sheet = edited((m) => {
      m.misses = [];
      m.tasks = [];
      m.milestones = [];
    });
    const { at, rowsWith } = grid(sheet);
    const misses = rowsWith(0, "三、需关注的指标和任务（数据有误、倒退、未实现、滞后，最严重的在前）")[0]!;
    expect(at(misses + 1, 0)!.value).toBe("本年度没有数据有误、倒退、未实现或滞后的指标和任务。");
    expect(rowsWith(0, "四、县域义务教育学校资源配置校际均衡")[0]).toBe(misses + 3);
    expect(sheet.bars.map((b) => b.color)).toEqual(["#5B9BD5", "#A5A5A5"]);
    expect(rowsWith(0, "七、里程碑任务")).toEqual([]);
    const tasks = rowsWith(0, "六、第三章任务目标进展")[0]!;
    expect(rowsWith(0, "八、教育经费（三个增长、两个只增不减、教师工资）")[0]).toBe(tasks + 3);
  });

  test("balance: a plan bound as printed (＜ strict, ≤ not), none at all, the national standard at its bound, failing schools", () => {
    const sheet = edited((m) => {
      const [primary, junior] = m.balance;
      // At the bound exactly: the national ≤0.50 is met; the plan's ＜0.50 is not, its ≤ would be.
      Object.assign(primary!, { max: 0.5, mean: 0.5, planBound: { comparator: "<", value: 0.5 }, planStatus: { rows: primary!.rows.map(() => null), max: "behind", mean: "behind" }, failing: [{ school: "甲小学", met: 5, missed: ["生均体育运动场馆面积", "每百名学生拥有网络多媒体教室数"] }] });
      Object.assign(junior!, { max: 0.45, mean: 0.3, planBound: null, planStatus: undefined, failing: [], schools: 0, incomplete: 0 });
    });
    const { at, line, rowsWith } = grid(sheet);
    const [pMax, jMax] = rowsWith(2, "七项最大值");
    // The plan's bound in the verdict words the core gave (here: 滞后 for both); none for the junior stage.
    expect(line(pMax!, 4, 6)).toEqual([0.5, "达标", "滞后"]);
    expect(line(pMax! + 1, 4, 6)).toEqual([0.5, "", "滞后"]);
    expect(line(jMax!, 4, 6)).toEqual([0.45, "达标", ""]);
    expect(line(jMax! + 1, 4, 6)).toEqual([0.3, "", ""]);
    const [pHead, jHead] = rowsWith(4, "差异系数");
    expect([at(pHead!, 6)!.value, at(jHead!, 6)!.value]).toEqual(["规划目标 低于0.50", "规划目标 —"]);
    const failing = rowsWith(2, "1 所学校未达到 2017 年校级标准：")[0]!;
    expect(line(failing + 1, 2, 5)).toEqual(["学校", "", "达标项数", "未达标项"]);
    expect(at(failing + 1, 2)).toMatchObject({ bold: true, fill: "#DDEBF7" });
    expect(line(failing + 2, 2, 5)).toEqual(["甲小学", "", 5, "生均体育运动场馆面积、每百名学生拥有网络多媒体教室数"]);
    expect(at(failing + 2, 2)!.bold).toBeUndefined();
    // A stage without schools makes no claim about them.
    expect(rowsWith(2, "本学段没有学校数据。")).toHaveLength(1);
    const inclusive = edited((m) => Object.assign(m.balance[0]!, { max: 0.5, mean: 0.5, planBound: { comparator: "<=", value: 0.5 } }));
    const g = grid(inclusive);
    const max = g.rowsWith(2, "七项最大值")[0]!;
    expect(g.at(max - 8, 6)!.value).toBe("规划目标 不高于0.50");
    // The verdict words themselves, from the plan's row (baseline ＜0.42, target ＜0.40), by hand (§7 rule 4):
    expect([0.39, 0.4, 0.41, 0.42].map((v) => planCoefficientStatus(PLAN, "primary", v, 2023))).toEqual(["reachedEarly", "behind", "behind", "regressing"]);
    expect([0.3999, 0.4].map((v) => planCoefficientStatus(PLAN, "primary", v, 2025))).toEqual(["reached", "missed"]);
    expect(planCoefficientStatus(PLAN, "primary", null, 2025)).toBeNull();
    // Above the national standard by a hair: not met.
    const above = edited((m) => Object.assign(m.balance[0]!, { max: 0.5000001 }));
    expect(grid(above).line(grid(above).rowsWith(2, "七项最大值")[0]!, 4, 5)).toEqual([0.5000001, "未达标"]);
  });

  test("recorded coefficients the schools contradict: text labels, three-decimal figures, the behind fill", () => {
    const sheet = edited((m) => {
      m.recorded = [{ id: "INT-09", address: "PM_Indicators!H12", recorded: 0.999, computed: 0.412 } as ReportModel["recorded"][number]];
    });
    const { at, rowsWith } = grid(sheet);
    const r = rowsWith(2, "INT-09（PM_Indicators!H12）填写的数值与同年学校数据算出的不一致（填写值 / 计算值）：")[0]!;
    expect([2, 3, 4, 5].map((c) => [at(r, c)!.value, at(r, c)!.format, at(r, c)!.fill])).toEqual([
      ["INT-09（PM_Indicators!H12）填写的数值与同年学校数据算出的不一致（填写值 / 计算值）：", "@", STATUS_COLORS.behind.fill],
      ["", "@", STATUS_COLORS.behind.fill],
      [0.999, "0.000", STATUS_COLORS.behind.fill],
      [0.412, "0.000", STATUS_COLORS.behind.fill],
    ]);
  });

  test("funding: none, nothing to compare yet, a zero growth, a pay level, more checks than a page holds, English separators", () => {
    const none = grid(edited((m) => (m.funding = null)));
    expect(none.rowsWith(0, "八、教育经费（三个增长、两个只增不减、教师工资）")).toEqual([]);
    expect(none.rowsWith(0, "九、学校建设")).toHaveLength(1);

    const empty = edited((m) => (m.funding = { ...m.funding!, checks: [] }));
    const e = grid(empty);
    const title = e.rowsWith(0, "八、教育经费（三个增长、两个只增不减、教师工资）")[0]!;
    expect([e.at(title + 1, 0)!.value, e.at(title + 2, 0)]).toEqual(["教育经费表尚无可比较的年度数据。", undefined]);
    expect(e.rowsWith(0, "九、学校建设")[0]).toBe(title + 3);

    const model = report(demo);
    const check = model.funding!.checks[0]!;
    const label = { zh: "甲", en: "A" };
    const checks = Array.from({ length: 31 }, (_, k) => ({
      ...check,
      check: "payParity" as const,
      year: 2021 + (k % 5),
      compared: [
        { label, value: k === 0 ? 0 : -0.01234, kind: "growth" as const },
        { label, value: 123456.7, kind: "level" as const },
        { label, value: null, kind: "growth" as const },
      ],
    }));
    const many = edited((m) => (m.funding = { ...m.funding!, checks }), "zh", true);
    const g = grid(many);
    const t = g.rowsWith(0, "八、教育经费（三个增长、两个只增不减、教师工资）")[0]!;
    expect(g.at(t + 3, 4)!.value).toBe("甲 +0.00%；甲 123,457；甲 —");
    expect(g.at(t + 4, 4)!.value).toBe("甲 -1.23%；甲 123,457；甲 —");
    expect([g.at(t + 3, 1)!.value, g.at(t + 3, 4)!.format]).toEqual(["教师工资", "@"]);
    // More checks than a page holds: the table goes on over a page under its header again, and the
    // next section still starts a page of its own.
    const head = ["年度", "类别", "检查", "结论", "比较的数据"].join("|");
    const next = g.rowsWith(0, "九、学校建设")[0]!;
    const repeats = headedOnEveryPage(many, t + 2, (r) => g.line(r, 0, 4).join("|") === head, next - 1);
    expect(repeats.length).toBeGreaterThanOrEqual(1);
    expect(g.at(repeats[0]! + 1, 0)!.value).toBe(2021 + ((repeats[0]! - t - 3) % 5));
    expect(many.breaks.filter((b) => b > t)).toEqual([...repeats, next]);

    const en = grid(edited((m) => (m.funding = { ...m.funding!, checks: checks.slice(0, 1) }), "en"));
    const te = en.rowsWith(0, "8. Education funding (三个增长, 两个只增不减, teachers' pay)")[0]!;
    expect(en.at(te + 3, 4)!.value).toBe("A +0.00%; A 123,457; A —");
  });

  test("building: the roll-up's header and formats, the plan's contradiction or none, late projects or none", () => {
    const model = report(demo);
    const b = model.building!;
    const late = [
      { ...(b.projects[0] ?? {}), name: "甲小学新建工程", stage: "primary", planned: 2022, actual: null, state: "building" },
      { ...(b.projects[0] ?? {}), name: "乙初中改扩建", stage: "junior", planned: 2023, actual: null, state: "notStarted" },
    ] as unknown as NonNullable<ReportModel["building"]>["late"];
    const finishedLate = [{ ...(b.projects[0] ?? {}), name: "丙幼儿园新建", stage: "preschool", planned: 2022, actual: 2024, state: "inUse" }] as unknown as NonNullable<ReportModel["building"]>["late"];
    const contradiction = PLAN.contradictions.find((c) => c.id === "C-BUILD-PROJECTS")!;
    const withLate = grid(edited((m) => (m.building = { ...m.building!, late, finishedLate, contradiction })));
    const t = withLate.rowsWith(0, "九、学校建设")[0]!;
    const head = withLate.rowsWith(2, "分项").find((r) => r > t)!;
    expect([2, 11].map((c) => [withLate.at(head, c)!.bold, withLate.at(head, c)!.fill, withLate.at(head, c)!.wrap])).toEqual([[true, "#DDEBF7", true], [true, "#DDEBF7", true]]);
    // Under way is "new+expansions" as text; counted against the split a number (a dash in the total, which has no split).
    expect([2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((c) => withLate.at(head + 1, c)!.format)).toEqual(["@", "@", "#,##0", "#,##0", "#,##0", "@", "#,##0", "#,##0", "#,##0", "#,##0"]);
    const totalRow = head + 1 + b.rollup.parts.length + 1;
    expect([withLate.at(totalRow, 8)!.value, withLate.at(totalRow, 8)!.format]).toEqual(["—", "@"]);
    let r = head + 1 + b.rollup.parts.length + 3;
    expect(withLate.at(r, 2)).toMatchObject({ value: contradiction.summary.zh, font: "#9C5700" });
    r++;
    expect(withLate.at(r, 2)).toMatchObject({ value: "逾期项目（计划竣工年度已过仍未完成，或完成晚于计划）：", bold: true });
    expect(withLate.line(r + 1, 2, 7)).toEqual(["项目", "学段", "计划竣工年度", "实际竣工年度", "进展", "情况"]);
    expect(withLate.at(r + 1, 2)).toMatchObject({ bold: true, fill: "#DDEBF7" });
    expect(withLate.line(r + 2, 2, 7)).toEqual(["甲小学新建工程", "小学", 2022, "", "在建", "逾期未完成"]);
    expect(withLate.line(r + 3, 2, 7)).toEqual(["乙初中改扩建", "初中", 2023, "", "未开工", "逾期未完成"]);
    expect(withLate.line(r + 4, 2, 7)).toEqual(["丙幼儿园新建", "学前", 2022, 2024, "已交付使用", "逾期完成"]);
    expect([2, 3, 4, 5, 6, 7].map((c) => withLate.at(r + 3, c)!.format)).toEqual(["@", "@", "0", "0", "@", "@"]);
    expect(withLate.at(r + 5, 2)).toBeUndefined();

    const none = grid(edited((m) => (m.building = { ...m.building!, late: [], finishedLate: [], contradiction: null })));
    const n = none.rowsWith(2, "分项").find((x) => x > none.rowsWith(0, "九、学校建设")[0]!)! + 1 + b.rollup.parts.length + 3;
    expect(none.at(n, 2)).toMatchObject({ value: "没有逾期项目。", bold: false });
    expect(none.at(n + 1, 2)).toBeUndefined();
    const en = grid(edited((m) => (m.building = { ...m.building!, late, finishedLate: [], contradiction: null }), "en"));
    const e = en.rowsWith(2, "Late projects (past the planned completion year unfinished, or finished after it):")[0]!;
    expect(en.line(e + 2, 2, 7)).toEqual(["甲小学新建工程", "Primary", 2022, "", "Under construction", "Late, unfinished"]);
  });

  test("a stage without schools: no coefficient, so no verdict either way", () => {
    const sheet = edited((m) => Object.assign(m.balance[1]!, { max: null, mean: null, classShare: null, planBound: { comparator: "<=", value: 0.4 } }));
    const { line, rowsWith } = grid(sheet);
    const max = rowsWith(2, "七项最大值")[1]!;
    expect(line(max, 4, 6)).toEqual([null, "", ""]);
    expect(line(max + 1, 4, 6)).toEqual([null, "", ""]);
  });

  test("building: no ledger, an empty ledger, a ledger with errors", () => {
    const none = grid(edited((m) => (m.building = null)));
    expect(none.rowsWith(0, "九、学校建设")).toEqual([]);
    const empty = grid(edited((m) => (m.building = { ...m.building!, projects: [], problems: [] })));
    const t = empty.rowsWith(0, "九、学校建设")[0]!;
    expect(empty.at(t + 1, 0)!.value).toBe("项目台账尚无项目，建设类任务目标按任务表逐年填写的数值判定。");
    expect(empty.at(t + 2, 2)!.value).toBe("分项");
    const model = report(demo);
    const problem = { ...model.building!, problems: [{} as never, {} as never] };
    const bad = grid(edited((m) => (m.building = problem)));
    const b = bad.rowsWith(0, "九、学校建设")[0]!;
    expect(bad.at(b + 1, 0)).toMatchObject({ value: "项目台账有 2 处数据错误，相关行未计入汇总，建设类任务目标判为“数据有误”（见“数据问题”一节）。", fill: FUNDING_COLORS.invalid.fill });
    expect(bad.at(b + 2, 2)!.value).toBe("分项");
    const both = grid(edited((m) => (m.building = { ...problem, projects: [] })));
    const c = both.rowsWith(0, "九、学校建设")[0]!;
    expect([both.at(c + 1, 0)!.value, both.at(c + 2, 2)!.value]).toEqual([bad.at(b + 1, 0)!.value, "分项"]);
  });
});

describe("what is printed agrees with the verdict (§7a.9)", () => {
  test.each([
    // LOC-02-like: 97.468 % against a 序时进度值 of 97.472 %: 97.47 % twice would hide the 滞后; three decimals tell them apart.
    ["percent", 0.97468, 0.97472, "0.000%"],
    ["percent", 0.9746, 0.9747, "0.00%"],
    ["percent", 0.97, 0.97, "0.00%"],
    ["ratio", 18.041, 18.044, '0.000":1"'],
    ["count", 12.4, 12.2, "#,##0.0"],
    ["coefficient", 0.40001, 0.4, "0.00000"],
    ["percent", 0.9, null, "0.00%"],
  ] as const)("%s %p against %p prints as %p", (unit, a, b, expected) => {
    expect(distinguishingFormat(unit, a, b)).toBe(expected);
  });
  test("past four more decimals the unit's own format stays (a difference at the 15th digit is no difference to print)", () => {
    expect(distinguishingFormat("percent", 0.974680000001, 0.97468)).toBe("0.00%");
  });
});

describe("headings stand over their column's content", () => {
  test("numbers right, text left: the count tables, the indicator table, the building roll-up; the ops align those cells", () => {
    const model = report(demo);
    const sheet = reportLayout(model);
    const headerOf = (text: string) => sheet.blocks.find((b) => b.values.length === 1 && b.values[0]![0] === text && b.bold && b.fill === "#DDEBF7")!;
    // 组别 | 提前实现 | 已实现 | … : the group names are text, every other column counts.
    const counts = headerOf("组别");
    expect(counts.align).toEqual([undefined, ...counts.values[0]!.slice(1).map(() => "right")]);
    // The indicator table: ID, group, name, stage text; figures right; the status text.
    const indicators = headerOf("编号");
    const heads = indicators.values[0]!;
    for (const h of ["本年实际", "序时进度值", "完成率", "时间进度"]) expect([h, indicators.align?.[heads.indexOf(h)]]).toEqual([h, "right"]);
    for (const h of ["指标", "学段"]) expect([h, indicators.align?.[heads.indexOf(h)]]).toEqual([h, undefined]);
    expect(indicators.align?.[heads.indexOf("状态")]).toBeUndefined();
    expect(indicators.align?.[0]).toBeUndefined();
    // The building roll-up: the part's name and the split as text, the counts right.
    const build = headerOf("分项");
    expect(build.align).toEqual([undefined, undefined, "right", "right", "right", undefined, "right", "right", "right", "right"]);
    // Written as one format op per right-aligned heading cell.
    const ops = reportOps(sheet, undefined).filter((o) => o.op === "format" && "align" in o && o.align === "right");
    expect(ops.length).toBe(sheet.blocks.reduce((n, b) => n + (b.align?.filter(Boolean).length ?? 0), 0));
    expect(ops.length).toBeGreaterThan(20);
  });
});

describe("no empty heading", () => {
  test("a plan without contradictions says so under 五、, in both languages", () => {
    const zh = grid(edited((m) => (m.contradictions = [])));
    const r = zh.rowsWith(0, "五、规划内部不一致之处")[0]!;
    expect(zh.at(r + 1, 0)!.value).toBe("规划文本未发现内部不一致之处。");
    const en = grid(edited((m) => (m.contradictions = []), "en"));
    expect(en.at(en.rowsWith(0, "5. Contradictions within the plan")[0]! + 1, 0)!.value).toBe("No contradictions were found within the plan.");
  });
});

describe("a long list needing attention", () => {
  test("more than 8 begin a page of their own; past 30 rows the list goes on under its headings again", () => {
    const title = "三、需关注的指标和任务（数据有误、倒退、未实现、滞后，最严重的在前）";
    const many = edited((m) => (m.misses = Array.from({ length: 40 }, (_, k) => ({ ...m.misses[0]!, id: `X-${k + 1}` }))), "zh", true);
    const g = grid(many);
    const start = g.rowsWith(0, title)[0]!;
    expect(many.breaks).toContain(start);
    // Header, as many rows as the page holds, the header again on a new page, the rest; all 40 in order.
    const repeats = headedOnEveryPage(many, start + 1, (r) => g.at(r, 0)?.value === "编号", start + 42);
    expect(repeats.length).toBe(1);
    const ids = Array.from({ length: 42 }, (_, k) => g.at(start + 2 + k, 0)?.value).filter((v) => v !== "编号");
    expect(ids).toEqual(Array.from({ length: 40 }, (_, k) => `X-${k + 1}`));
    // Eight or fewer stay on the page the indicator table leaves off.
    const few = edited((m) => (m.misses = m.misses.slice(0, 8)));
    expect(few.breaks).not.toContain(grid(few).rowsWith(0, title)[0]);
  });
});
