/**
 * The report model laid out as a sheet: blocks of values with their formats, in-cell data bars, a
 * chart's data and print settings. Both writers (Office.js, exceljs) draw exactly this.
 */
import { pick } from "../i18n";
import { markSuffix, reportText } from "./text";
import { STATUS_LABELS as statusLabels } from "../calc/status";
import { STANDARD_LABELS, STATUSES, STATUS_COLORS, statusText, type Status } from "../calc/status";
import { labels } from "../messages";
import { flagText, layoutText } from "../workbook/text";
import { BASIS_LABELS } from "../calc/achieved";
import { MILESTONE_STATE_LABELS } from "../calc/milestone";
import { cellAddress, parseRange, rangeAddress } from "../workbook/a1";
import { UNIT_FORMATS } from "../workbook/layout";
import type { Cell } from "../workbook/model";
import type { IndicatorLine, ReportModel } from "./model";
import { FUNDING_COLORS, FUNDING_LABELS, type FundingVerdict } from "../calc/funding";
import { PROJECT_STATE_LABELS, SCHOOL_STAGE_LABELS } from "../calc/projects";
import type { Compared, FundingCheck } from "../workbook/funding";
import type { BuildingAssessment } from "../workbook/building";
import { fundingText } from "../workbook/text";
import { grouped, printedText } from "../format";
import type { Language } from "../i18n";
import { HEADER_FILL, paginate } from "./paginate";
import type { Block, ReportSheet } from "./types";

// The sheet's shape lives in types.ts; its callers keep importing it from here.
export type { Block, ReportSheet };



/** Column widths in characters. */
// A–M add up to 157 characters: on A4 landscape one page wide, 11 pt body text prints at about 9.2 pt.
// The gap column (K) is wider: "15.29 个百分点" in 11 pt; names wrap in C.
const WIDTHS = [12, 15, 28, 6, 9, 9, 9, 9, 9, 9, 15, 9, 18, 2, 12, 10, 10];
const SECTION_COLOR = "#1F4E78";
/** Rows of misses that still end on the page the indicator table leaves off (more start a page of their own). */
const MISSES_ON_A_SHARED_PAGE = 8;
const PERCENT = "0.0%";

function format(unit: IndicatorLine["unit"]): string {
  return unit ? UNIT_FORMATS[unit] : "General";
}

/**
 * The unit's format with enough decimals that two different figures do not print alike (§7a.9):
 * 0.97468 against a 序时进度值 of 0.97472 prints 97.468% and 97.472%, not 97.47% twice beside 滞后.
 * At most four more decimals; figures equal to 15 digits keep the unit's own format.
 */
export function distinguishingFormat(unit: IndicatorLine["unit"], a: number | null, b: number | null): string {
  const base = format(unit);
  if (a === null || b === null || Number(a.toPrecision(15)) === Number(b.toPrecision(15)) || !unit) return base;
  const scale = unit === "percent" ? 100 : 1;
  const decimals = (/\.(0+)/.exec(base)?.[1]?.length ?? 0);
  for (let extra = 0; extra <= 4; extra++) {
    const d = decimals + extra;
    if ((a * scale).toFixed(d) !== (b * scale).toFixed(d)) {
      if (extra === 0) return base;
      const zeros = "0".repeat(d);
      return decimals === 0 ? base.replace("#,##0", `#,##0.${zeros}`) : base.replace(/\.0+/, `.${zeros}`);
    }
  }
  return base;
}

/**
 * The expected value of a count (schools, places, people) printed as a whole number: 7.2 schools is
 * no figure a bureau prints. Rounded toward the side the actual stands on, so the two never read
 * against the verdict: behind (7 against 7.2) prints 7 against 8; ahead or level (8 against 7.2, or 7
 * against 7.2 when fewer is better) prints against 7. Other units keep their value.
 */
export function shownExpected(unit: IndicatorLine["unit"], actual: number | null, expected: number | null): number | null {
  if (expected === null || (unit !== "count" && unit !== "persons")) return expected;
  // Binary noise (7.000000000001) is no fraction to round up.
  const e = Number(expected.toPrecision(12));
  if (actual === null) return Math.round(e);
  return actual < e ? Math.ceil(e) : Math.floor(e);
}

/**
 * A gap as a plain number with its unit in words: percentage points for shares (0.0066 → 0.66 个百分点),
 * no ":1" for ratios (a difference of ratios is no ratio); other units in their own format.
 */
function gapCell(l: IndicatorLine, lang: "zh" | "en"): { value: Cell; format: string } {
  if (l.gap === null) return { value: "", format: "General" };
  if (l.unit === "percent") return { value: Number((l.gap * 100).toPrecision(12)), format: lang === "zh" ? '0.00" 个百分点"' : '0.00" pp"' };
  if (l.unit === "ratio") return { value: l.gap, format: "0.00" };
  return { value: l.gap, format: format(l.unit) };
}

export type StatusLine = { status: Status; exceeded?: boolean; blankYear?: number | null };

/**
 * A status in its colours. A label with its mark (超额, the blank year) takes a second line, in a row
 * two lines high: a fixed row height would cut the mark off in print.
 */
export function statusCell(line: StatusLine, r: number, c: number, lang: "zh" | "en", blocks: Block[], rowHeights: ReportSheet["rowHeights"]): void {
  const s = line.status;
  const text = statusText(line, lang);
  const marked = text.length > statusLabels[s][lang].length;
  blocks.push({ row: r, col: c, values: [[text]], fill: STATUS_COLORS[s].fill, fontColor: STATUS_COLORS[s].font, ...(marked ? { wrap: true } : {}) });
  if (marked) rowHeights.push({ row: r, points: 2 * LINE });
}

/** The annual report as printed: its layout over pages of its own (see paginate). */
export function reportSheet(model: ReportModel): ReportSheet {
  const { pages, ...sheet } = paginate(reportLayout(model), 13, 2);
  // Numbered within this report: the footer counts its own pages, not the workbook's.
  return { ...sheet, print: { ...sheet.print, footer: pick(reportText.footer(pages), model.language) } };
}

/** The annual report's rows, columns and formats, before it is cut into pages (no heading repeated, no footer). */
export function reportLayout(model: ReportModel): ReportSheet {
  const lang = model.language;
  const blocks: Block[] = [];
  const bars: ReportSheet["bars"] = [];
  let row = 0;
  const breaks: number[] = [];
  const rowHeights: ReportSheet["rowHeights"] = [];
  const section = (title: string, newPage = false) => {
    row++;
    if (newPage) breaks.push(row);
    blocks.push({ row, col: 0, values: [[title]], bold: true, fontColor: SECTION_COLOR, size: 12 });
    row++;
  };
  const header = (cells: readonly string[]) => {
    blocks.push({ row, col: 0, values: [[...cells]], bold: true, fill: HEADER_FILL, wrap: true });
    rowHeights.push({ row, points: headerHeight(cells, WIDTHS) });
    row++;
  };
  const status = (line: StatusLine, r: number, c: number) => statusCell(line, r, c, lang, blocks, rowHeights);
  const merges: ReportSheet["merges"] = [];
  /**
   * A text over columns from..to, wrapped: merged across them (one column: in its own cell) when it is
   * longer than they are wide, its row as high as its lines. Text run on into empty cells is cut by
   * the next cell that holds a value.
   */
  const fitText = (r: number, from: number, to: number, text: string, extra: Partial<Block> = {}) => {
    const width = WIDTHS.slice(from, to + 1).reduce((a, b) => a + b, 0);
    const points = paragraphHeight(text, width);
    blocks.push({ row: r, col: from, values: [[text]], ...extra, ...(points > LINE ? { wrap: true } : {}) });
    if (points <= LINE) return;
    if (to > from) merges.push({ address: rangeAddress(from, r, to - from + 1, 1), rowHeight: points });
    else rowHeights.push({ row: r, points });
  };

  titleBlock(model.title, WIDTHS.slice(0, 13), blocks, merges);
  blocks.push({
    row: 1,
    col: 0,
    values: [[pick(reportText.headerLine(model.completeness, model.year), lang)]],
  });
  row = 3;

  // 综述: the summary paragraphs, each merged across the table's width (columns A–M) and wrapped.
  section(pick(reportText.overview, lang));
  const width = WIDTHS.slice(0, 13).reduce((a, b) => a + b, 0);
  for (const paragraph of model.summary) {
    blocks.push({ row, col: 0, values: [[paragraph]], wrap: true });
    merges.push({ address: rangeAddress(0, row, 13, 1), rowHeight: paragraphHeight(paragraph, width) });
    row++;
  }

  // 1. Summary: counts per status, per group and overall.
  section(pick(reportText.summary, lang));
  // Reached late is a task's verdict after its own deadline; indicators fall due in the target year,
  // so its column appears only where it counts something.
  const order = STATUSES.filter((s) => s !== "reachedLate" || model.overall.reachedLate > 0 || model.groups.some((g) => g.counts.reachedLate > 0));
  header([pick(reportText.group, lang), ...order.map((s) => statusLabels[s][lang]), pick(reportText.total, lang)]);
  const countRow = (name: string, counts: Record<Status, number>) => [name, ...order.map((s) => counts[s]), order.reduce((n, s) => n + counts[s], 0)];
  const summaryRows = [...model.groups.map((g) => countRow(g.name, g.counts)), countRow(pick(reportText.total, lang), model.overall)];
  blocks.push({ row, col: 0, values: summaryRows });
  blocks.push({ row: row + summaryRows.length - 1, col: 0, values: [summaryRows[summaryRows.length - 1]!], bold: true });
  row += summaryRows.length;

  // Data problems come before any figure: the rows they touch carry no verdict.
  section(pick(reportText.problems, lang));
  if (model.problems.length === 0) {
    blocks.push({ row, col: 0, values: [[pick(reportText.noProblems, lang)]] });
    row++;
  } else {
    const [sheetH, cellH, keyH, problemH] = reportText.problemHeaders[lang];
    header([sheetH!, cellH!, keyH!, problemH!]);
    for (const p of model.problems) {
      blocks.push({ row, col: 0, values: [[p.sheet, p.address, p.key]], numberFormats: [["@", "@", "@"]] });
      fitText(row, 3, 12, p.message, { numberFormats: [["@"]] });
      row++;
    }
  }

  // 2. Indicators, with completion as in-cell bars next to the elapsed share of the period.
  section(pick(reportText.indicators, lang), true);
  // The actual column says so when the report's year is an estimate (§7a.6).
  const markText = markSuffix(model.marks?.[model.year], lang);
  header(reportText.indicatorHeaders[lang].map((h, i) => (i === 6 ? `${h}${markText}` : h)));
  const first = row;
  model.indicators.forEach((l, i) => {
    const f = format(l.unit);
    const expected = shownExpected(l.unit, l.actual, l.expected);
    const near = distinguishingFormat(l.unit, l.actual, expected);
    const gap = gapCell(l, lang);
    blocks.push({ row: first + i, col: 0, values: [[l.id, l.group]], numberFormats: [["@", "@"]] });
    fitText(first + i, 2, 2, l.name, { numberFormats: [["@"]] });
    blocks.push({
      row: first + i,
      col: 3,
      values: [[l.stage, l.baseline, l.target, l.actual, expected, l.completion, l.elapsed, gap.value]],
      numberFormats: [["@", f, f, near, near, PERCENT, PERCENT, gap.format]],
    });
    status(l, first + i, 11);
    fitText(first + i, 12, 12, l.note);
  });
  const n = model.indicators.length;
  if (n > 0) {
    bars.push({ address: rangeAddress(8, first, 1, n), color: "#5B9BD5" });
    bars.push({ address: rangeAddress(9, first, 1, n), color: "#A5A5A5" });
  }
  // The chart's data: one block beside the table (ID, completion, elapsed) for indicators with data.
  const charted = model.indicators.filter((l) => l.completion !== null);
  let chart: ReportSheet["chart"] = null;
  if (charted.length) {
    const c = 14;
    blocks.push({ row: first - 1, col: c, values: [[...reportText.chartHeaders[lang]]], bold: true, fill: HEADER_FILL });
    blocks.push({
      row: first,
      col: c,
      values: charted.map((l) => [l.id, l.completion, l.elapsed]),
      numberFormats: charted.map(() => ["@", PERCENT, PERCENT]),
    });
  }
  row = first + n;
  // The chart prints in the flow, below the table across the page's width; its data stays beside the
  // table, outside the print area.
  if (charted.length) {
    const c = 14;
    const height = Math.max(16, Math.ceil(charted.length * 1.3));
    row++;
    breaks.push(row); // the chart starts a page: never cut across two
    chart = {
      title: pick(reportText.chartTitle, lang),
      dataAddress: rangeAddress(c, first - 1, 3, charted.length + 1),
      anchor: cellAddress(0, row),
      bottomRight: cellAddress(13, row + height),
    };
    // The rows the chart covers hold a blank cell, so the printed area reaches past the chart.
    blocks.push({ row: row + height, col: 0, values: [[""]] });
    row += height + 1;
  }

  // 3. Misses, worst first; figures under the same columns as the indicator table. A list too long to
  // finish on the page it starts on begins a page of its own, and every page after it repeats the headings.
  section(pick(reportText.misses, lang), model.misses.length > MISSES_ON_A_SHARED_PAGE);
  if (model.misses.length === 0) {
    blocks.push({ row, col: 0, values: [[pick(flagText.noMisses, lang)]] });
    row++;
  } else {
    const [id, name, st, actual, expected, gap, completion, elapsed] = reportText.missHeaders[lang];
    const missHeader = [id!, st!, name!, "", "", "", actual!, expected!, completion!, elapsed!, gap!];
    header(missHeader);
    model.misses.forEach((l) => {
      const expected = shownExpected(l.unit, l.actual, l.expected);
      const f = distinguishingFormat(l.unit, l.actual, expected);
      blocks.push({ row, col: 0, values: [[l.id]] });
      status(l, row, 1);
      fitText(row, 2, 5, l.name);
      const gap = gapCell(l, lang);
      blocks.push({ row, col: 6, values: [[l.actual, expected, l.completion, l.elapsed, gap.value]], numberFormats: [[f, f, PERCENT, PERCENT, gap.format]] });
      row++;
    });
  }

  // 4. School resource allocation, per stage: labels in the wide column C, figures from E.
  section(pick(reportText.balance, lang), true);
  blocks.push({ row, col: 0, values: [[pick(reportText.schoolYear(model.schoolYear, model.year), lang)]], ...(model.schoolYear === model.year ? {} : { fontColor: "#9C0006" }) });
  row += 2;
  for (const stage of model.balance) {
    blocks.push({ row, col: 0, values: [[`${pick(labels.stage[stage.stage], lang)}${pick(reportText.schools(stage.schools), lang)}`]], bold: true });
    row++;
    const national = stage.stage === "primary" ? 0.5 : 0.45;
    const plan = stage.planBound ? { strict: stage.planBound.comparator === "<", value: stage.planBound.value } : null;
    const [label, coefficient, nationalHeader, planHeader] = reportText.balanceHeaders(national, plan).map((h) => pick(h, lang));
    blocks.push({ row, col: 2, values: [[label!, "", coefficient!, nationalHeader!, planHeader!]], bold: true, fill: HEADER_FILL, wrap: true });
    row++;
    // 达标 / 未达标 for the national standard only; the plan's own bound is a target and takes the
    // verdict words of §7 (§7a.10).
    const verdict = (ok: boolean | null) => (ok === null ? "" : pick(ok ? STANDARD_LABELS.pass : STANDARD_LABELS.fail, lang));
    const target = (s: Status | null | undefined) => (s ? statusLabels[s][lang] : "");
    const meets = (v: number | null, bound: number, strict: boolean) => (v === null ? null : strict ? v < bound : v <= bound);
    const line = (text: string, value: Cell, nationalOk: boolean | null, planStatus: Status | null | undefined, fmt = "0.000", bold = false) => {
      fitText(row, 2, 3, text, { bold });
      blocks.push({ row, col: 4, values: [[value, verdict(nationalOk), typeof value === "number" ? target(planStatus) : ""]], numberFormats: [[fmt, "@", "@"]], bold });
      row++;
    };
    stage.rows.forEach((r, k) => line(r.label, r.cv ?? r.error ?? "", r.national, stage.planStatus?.rows[k]));
    line(pick(reportText.maxOfSeven, lang), stage.max, meets(stage.max, national, false), stage.planStatus?.max, "0.000", true);
    line(pick(layoutText.meanOfSeven, lang), stage.mean, null, stage.planStatus?.mean);
    line(pick(layoutText.classShare, lang), stage.classShare, null, null, "0.00%");
    // How many schools the 2017 rule judged, how many fail (listed below), how many it could not judge.
    const clause = reportText.schoolRule(stage.schools, stage.failing.length, stage.incomplete ?? 0)[lang];
    const end = stage.failing.length ? (lang === "zh" ? "：" : ":") : lang === "zh" ? "。" : ".";
    blocks.push({ row, col: 2, values: [[`${clause.charAt(0).toUpperCase()}${clause.slice(1)}${end}`]] });
    row++;
    if (stage.failing.length) {
      const [school, met, missed] = reportText.failingHeaders[lang];
      blocks.push({ row, col: 2, values: [[school!, "", met!, missed!]], bold: true, fill: HEADER_FILL, wrap: true });
      row++;
      for (const f of stage.failing) {
        blocks.push({ row, col: 2, values: [[f.school, "", f.met, f.missed.join("、")]] });
        row++;
      }
    }
    row++;
  }

  // Recorded values that the same year's schools data contradicts.
  for (const c of model.recorded) {
    blocks.push({ row, col: 2, values: [[pick(reportText.recordedMismatch(c.id, c.address), lang), "", c.recorded, c.computed]], numberFormats: [["@", "@", "0.000", "0.000"]], fill: STATUS_COLORS.behind.fill });
    row++;
  }
  if (model.recorded.length) row++;

  // 5. Contradictions within the plan.
  section(pick(reportText.contradictions, lang));
  // Numbered, not by their internal codes; each text wrapped over columns C–M, as high as it needs.
  const across = WIDTHS.slice(2, 13).reduce((a, b) => a + b, 0);
  // A heading is never left empty.
  if (!model.contradictions.length) {
    blocks.push({ row, col: 0, values: [[pick(reportText.noContradictions, lang)]] });
    row++;
  }
  model.contradictions.forEach((c, k) => {
    blocks.push({ row, col: 0, values: [[`${k + 1}`]], numberFormats: [["@"]], wrap: true }); // wrapped: at the top, beside its text
    blocks.push({ row, col: 2, values: [[c.summary]], wrap: true });
    merges.push({ address: rangeAddress(2, row, 11, 1), rowHeight: paragraphHeight(c.summary, across) });
    row++;
  });

  // 6. Task targets: completion as in-cell bars too.
  section(pick(reportText.tasks, lang), true);
  const [tid, task, target, achieved, rate, basis] = reportText.taskHeaders[lang];
  const taskHeader = [tid!, basis!, task!, "", "", "", target!, achieved!, rate!, reportText.taskHeaders[lang][6]!];
  header(taskHeader);
  const firstTask = row;
  model.tasks.forEach((t) => {
    const f = t.unit === "percent" ? "0.00%" : "#,##0.##";
    blocks.push({ row, col: 0, values: [[t.id, t.basis ? pick(BASIS_LABELS[t.basis], lang) : ""]] });
    fitText(row, 2, 5, t.name);
    blocks.push({ row, col: 6, values: [[typeof t.target === "string" ? printedText(t.target) : t.target, t.actual, t.completion]], numberFormats: [["@", f, PERCENT]] });
    status(t, row, 9);
    const remark = taskRemark(model.building, t.id, lang);
    if (remark) blocks.push({ row, col: 10, values: [[remark]], fontColor: "#9C5700" });
    row++;
  });
  if (model.tasks.length) bars.push({ address: rangeAddress(8, firstTask, 1, row - firstTask), color: "#70AD47" });

  // 7. Milestones without a figure: state and verdict.
  if (model.milestones.length) {
    section(pick(reportText.milestones, lang));
    const [mid, mname, planned, state, done] = reportText.milestoneHeaders[lang];
    header([mid!, "", mname!, "", "", "", planned!, state!, done!, reportText.taskHeaders[lang][6]!]);
    for (const m of model.milestones) {
      blocks.push({ row, col: 0, values: [[m.id]] });
      fitText(row, 2, 5, m.name);
      // The state as it stood in the report's year, in the report's language; text that is no state as typed.
      const state = m.stateAsOf ? MILESTONE_STATE_LABELS[m.stateAsOf][lang] : m.target;
      // The year done beside the planned one, once done by the report's year (§7a.7).
      blocks.push({ row, col: 6, values: [[m.deadline, state, m.stateAsOf === "done" ? (m.firstReached ?? "") : ""]], numberFormats: [["0", "@", "0"]] });
      status(m, row, 9);
      row++;
    }
    // A reviewer's cross-checks: done, while the indicators it rests on fall short that year.
    for (const text of model.crossChecks) {
      blocks.push({ row, col: 0, values: [[text]], wrap: true, fontColor: "#9C0006" });
      merges.push({ address: rangeAddress(0, row, 13, 1), rowHeight: paragraphHeight(text, width) });
      row++;
    }
  }

  row = fundingSection(model, blocks, row, (t) => section(t, true), pick(reportText.funding, lang));
  row = buildingSection(model, blocks, row, (t) => section(t, true), pick(reportText.building, lang));

  // How this sheet came about, last, in grey and below the print area: when, which template, values only.
  const printed = lastRow(blocks) + 1;
  blocks.push({ row: printed + 1, col: 0, values: [[pick(reportText.toolLine(model.generatedAt, model.templateVersion), lang)]], fontColor: "#595959" });
  blocks.push({ row: printed + 2, col: 0, values: [[pick(reportText.valuesNote, lang)]], fontColor: "#595959" });

  const widths = wholeWords(blocks, WIDTHS, 13, merges);
  const ids = wrapLongIds(alignHeaders(blocks), widths, fitHeadingRows(blocks, widths, rowHeights, merges));
  return {
    name: model.sheetName,
    widths,
    breaks,
    ...wrapCutTexts(ids.blocks, widths, 13, ids.rowHeights, merges),
    bars,
    chart,
    // The report proper is columns A–M; the chart's helper data beside it stays out of print.
    print: { titleRows: "$1:$2", header: model.planName, footer: "", printArea: rangeAddress(0, 0, 13, printed), gridlines: false },
  };
}

export type Section = (title: string) => void;

/**
 * A report's title in row 1 (printed on every page), 14 pt bold, wrapped over the printed width: an
 * English title runs past the page's edge on one line.
 */
export function titleBlock(title: string, widths: readonly number[], blocks: Block[], merges: ReportSheet["merges"]): void {
  const width = widths.reduce((a, b) => a + b, 0);
  // 14 pt type takes 14/11 of the units 11 pt does; a 14 pt line about 21 pt.
  const lines = lineCount(title, (width * 0.95 * 11) / 14);
  blocks.push({ row: 0, col: 0, values: [[title]], bold: true, size: 14, ...(lines > 1 ? { wrap: true } : {}) });
  if (lines > 1) merges.push({ address: rangeAddress(0, 0, widths.length, 1), rowHeight: lines * 21 });
}

/** Display units of a text: a CJK character (from U+2E80, the CJK radicals, on) is about two. */
export const textUnits = (text: string) => [...text].reduce((n, ch) => n + (ch.charCodeAt(0) >= 0x2e80 ? 2 : 1), 0);

/**
 * Points a wrapped line of 11 pt text takes: 等线 sets it in about 14.3, its usual substitutes (Noto
 * Sans CJK, Source Han Sans) in 16. The larger, so no last line is cut.
 */
export const LINE = 16;

/** Punctuation a line may not start with, and brackets it may not end with (the CJK line-breaking rules every viewer applies). */
const NO_START = new Set([..."）」』】〉》，。、；：！？%…—)]}.,;:!?"]);
const NO_END = new Set([..."（「『【〈《“‘([{"]);

/**
 * Lines a text wraps to in `capacity` display units, filled as the viewers fill them: a CJK
 * character may end any line, a Latin word stays whole unless longer than a line (then it is cut at
 * the edge), a closing mark never starts a line (the character before it goes down with it) and an
 * opening bracket never ends one. Line breaks in the text start new lines.
 */
export function lineCount(text: string, capacity: number): number {
  const room = Math.max(1, capacity);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    // Tokens: one CJK character, a run of Latin letters and digits with what clings to it, a space.
    const tokens = paragraph.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+|\s/g) ?? [];
    let line: string[] = [];
    let used = 0;
    lines++;
    for (const token of tokens) {
      let w = textUnits(token);
      if (used + w > room && used > 0 && token.trim()) {
        // Break before this token; keep the rules at the break.
        const carry: string[] = [];
        if (NO_START.has(token[0]!) && line.length > 1) carry.unshift(line.pop()!);
        while (line.length > 1 && NO_END.has(line[line.length - 1]!.slice(-1))) carry.unshift(line.pop()!);
        lines++;
        line = carry;
        used = carry.reduce((n, t) => n + textUnits(t), 0);
      }
      // A word longer than a line is cut at the edge.
      while (w > room) {
        lines++;
        w -= room;
      }
      line.push(token);
      used += w;
    }
  }
  return lines;
}

/** A wrapped text's row height over `width` characters: 95 % of it usable, LINE points a line. */
export function paragraphHeight(text: string, width: number): number {
  return lineCount(text, width * 0.95) * LINE;
}

/** A wrapped header row's height: as many lines as its longest cell needs in its column (a character's width kept free). */
export function headerHeight(cells: readonly string[], widths: readonly number[]): number {
  const lines = cells.map((c, i) => (c ? lineCount(c, (widths[i] ?? 10) - 1) : 1));
  return Math.max(1, ...lines) * LINE;
}

function verdictBlock(v: FundingVerdict, row: number, col: number, lang: Language): Block {
  return { row, col, values: [[FUNDING_LABELS[v][lang]]], fill: FUNDING_COLORS[v].fill, fontColor: FUNDING_COLORS[v].font };
}

/** 教育经费: every check of every year so far, with the growth rates (or pay levels) it compares. */
export function fundingSection(model: Pick<ReportModel, "language" | "funding">, blocks: Block[], start: number, section: Section, title: string): number {
  const lang = model.language;
  const funding = model.funding;
  if (!funding) return start;
  section(title);
  // The section title is the last block written; the section goes on below it.
  let row = lastRow(blocks) + 1;
  if (!funding.checks.length) {
    blocks.push({ row, col: 0, values: [[pick(reportText.noFunding, lang)]] });
    return row + 1;
  }
  blocks.push({ row, col: 0, values: [[pick(reportText.fundingCounts(funding.counts), lang)]] });
  row++;
  const [yearH, groupH, checkH, verdictH, figuresH] = reportText.fundingHeaders[lang];
  const header = () => {
    blocks.push({ row, col: 0, values: [[yearH!, groupH!, checkH!, verdictH!, figuresH!]], bold: true, fill: HEADER_FILL, wrap: true });
    row++;
  };
  header();
  const group = (id: FundingCheck["check"]) =>
    pick(id === "budget" || id === "perStudent" ? fundingText.groups.twoNoFalls : id === "payParity" ? fundingText.groups.pay : fundingText.groups.threeGrowths, lang);
  const figure = (c: Compared) =>
    c.value === null ? "—" : c.kind === "growth" ? `${c.value >= 0 ? "+" : ""}${(c.value * 100).toFixed(2)}%` : grouped(c.value);
  funding.checks.forEach((c) => {
    const figures = c.compared.map((x) => `${pick(x.label, lang)} ${figure(x)}`).join(lang === "zh" ? "；" : "; ");
    blocks.push({ row, col: 0, values: [[c.year, group(c.check), pick(fundingText.checks[c.check], lang)]], numberFormats: [["0", "@", "@"]] });
    blocks.push(verdictBlock(c.verdict, row, 3, lang));
    blocks.push({ row, col: 4, values: [[figures]], numberFormats: [["@"]] });
    row++;
  });
  return row;
}

/** 学校建设: the roll-up against the plan's parts, the printed total beside it, and late projects. */
export function buildingSection(model: Pick<ReportModel, "language" | "building">, blocks: Block[], start: number, section: Section, title: string): number {
  const lang = model.language;
  const b = model.building;
  if (!b) return start;
  section(title);
  let row = lastRow(blocks) + 1;
  if (!b.projects.length && !b.problems.length) {
    blocks.push({ row, col: 0, values: [[pick(reportText.emptyLedger, lang)]] });
    row++;
  }
  if (b.problems.length) {
    blocks.push({ row, col: 0, values: [[pick(reportText.ledgerProblems(b.problems.length), lang)]], fill: FUNDING_COLORS.invalid.fill });
    row++;
  }
  blocks.push({ row, col: 2, values: [[...reportText.buildHeaders[lang]]], bold: true, fill: HEADER_FILL, wrap: true });
  row++;
  for (const p of [...b.rollup.parts, b.rollup.sum, b.rollup.total]) {
    const total = p.id === "BLD-TOTAL";
    const split = total ? "—" : `${p.plan.newSchools}+${p.plan.expanded}`;
    blocks.push({
      row,
      col: 2,
      values: [[pick(p.names, lang), split, p.plan.projects, p.plan.places, p.ledger.projects, `${p.underWayNew}+${p.underWayExpanded}`, total ? "—" : p.counted, p.delivered, p.late, p.finishedLate]],
      numberFormats: [["@", "@", "#,##0", "#,##0", "#,##0", "@", total ? "@" : "#,##0", "#,##0", "#,##0", "#,##0"]],
      bold: p.id === "BLD-SUM" || total,
    });
    row++;
  }
  blocks.push({ row, col: 2, values: [[pick(reportText.splitNote, lang)]], fontColor: "#595959" });
  row++;
  if (b.contradiction) {
    blocks.push({ row, col: 2, values: [[pick(b.contradiction.summary, lang)]], fontColor: "#9C5700" });
    row++;
  }
  const lateOnes = [...b.late.map((p) => ({ p, kind: "late" as const })), ...b.finishedLate.map((p) => ({ p, kind: "finishedLate" as const }))];
  blocks.push({ row, col: 2, values: [[pick(lateOnes.length ? reportText.lateProjects : reportText.noLateProjects, lang)]], bold: lateOnes.length > 0 });
  row++;
  if (lateOnes.length) {
    blocks.push({ row, col: 2, values: [[...reportText.lateHeaders[lang]]], bold: true, fill: HEADER_FILL, wrap: true });
    row++;
    for (const { p, kind } of lateOnes) {
      blocks.push({
        row,
        col: 2,
        values: [[p.name, pick(SCHOOL_STAGE_LABELS[p.stage], lang), p.planned ?? "", p.actual ?? "", pick(PROJECT_STATE_LABELS[p.state], lang), pick(reportText.lateKinds[kind], lang)]],
        numberFormats: [["@", "@", "0", "0", "@", "@"]],
      });
      row++;
    }
  }
  return row;
}

/** Beside the programme total's verdict, where the plan's parts add up to another figure (domain notes §9). */
export function taskRemark(building: BuildingAssessment | null | undefined, id: string, lang: Language): string {
  const r = building?.rollup;
  if (!r || r.total.projectsTask !== id || r.sum.plan.projects === r.total.plan.projects) return "";
  return pick(reportText.partsSum(r.sum.plan.projects), lang);
}

/** An ID as the plan writes them: capitals, digits and hyphens (LOC-04-PRI, T-BLD-KG-PLACES). */
const ID_SHAPE = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$/;

/**
 * IDs are never cut: one longer than the ID column wraps at its hyphens in its own cell (the rest of
 * its row as it was), and the row is as high as those lines need.
 */
export function wrapLongIds(blocks: readonly Block[], widths: readonly number[], rowHeights: ReportSheet["rowHeights"]): { blocks: Block[]; rowHeights: ReportSheet["rowHeights"] } {
  const heights = [...rowHeights];
  const out: Block[] = [];
  // Capitals are wider than the digits a column's width counts: up to 1.25 of them each (UNLICENSED
  // takes a line of its own in a 12-character column, and more than one in an 11).
  const room = Math.max(1, (widths[0]! - 1) / 1.25);
  for (const b of blocks) {
    const id = b.values[0]?.[0];
    if (b.col !== 0 || b.values.length !== 1 || typeof id !== "string" || !ID_SHAPE.test(id) || textUnits(id) <= room) {
      out.push(b);
      continue;
    }
    // Lines as the hyphens break it: parts joined while they fit.
    let lines = 1;
    let width = 0;
    for (const part of id.split(/(?<=-)/)) {
      if (width > 0 && width + part.length > room) {
        lines++;
        width = 0;
      }
      width += part.length;
      // A part longer than the column (CALLIGRAPHY) is cut at the edge, over as many lines as it needs.
      while (width > room) {
        lines++;
        width -= room;
      }
    }
    const [first, ...rest] = b.values[0]!;
    out.push({ ...b, values: [[first!]], numberFormats: b.numberFormats ? [[b.numberFormats[0]![0]!]] : undefined, wrap: true, align: undefined });
    if (rest.length) out.push({ ...b, col: 1, values: [rest], numberFormats: b.numberFormats ? [b.numberFormats[0]!.slice(1)] : undefined, align: undefined });
    const points = lines * LINE;
    const at = heights.findIndex((h) => h.row === b.row);
    if (at < 0) heights.push({ row: b.row, points });
    else if (heights[at]!.points < points) heights[at] = { row: b.row, points };
  }
  return { blocks: out, rowHeights: heights };
}

/**
 * Columns wide enough that no word is split: a viewer wraps a Latin word longer than its column
 * mid-word ("Regressi / ng"). Each printed column takes the width its longest word needs (letters
 * about 1.1 digit widths, and a character's margin) in the cells that must wrap within it — heading
 * cells, and text with a value in the next cell (not merged across columns; text with empty cells
 * beside it runs on into them) — up to half as wide again as it was. IDs break at their hyphens
 * (wrapLongIds); Chinese text breaks anywhere and changes nothing.
 */
export function wholeWords(blocks: readonly Block[], widths: readonly number[], printedCols: number, merges: ReportSheet["merges"]): number[] {
  const out = [...widths];
  const spanning = new Set(
    merges.flatMap((m) => {
      const r = parseRange(m.address);
      return r.toCol > r.col ? [`${r.row},${r.col}`] : [];
    }),
  );
  const filled = new Set<string>();
  for (const b of blocks) b.values.forEach((line, i) => line.forEach((v, j) => v !== "" && v !== null && v !== undefined && filled.add(`${b.row + i},${b.col + j}`)));
  for (const b of blocks) {
    const heading = b.bold === true && b.fill === HEADER_FILL;
    b.values.forEach((line, i) =>
      line.forEach((v, j) => {
        const c = b.col + j;
        if (typeof v !== "string" || c >= printedCols || spanning.has(`${b.row + i},${c}`) || ID_SHAPE.test(v)) return;
        if (!heading && !filled.has(`${b.row + i},${c + 1}`)) return;
        for (const word of v.match(/[^\s\u2e80-\uffff]*[A-Za-z][^\s\u2e80-\uffff]*/g) ?? []) {
          if (ID_SHAPE.test(word)) continue;
          const need = Math.ceil(word.length * 1.1) + 1;
          out[c] = Math.max(out[c]!, Math.min(need, Math.ceil(widths[c]! * 1.5)));
        }
      }),
    );
  }
  return out;
}

/**
 * No text is cut by its neighbour. A text cell longer than its column and the empty cells to its
 * right (up to the next cell holding a value, or the print edge) wraps in that space — merged across
 * the empty cells, or in its own cell when the next one holds a value — and its row is made as high
 * as its lines. Heading rows (fitHeadingRows), IDs (wrapLongIds) and cells already wrapped or
 * merged have their own rules.
 */
export function wrapCutTexts(
  blocks: readonly Block[],
  widths: readonly number[],
  printedCols: number,
  rowHeights: ReportSheet["rowHeights"],
  merges: ReportSheet["merges"],
): { blocks: Block[]; rowHeights: ReportSheet["rowHeights"]; merges: ReportSheet["merges"] } {
  const filled = new Map<string, Cell>();
  for (const b of blocks) b.values.forEach((line, i) => line.forEach((v, j) => filled.set(`${b.row + i},${b.col + j}`, v)));
  const covered = new Set<string>();
  for (const m of merges) {
    const r = parseRange(m.address);
    for (let c = r.col; c <= r.toCol; c++) covered.add(`${r.row},${c}`);
  }
  const empty = (r: number, c: number) => {
    const v = filled.get(`${r},${c}`);
    return !covered.has(`${r},${c}`) && (v === undefined || v === null || v === "");
  };
  const out = [...blocks];
  const heights = [...rowHeights];
  const added: ReportSheet["merges"] = [];
  const done = new Set<string>();
  for (const b of blocks) {
    if (b.wrap || (b.bold && b.fill === HEADER_FILL)) continue;
    b.values.forEach((line, i) =>
      line.forEach((v, j) => {
        const r = b.row + i;
        const c = b.col + j;
        const key = `${r},${c}`;
        // The cell as finally written (a later block may cover it), once.
        if (typeof v !== "string" || !v || c >= printedCols || covered.has(key) || done.has(key) || filled.get(key) !== v || (c === 0 && ID_SHAPE.test(v))) return;
        done.add(key);
        let k = c + 1;
        while (k < printedCols && empty(r, k)) k++;
        const span = widths.slice(c, k).reduce((a, w) => a + w, 0);
        if (lineCount(v, span - 1) === 1) return;
        out.push({ row: r, col: c, values: [[v]], bold: b.bold, fill: b.fill, fontColor: b.fontColor, size: b.size, wrap: true, ...(b.numberFormats ? { numberFormats: [[b.numberFormats[i]?.[j] ?? "@"]] } : {}) });
        const points = paragraphHeight(v, span);
        if (k - 1 > c) {
          added.push({ address: rangeAddress(c, r, k - c, 1), rowHeight: points });
          for (let x = c; x < k; x++) covered.add(`${r},${x}`);
        } else heights.push({ row: r, points });
      }),
    );
  }
  return { blocks: out, rowHeights: heights, merges: [...merges, ...added] };
}

/**
 * Every wrapped heading row as high as its longest heading needs in its column (exceljs and the
 * Office.js writer do not fit row heights; LibreOffice prints a too-low row cut off). Rows given a
 * height already keep the larger of the two.
 */
export function fitHeadingRows(blocks: readonly Block[], widths: readonly number[], rowHeights: ReportSheet["rowHeights"], merges: ReportSheet["merges"] = []): ReportSheet["rowHeights"] {
  const out = [...rowHeights];
  // A row with a merged cell has its height from the merge (measured over the merged width).
  const merged = new Set(merges.map((m) => Number(/\d+/.exec(m.address)![0]) - 1));
  for (const b of blocks) {
    if (!(b.bold === true && b.fill === HEADER_FILL && b.wrap === true && b.values.length === 1) || merged.has(b.row)) continue;
    const points = headerHeight(b.values[0]!.map((c) => String(c ?? "")), widths.slice(b.col));
    const at = out.findIndex((h) => h.row === b.row);
    if (at < 0) out.push({ row: b.row, points });
    else if (out[at]!.points < points) out[at] = { row: b.row, points };
  }
  return out;
}

/**
 * A table's headings stand over their column's content: numbers right, text left. A heading row is a
 * bold block on the header fill; the column under each heading is read down to the next heading row
 * or the first empty row, and a heading goes right where that column holds more numbers than text
 * (a text set right, like a target printed beside the year's figure, counts as a number).
 */
export function alignHeaders(blocks: Block[]): Block[] {
  const cells = new Map<string, Cell>();
  const rows = new Set<number>();
  for (const b of blocks) {
    b.values.forEach((line, i) => {
      rows.add(b.row + i);
      line.forEach((v, j) => cells.set(`${b.row + i},${b.col + j}`, b.align?.[j] === "right" && v !== "" && v !== null ? 0 : v));
    });
  }
  const isHeader = (b: Block) => b.bold === true && b.fill === HEADER_FILL && b.values.length === 1;
  const headerRows = new Set(blocks.filter(isHeader).map((b) => b.row));
  return blocks.map((b) => {
    if (!isHeader(b)) return b;
    const align = b.values[0]!.map((_, j) => {
      const col = b.col + j;
      let numbers = 0;
      let texts = 0;
      for (let r = b.row + 1; rows.has(r) && !headerRows.has(r); r++) {
        const v = cells.get(`${r},${col}`);
        if (typeof v === "number") numbers++;
        else if (v !== undefined && v !== null && v !== "") texts++;
      }
      return numbers > 0 && numbers >= texts ? ("right" as const) : undefined;
    });
    return align.some(Boolean) ? { ...b, align } : b;
  });
}

export function lastRow(blocks: Block[]): number {
  return blocks.reduce((m, b) => Math.max(m, b.row + b.values.length - 1), 0);
}
