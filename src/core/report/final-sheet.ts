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
import { buildingSection, fundingSection, headerHeight, lastRow, ROWS_PER_PAGE, statusCell, textUnits, type Block, type ReportSheet, type StatusLine } from "./sheet";
import { finalText, reportText } from "./text";
import type { FinalLine, FinalModel } from "./final";

const HEADER_FILL = "#DDEBF7";
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

export function finalSheet(model: FinalModel): ReportSheet {
  const lang = model.language;
  const years = model.years;
  const n = years.length;
  // ID, group, name, baseline, one column per year, target, verdict, first reached, trend.
  const widths = [12, 14, 34, 10, ...years.map(() => 9), 10, 10, 9, 12];
  const cols = widths.length;
  const verdictCol = 4 + n + 1;
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
  const paragraph = (text: string, color?: string) => {
    const units = textUnits(text);
    const width = widths.reduce((a, b) => a + b, 0);
    blocks.push({ row, col: 0, values: [[text]], wrap: true, fontColor: color });
    merges.push({ address: rangeAddress(0, row, cols, 1), rowHeight: Math.max(1, Math.ceil(units / (width * 0.95))) * 15 });
    row++;
  };

  blocks.push({ row: 0, col: 0, values: [[model.title]], bold: true, size: 14 });
  blocks.push({ row: 1, col: 0, values: [[pick(finalText.headerLine(model.annual.generatedAt, model.annual.templateVersion, model.period.baseYear, model.period.targetYear), lang)]] });
  blocks.push({ row: 2, col: 0, values: [[pick(reportText.valuesNote, lang)]], fontColor: "#595959" });
  row = 3;

  section(pick(finalText.overview, lang));
  for (const p of model.summary) paragraph(p);
  paragraph(pick(finalText.verdictNote, lang), "#595959");

  // 1. Counts by group and final verdict.
  section(pick(finalText.summary, lang));
  // Indicators fall due in the target year: a Reached late column only where it counts something.
  const order = (["reachedEarly", "reached", "reachedLate", "missed", "noData", "invalid"] as Status[]).filter((s) => s !== "reachedLate" || model.overall.reachedLate > 0);
  header([pick(reportText.group, lang), ...order.map((s) => STATUS_LABELS[s][lang]), pick(reportText.total, lang)]);
  const countRow = (name: string, counts: Record<Status, number>) => [name, ...order.map((s) => counts[s]), Object.values(counts).reduce((a, b) => a + b, 0)];
  const rows = [...model.groups.map((g) => countRow(g.name, g.counts)), countRow(pick(reportText.total, lang), model.overall)];
  blocks.push({ row, col: 0, values: rows });
  blocks.push({ row: row + rows.length - 1, col: 0, values: [rows[rows.length - 1]!], bold: true });
  row += rows.length;

  const lines = (items: FinalLine[], group: (l: FinalLine) => string, head: readonly string[]) => {
    items.forEach((l, i) => {
      // A long table goes on over a page of its own, under its header again.
      if (i > 0 && i % ROWS_PER_PAGE === 0) {
        breaks.push(row);
        header(head);
      }
      const r = l.row;
      const f = r.unit ? UNIT_FORMATS[r.unit] : "General";
      const baseline = numeric(r.baseline);
      blocks.push({
        row,
        col: 0,
        values: [[r.id, group(l), r.name, r.baseline ?? "", ...l.values.map((v) => v ?? ""), r.target ?? ""]],
        numberFormats: [["@", "@", "@", typeof r.baseline === "number" ? f : "@", ...l.values.map(() => f), typeof r.target === "number" ? f : "@"]],
      });
      // A year's value the data check rejected is shown as typed, in the Invalid data colours.
      l.rejected.forEach((cell, k) => {
        if (cell === undefined) return;
        blocks.push({ row, col: 4 + k, values: [[cell ?? ""]], numberFormats: [["@"]], fill: STATUS_COLORS.invalid.fill, fontColor: STATUS_COLORS.invalid.font });
      });
      status(r, row, verdictCol);
      blocks.push({ row, col: verdictCol + 1, values: [[isReached(r.status) ? (r.firstReached ?? "") : "", trend([baseline, ...l.values])]], numberFormats: [["0", "@"]] });
      row++;
    });
  };

  // 2. Indicators year by year.
  section(pick(finalText.indicators, lang), true);
  const marks = model.annual.marks ?? {};
  header(finalText.lineHeaders(years, marks)[lang]);
  lines(model.indicators, (l) => l.row.group, finalText.lineHeaders(years, marks)[lang]);

  // 3. Task targets, with what they had achieved by each year.
  section(pick(finalText.tasks, lang), true);
  blocks.push({ row, col: 0, values: [[pick(finalText.counts(model.taskCounts, model.tasks.length), lang)]] });
  row++;
  header(finalText.taskHeaders(years, marks)[lang]);
  lines(model.tasks, (l) => l.row.group, finalText.taskHeaders(years, marks)[lang]);

  // 4. Milestones.
  section(pick(finalText.milestones, lang));
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

  // 5. School equity, year by year, against the national standard and the plan's target.
  if (model.equity.length) {
    section(pick(finalText.equity, lang), true);
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
      e.values.forEach((v, k) => {
        if (e.national !== null && v !== null && !meets(v, "<=", e.national)) {
          blocks.push({ row, col: 4 + k, values: [[v]], numberFormats: [[f]], fill: STATUS_COLORS.missed.fill, fontColor: STATUS_COLORS.missed.font });
        }
      });
      row++;
    }
  }

  // 6. Contradictions: how the figures came out against each reading.
  section(pick(finalText.contradictions, lang));
  const [rid, ...reading] = finalText.readingHeaders[lang];
  header([rid!, "", ...reading]);
  for (const c of model.contradictions) {
    blocks.push({ row, col: 0, values: [[c.id, "", c.summary]], bold: true });
    row++;
    for (const r of c.readings) {
      const f = r.unit ? UNIT_FORMATS[r.unit] : "General";
      const outcome = r.baseline ? pick(finalText.baselineReading, lang) : pick(finalText.readingMet(r.met), lang);
      blocks.push({ row, col: 2, values: [[pick(finalText.lineOf(r.line, r.text), lang), r.value ?? "", r.actual ?? "", outcome, r.ref ?? ""]], numberFormats: [["@", f, f, "@", "@"]] });
      row++;
    }
  }

  // 7–8. Funding over the whole period; the building programme at the target year.
  row = fundingSection({ language: lang, funding: model.funding }, blocks, row, (t) => section(t, true), pick(finalText.funding, lang), breaks);
  row = buildingSection({ language: lang, building: model.annual.building }, blocks, row, (t) => section(t, true), pick(finalText.building, lang));

  // 9. Data problems, each naming its cell.
  section(pick(finalText.problems, lang));
  row = lastRow(blocks) + 1;
  if (!model.annual.problems.length) {
    blocks.push({ row, col: 0, values: [[pick(reportText.noProblems, lang)]] });
    row++;
  } else {
    header(reportText.problemHeaders[lang]);
    for (const p of model.annual.problems) {
      blocks.push({ row, col: 0, values: [[p.sheet, p.address, p.key, p.message]], numberFormats: [["@", "@", "@", "@"]] });
      row++;
    }
  }
  return {
    name: model.sheetName,
    widths,
    merges,
    breaks,
    rowHeights,
    blocks,
    bars: [],
    chart: null,
    print: { titleRows: "$1:$2", header: model.annual.planName, footer: pick(reportText.footer, lang), printArea: rangeAddress(0, 0, cols, lastRow(blocks) + 1), gridlines: false },
  };
}
