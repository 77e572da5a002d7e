/**
 * The final evaluation laid out as a sheet (values only), drawn by both writers like the annual
 * report: the period's values year by year with a trend drawn in the cell (a bar string: Excel
 * sparklines cannot be written through Office.js, and a string reads the same in every host).
 */
import { pick } from "../i18n";
import { STATUS_COLORS, STATUS_LABELS, isReached, type Status } from "../calc/status";
import { MILESTONE_STATE_LABELS, stateFromText } from "../calc/milestone";
import { meets } from "../calc/compare";
import { readTarget } from "../calc/target";
import { UNIT_FORMATS } from "../workbook/layout";
import { rangeAddress } from "../workbook/a1";
import type { Cell } from "../workbook/model";
import { LINE, alignHeaders, titleBlock, wholeWords, wrapCutTexts, paragraphHeight, buildingSection, fitHeadingRows, wrapLongIds, fundingSection, headerHeight, lastRow, statusCell, taskRemark, type Block, type ReportSheet, type StatusLine } from "./sheet";
import { COLORS } from "../workbook/model";
import { printedText } from "../format";
import { ATTRIBUTE_LABELS } from "../workbook/definition";
import { fundingTotalLine, nextPlanName } from "./narrative";
import { finalText, reportText } from "./text";
import type { FinalLine, FinalModel } from "./final";
import { HEADER_FILL, paginate } from "./paginate";

const SECTION_COLOR = "#1F4E78";
const BARS = "▁▂▃▄▅▆▇█";

/** Values as a bar string, lowest to highest over the row's own range; a gap is a space. */
export function trend(values: ReadonlyArray<number | null>): string {
  const finite = (v: number | null): v is number => Number.isFinite(v);
  const xs = values.filter(finite);
  if (!xs.length) return "";
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return values.map((v) => (!finite(v) ? " " : hi === lo ? BARS[3]! : BARS[Math.round(((v - lo) / (hi - lo)) * (BARS.length - 1))]!)).join("");
}

/** A baseline as a number: typed as one, or written as text the target reader reads ("90%"). */
const numeric = (c: Cell): number | null => {
  const t = readTarget(c);
  return t.ok ? t.value.value : null;
};

/** A figure as is; a text (a target or baseline as the plan prints it) in one percent style. */
const shown = (c: Cell | undefined): Cell => (typeof c === "string" ? printedText(c) : (c ?? ""));

/** The final evaluation as printed: its layout over pages of its own (see paginate). */
export function finalSheet(model: FinalModel): ReportSheet {
  const layout = finalLayout(model);
  const { pages, ...sheet } = paginate(layout, layout.widths.length, 1);
  return { ...sheet, print: { ...sheet.print, footer: pick(reportText.footer(pages), model.language) } };
}

/** The final evaluation's rows, columns and formats, before it is cut into pages (no heading repeated, no footer). */
export function finalLayout(model: FinalModel): ReportSheet {
  const lang = model.language;
  const zh = lang === "zh";
  const years = model.years;
  const n = years.length;
  // ID, group, name, baseline, one column per year, target, verdict, first reached, trend; the
  // attribute (约束性 / 预期性) last, only where the plan definition gives one.
  // The chapter column wide enough for a chapter's name on two lines ("一（一）学前教育公益普惠发展").
  const widths = [12, 18, 34, 10, ...years.map(() => 9), 10, 10, 9, 12, ...(model.attributes ? [8] : [])];
  const cols = widths.length;
  const verdictCol = 4 + n + 1;
  const attributeCol = model.attributes ? verdictCol + 3 : null;
  const blocks: Block[] = [];
  const merges: ReportSheet["merges"] = [];
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
    rowHeights.push({ row, points: headerHeight(cells, widths) });
    row++;
  };
  const status = (line: StatusLine, r: number, c: number) => statusCell(line, r, c, lang, blocks, rowHeights);
  const span = (from: number, to: number) => widths.slice(from, to + 1).reduce((a, b) => a + b, 0);
  /** Text across columns from..to, wrapped, the row as high as its lines. */
  const wrapped = (text: string, from = 0, to = cols - 1, color?: string, fill?: string) => {
    blocks.push({ row, col: from, values: [[text]], wrap: true, fontColor: color, fill });
    merges.push({ address: rangeAddress(from, row, to - from + 1, 1), rowHeight: paragraphHeight(text, span(from, to)) });
  };
  const paragraph = (text: string, color?: string) => {
    wrapped(text, 0, cols - 1, color);
    row++;
  };
  const annex = (k: number, title: (typeof finalText.annexes)[keyof typeof finalText.annexes]) => pick(finalText.annex(k, title), lang);

  // The cover block: the plan and its issuer from the plan; the evaluating body and the date are the bureau's.
  titleBlock(model.title, widths, blocks, merges);
  row = 1;
  const coverLine = (label: (typeof finalText.cover)[keyof typeof finalText.cover], value: string) => {
    blocks.push({ row, col: 0, values: [[pick(label, lang)]], bold: true });
    blocks.push({ row, col: 1, values: [[value]], fill: value ? undefined : COLORS.input });
    merges.push({ address: rangeAddress(1, row, 4, 1), rowHeight: LINE });
    row++;
  };
  coverLine(finalText.cover.plan, model.cover.plan);
  coverLine(finalText.cover.issuer, model.cover.issuer);
  coverLine(finalText.cover.evaluator, "");
  coverLine(finalText.cover.date, "");

  // 一、评估工作开展情况
  section(pick(finalText.evaluation, lang));
  for (const p of model.sections.evaluation) paragraph(p);

  // 二、主要成效, with the counts by group.
  section(pick(finalText.achievements, lang));
  for (const p of model.sections.achievements) paragraph(p);
  row++;
  blocks.push({ row, col: 0, values: [[pick(finalText.summary, lang)]], bold: true });
  row++;
  // Indicators fall due in the target year: a Reached late column only where it counts something.
  const order = (["reachedEarly", "reached", "reachedLate", "missed", "noData", "invalid"] as Status[]).filter((s) => s !== "reachedLate" || model.overall.reachedLate > 0);
  header([pick(reportText.group, lang), ...order.map((s) => STATUS_LABELS[s][lang]), pick(reportText.total, lang)]);
  const countRow = (name: string, counts: Record<Status, number>) => [name, ...order.map((s) => counts[s]), Object.values(counts).reduce((a, b) => a + b, 0)];
  const rows = [...model.groups.map((g) => countRow(g.name, g.counts)), countRow(pick(reportText.total, lang), model.overall)];
  blocks.push({ row, col: 0, values: rows });
  blocks.push({ row: row + rows.length - 1, col: 0, values: [rows[rows.length - 1]!], bold: true });
  row += rows.length;

  // 三、存在问题及原因: every missed or late target, its gap, and the planners' notes as the reasons.
  section(pick(finalText.problems, lang), true);
  for (const p of model.sections.problems) paragraph(p);
  if (model.shortfalls.length) {
    const head = finalText.shortfallHeaders[lang];
    // The reasons' header stands over the merged columns to the right edge: its height is measured there.
    const points = headerHeight(head, [...widths.slice(0, 7), span(7, cols - 1)]);
    blocks.push({ row, col: 0, values: [[...head]], bold: true, fill: HEADER_FILL, wrap: true });
    merges.push({ address: rangeAddress(7, row, cols - 7, 1), rowHeight: points });
    row++;
    model.shortfalls.forEach(({ row: r, reason }) => {
      const f = r.unit ? UNIT_FORMATS[r.unit] : "General";
      const gap = r.kind === "milestone" || r.gap === null || r.status === "reachedLate" ? "" : r.gap;
      const actual = r.kind === "milestone" ? (r.firstReached ?? "") : (r.actual ?? "");
      blocks.push({ row, col: 0, values: [[r.id, pick(finalText.rowKinds[r.kind], lang)]], numberFormats: [["@", "@"]] });
      // The name and a target printed as text wrap in their columns.
      blocks.push({
        row,
        col: 2,
        values: [[r.name, r.kind === "milestone" ? r.deadline : shown(r.target), actual, gap]],
        numberFormats: [["@", r.kind === "milestone" ? "0" : typeof r.target === "number" ? f : "@", r.kind === "milestone" ? "0" : f, f]],
        wrap: true,
      });
      status(r, row, 6);
      // The reason runs over the columns to the right edge, as high as its text (and the name) needs.
      blocks.push({ row, col: 7, values: [[reason]], wrap: true });
      merges.push({ address: rangeAddress(7, row, cols - 7, 1), rowHeight: Math.max(paragraphHeight(reason, span(7, cols - 1)), paragraphHeight(r.name, widths[2]!)) });
      row++;
    });
  }

  // 四、下一步建议: one line per missed target, then rows for the bureau's own text.
  section(pick(finalText.proposals({ zh: nextPlanName(model.period, true), en: nextPlanName(model.period, false) }), lang));
  model.sections.proposals.forEach((p, k) => paragraph(`${k + 1}. ${p}`));
  blocks.push({ row, col: 0, values: [[pick(finalText.ownText, lang)]], fontColor: "#595959" });
  row++;
  for (let k = 0; k < 5; k++) {
    wrapped("", 0, cols - 1, undefined, COLORS.input);
    row++;
  }

  const lines = (items: FinalLine[], group: (l: FinalLine) => string) => {
    items.forEach((l) => {
      const r = l.row;
      const f = r.unit ? UNIT_FORMATS[r.unit] : "General";
      const baseline = numeric(r.baseline);
      blocks.push({
        row,
        col: 0,
        values: [[r.id, group(l), r.name, shown(r.baseline), ...l.values.map((v) => v ?? ""), shown(r.target)]],
        numberFormats: [["@", "@", "@", typeof r.baseline === "number" ? f : "@", ...l.values.map(() => f), typeof r.target === "number" ? f : "@"]],
      });
      // A year's value the data check rejected is shown as typed, in the Invalid data colours.
      l.rejected.forEach((cell, k) => {
        if (cell === undefined) return;
        blocks.push({ row, col: 4 + k, values: [[cell ?? ""]], numberFormats: [["@"]], fill: STATUS_COLORS.invalid.fill, fontColor: STATUS_COLORS.invalid.font });
      });
      // The target set right, like the figures: a text target ("46395个") would otherwise run on from
      // the last year's figure ("43968 46395个").
      blocks.push({ row, col: 4 + l.values.length, values: [[shown(r.target)]], numberFormats: [[typeof r.target === "number" ? f : "@"]], align: ["right"] });
      status(r, row, verdictCol);
      blocks.push({ row, col: verdictCol + 1, values: [[isReached(r.status) ? (r.firstReached ?? "") : "", trend([baseline, ...l.values])]], numberFormats: [["0", "@"]] });
      if (attributeCol !== null && l.attribute) blocks.push({ row, col: attributeCol, values: [[ATTRIBUTE_LABELS[l.attribute][lang]]] });
      row++;
    });
    // Under the table: where the plan's parts add up to another figure than the total's (§9).
    for (const l of items) {
      const remark = taskRemark(model.annual.building, l.row.id, lang);
      if (!remark) continue;
      blocks.push({ row, col: 0, values: [[pick(finalText.remark(l.row.id, remark), lang)]], fontColor: "#9C5700" });
      row++;
    }
  };
  const withAttribute = (head: string[]) => (attributeCol !== null ? [...head, pick(finalText.attribute, lang)] : head);

  // 附件1 Main indicators year by year.
  section(annex(1, finalText.annexes.indicators), true);
  const marks = model.annual.marks ?? {};
  paragraph(pick(finalText.verdictNote, lang), "#595959");
  header(withAttribute(finalText.lineHeaders(years, marks)[lang]));
  lines(model.indicators, (l) => l.row.group);

  // 附件2 Task targets, with what they had achieved by each year.
  section(annex(2, finalText.annexes.tasks), true);
  blocks.push({ row, col: 0, values: [[pick(finalText.counts(model.taskCounts, model.tasks.length), lang)]] });
  row++;
  header(withAttribute(finalText.taskHeaders(years, marks)[lang]));
  lines(model.tasks, (l) => l.row.group);

  // 附件3–4 The building programme at the target year; funding over the whole period with its total.
  row = buildingSection({ language: lang, building: model.annual.building }, blocks, row, (t) => section(t, true), annex(3, finalText.annexes.building));
  const total = model.fundingTotal ? fundingTotalLine(model.fundingTotal, zh) : null;
  const fundingStart = row;
  row = fundingSection({ language: lang, funding: model.funding }, blocks, row, (t) => section(t, true), annex(4, finalText.annexes.funding));
  if (total && row !== fundingStart) {
    row = lastRow(blocks) + 1;
    paragraph(total);
  }

  // 附件5 Milestones.
  section(annex(5, finalText.annexes.milestones), true);
  row = lastRow(blocks) + 1;
  blocks.push({ row, col: 0, values: [[pick(finalText.counts(model.milestoneCounts, model.milestones.length), lang)]] });
  row++;
  header(finalText.milestoneHeaders[lang]);
  for (const m of model.milestones) {
    const state = stateFromText(m.target);
    blocks.push({ row, col: 0, values: [[m.id, m.group, m.name, m.deadline, state ? MILESTONE_STATE_LABELS[state][lang] : String(m.target ?? ""), m.firstReached ?? ""]], numberFormats: [["@", "@", "@", "0", "@", "0"]] });
    status(m, row, 6);
    row++;
  }
  // A reviewer's cross-checks: done, while the indicators it rests on fall short that year.
  for (const text of model.annual.crossChecks ?? []) paragraph(text, "#9C0006");

  // 附件6 School equity, year by year, against the national standard and the plan's target.
  let k = 6;
  if (model.equity.length) {
    section(annex(k++, finalText.annexes.equity), true);
    const [eid, ename, enational, etarget, everdict, etrend] = finalText.equityHeaders[lang];
    header([eid!, "", ename!, enational!, ...years.map(String), etarget!, everdict!, "", etrend!]);
    const finalOf = new Map(model.indicators.map((l) => [l.row.id, l.row]));
    for (const e of model.equity) {
      const f = e.measure === "classShare" ? "0.00%" : "0.000";
      const national = e.national === null ? "" : `≤${e.national.toFixed(2)}`;
      const r = finalOf.get(e.id);
      const target = r?.target ?? e.target;
      blocks.push({ row, col: 0, values: [[e.id, "", e.name, national, ...e.values.map((v) => v ?? ""), target]], numberFormats: [["@", "@", "@", "@", ...e.values.map(() => f), typeof target === "number" ? f : "@"]] });
      if (r) status(r, row, verdictCol);
      blocks.push({ row, col: verdictCol + 2, values: [[trend(e.values)]] });
      // Coefficients above the national standard in a year are marked in that year's cell.
      e.values.forEach((v, j) => {
        if (e.national !== null && v !== null && !meets(v, "<=", e.national)) {
          blocks.push({ row, col: 4 + j, values: [[v]], numberFormats: [[f]], fill: STATUS_COLORS.missed.fill, fontColor: STATUS_COLORS.missed.font });
        }
      });
      row++;
    }
  }

  // 附件7 Contradictions: how the figures came out against each reading.
  section(annex(k++, finalText.annexes.contradictions));
  const [rid, ...reading] = finalText.readingHeaders[lang];
  if (model.contradictions.length) header([rid!, "", ...reading]);
  else {
    blocks.push({ row, col: 0, values: [[pick(reportText.noContradictions, lang)]] });
    row++;
  }
  model.contradictions.forEach((c, n) => {
    // Numbered, not by their internal codes; the statement wrapped over the columns to the right edge.
    blocks.push({ row, col: 0, values: [[`${n + 1}`]], numberFormats: [["@"]], bold: true, wrap: true }); // wrapped: at the top, beside its text
    wrapped(c.summary, 2, cols - 1);
    blocks[blocks.length - 1]!.bold = true;
    row++;
    for (const r of c.readings) {
      const f = r.unit ? UNIT_FORMATS[r.unit] : "General";
      const outcome = r.baseline ? pick(finalText.baselineReading, lang) : pick(finalText.readingMet(r.met), lang);
      blocks.push({ row, col: 2, values: [[pick(finalText.lineOf(r.line, r.text), lang), r.value ?? "", r.actual ?? "", outcome, r.ref ?? ""]], numberFormats: [["@", f, f, "@", "@"]] });
      row++;
    }
  });

  // 附件8 Data problems, each naming its cell.
  section(annex(k++, finalText.annexes.problems));
  row = lastRow(blocks) + 1;
  if (!model.annual.problems.length) {
    blocks.push({ row, col: 0, values: [[pick(reportText.noProblems, lang)]] });
    row++;
  } else {
    header(reportText.problemHeaders[lang]);
    for (const p of model.annual.problems) {
      blocks.push({ row, col: 0, values: [[p.sheet, p.address, p.key]], numberFormats: [["@", "@", "@"]] });
      wrapped(p.message, 3, cols - 1);
      row++;
    }
  }
  // How this sheet came about, last, in grey and outside the print area (an official page carries
  // only its content): when, which template, and that it holds values only.
  const printed = lastRow(blocks) + 1;
  row++;
  blocks.push({ row, col: 0, values: [[pick(finalText.headerLine(model.annual.generatedAt, model.annual.templateVersion, model.period.baseYear, model.period.targetYear), lang)]], fontColor: "#595959" });
  row++;
  blocks.push({ row, col: 0, values: [[pick(reportText.valuesNote, lang)]], fontColor: "#595959" });
  const fitted = wholeWords(blocks, widths, cols, merges);
  const ids = wrapLongIds(alignHeaders(blocks), fitted, fitHeadingRows(blocks, fitted, rowHeights, merges));
  return {
    name: model.sheetName,
    widths: fitted,
    breaks,
    ...wrapCutTexts(ids.blocks, fitted, cols, ids.rowHeights, merges),
    bars: [],
    chart: null,
    print: { titleRows: "$1:$1", header: model.annual.planName, footer: "", printArea: rangeAddress(0, 0, cols, printed), gridlines: false },
  };
}
