/**
 * Inserting (or re-inserting, or upgrading) the template: from a snapshot of the workbook to the
 * operations that write it. Nothing a planner typed is lost: input and note cells of existing rows
 * are never written; a template figure or computed cell that differs from what the workbook holds
 * is a conflict, and conflicts are only resolved when the caller says how ("replace" or "keep").
 */
import { insertMessages, layoutText } from "./text";
import { pick, type Bilingual, type Language } from "../i18n";
import type { Plan } from "../plan/schema";
import { close } from "../calc/compare";
import { STATUSES, STATUS_COLORS, STATUS_LABELS } from "../calc/status";
import { MILESTONE_STATES, MILESTONE_STATE_LABELS } from "../calc/milestone";
import { fromLabel, PROJECT_KIND_LABELS, PROJECT_STATE_LABELS, SCHOOL_STAGE_LABELS } from "../calc/projects";
import { FUNDING_COLORS, FUNDING_LABELS, FUNDING_VERDICTS } from "../calc/funding";
import { isBlank } from "../values";
import { absoluteAddress, cellAddress, columnAbsoluteAddress, columnLetter, rangeAddress } from "./a1";
import {
  BALANCE_NAMES,
  BH,
  IH,
  META_SHEET,
  MH,
  PH,
  DH,
  DEFINITION_CELLS,
  DEFINITION_NAMES,
  FUNDING_CHECKS,
  FUNDING_CHECK_HEADERS,
  SCHOOL_YEAR_NAME,
  RENAMED_HEADERS,
  LEGACY_COMPLETION_HEADER,
  TH,
  UNIT_FORMATS,
  YEAR_NAME,
  allTables,
  columnFormula,
  directionOptions,
  formulaRow,
  planYears,
  unitFromLabel,
  unitChoices,
  isGrossLabel,
  yearHeader,
  type ColumnSpec,
  type TableKey,
  type TableSpec,
  type ValidationSpec,
} from "./layout";
import { COLORS, asText, type Cell, type TableSnapshot, type WorkbookSnapshot, type WriteOp } from "./model";
import { templateRows, type TemplateRow } from "./rows";
import { PLAN_COLUMN, planChunks } from "./meta";
import { ATTRIBUTE_LABELS, ROW_KIND_LABELS } from "./definition";
import { YEAR_MARK_LABELS, YEAR_MARKS_NAME } from "./marks";
import type { FormulaDialect } from "./portable";

/** Input sheets print at 85 %: 11 pt text at about 9 pt, legible, and more columns to a page than at 100 %. */
export const INPUT_PRINT_SCALE = 85;

export interface InsertOptions {
  language: Language;
  /** What to do where the template would replace workbook content. */
  onConflict: "ask" | "replace" | "keep";
  /** Default monitoring year for a new workbook. */
  year: number;
  /** Writes of the caller's that belong to the same batch (inside its protection handling). */
  extraOps?: WriteOp[];
  /**
   * How the live columns are written: with PLAN.* (Excel with the add-in), or with built-in functions
   * only (WPS, LibreOffice, Excel 2016: portable.ts). Default PLAN.*.
   */
  formulas?: FormulaDialect;
}

export interface Conflict {
  table: string;
  key: string;
  header: string;
  sheet: string;
  address: string;
  workbook: Cell;
  template: Cell;
}

export interface InsertReport {
  createdTables: string[];
  addedRows: { table: string; keys: string[] }[];
  addedColumns: { table: string; headers: string[] }[];
  /** Template rows the planner deleted from a workbook of the same template version: not restored. */
  notRestored: string[];
  /** Non-blank input and note cells that were left exactly as they were. */
  preservedInputs: number;
  conflicts: Conflict[];
  /** How the conflicts were resolved (when they were). */
  resolution: "replace" | "keep" | null;
  upgradedFrom: string | null;
  version: string;
  /**
   * Upgrading a ledger of one completion-year column: the years of finished projects moved to the
   * new actual-year column (for the others the year stays as the planned one).
   */
  movedYears: number;
}

export type InsertPlan =
  | { kind: "confirm"; report: InsertReport }
  | { kind: "error"; message: Bilingual }
  | { kind: "write"; ops: WriteOp[]; report: InsertReport };

const isFormula = (c: Cell | undefined) => typeof c === "string" && c.startsWith("=");

function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
  if (typeof a === "number" && typeof b === "number") return close(a, b);
  return String(a ?? "").trim() === String(b ?? "").trim();
}

/** Geometry of a table as it will be after the write: existing or new. */
interface Layout {
  spec: TableSpec;
  sheet: string;
  col: number;
  row: number;
  headers: string[];
  /** Body rows after the write, and for each its template row (if any) and existing row (if any). */
  body: Array<{ template?: TemplateRow; existing?: { formulas: Cell[]; values: Cell[] } }>;
  created: boolean;
}

/** What every table's write shares: the plan, the caller's choices, the report, and the queued operations. */
interface Writer {
  plan: Plan;
  language: Language;
  options: InsertOptions;
  report: InsertReport;
  ops: WriteOp[];
  /** Operations that must come after every table is written (conditional formats). */
  tail: WriteOp[];
}

function uniqueSheetName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${wanted} (${i})`;
  taken.add(name.toLowerCase());
  return name;
}

export function planInsert(plan: Plan, snapshot: WorkbookSnapshot, options: InsertOptions): InsertPlan {
  const language: Language = snapshot.meta?.language ?? options.language;
  const specs = allTables(plan);
  const report: InsertReport = {
    createdTables: [],
    addedRows: [],
    addedColumns: [],
    notRestored: [],
    preservedInputs: 0,
    conflicts: [],
    resolution: null,
    upgradedFrom: null,
    version: plan.version,
    movedYears: 0,
  };
  const meta = snapshot.meta;
  const sameTemplate = meta !== null && meta.templateId === plan.id;
  if (meta && (!sameTemplate || meta.version !== plan.version)) report.upgradedFrom = `${meta.templateId} ${meta.version}`;
  const knownIds = new Set(sameTemplate && meta.version === plan.version ? meta.ids : []);

  // Key columns must be there to match rows; without them nothing can be merged safely.
  for (const spec of specs) {
    const table = snapshot.tables[spec.key];
    const keyHeader = spec.columns[0]!.header;
    if (table && !table.headers.includes(keyHeader)) {
      return { kind: "error", message: insertMessages.missingKeyColumn(table.name, table.sheet, keyHeader) };
    }
  }

  const taken = new Set(snapshot.sheets.map((s) => s.toLowerCase()));
  const layouts = new Map<TableKey, Layout>();
  const ops: WriteOp[] = [];
  // Balance formulas refer to their own cells, so geometry is fixed before rows are built.
  for (const spec of specs) {
    const existing = snapshot.tables[spec.key];
    if (existing) {
      // Headers of earlier versions are renamed in place (Excel re-points formulas at the new name).
      const headers = existing.headers.map((h) => {
        const to = RENAMED_HEADERS[h];
        if (!to || existing.headers.includes(to) || !spec.columns.some((c) => c.header === to)) return h;
        ops.push({ op: "renameTableColumn", table: spec.name, from: h, to });
        return to;
      });
      const missing = spec.columns.map((c) => c.header).filter((h) => !headers.includes(h));
      layouts.set(spec.key, {
        spec,
        sheet: existing.sheet,
        col: existing.col,
        row: existing.row,
        headers: [...headers, ...missing],
        body: [],
        created: false,
      });
      if (missing.length) report.addedColumns.push({ table: spec.name, headers: missing });
    } else {
      layouts.set(spec.key, {
        spec,
        sheet: uniqueSheetName(pick(spec.sheet, language), taken),
        col: spec.anchor.col,
        row: spec.anchor.row,
        headers: spec.columns.map((c) => c.header),
        body: [],
        created: true,
      });
      report.createdTables.push(spec.name);
    }
  }

  const balance = layouts.get("balance")!;
  const cvAddress = (stage: "primary" | "junior", row: number) =>
    cellAddress(balance.col + balance.headers.indexOf(stage === "primary" ? BH.primaryCv : BH.juniorCv), balance.row + 1 + row);

  const tail: WriteOp[] = [];
  const allIds: string[] = [];

  for (const spec of specs) {
    const layout = layouts.get(spec.key)!;
    const existing = snapshot.tables[spec.key];
    const rows = templateRows(spec.key, plan, language, cvAddress, options.formulas ?? "plan");
    if (spec.key !== "balance") allIds.push(...rows.map((r) => r.key));
    mergeRows(layout, existing, rows, knownIds, report);
    writeTable({ plan, language, options, report, ops, tail }, layout, existing);
  }

  if (report.conflicts.length && options.onConflict === "ask") return { kind: "confirm", report };
  if (report.conflicts.length) report.resolution = options.onConflict === "replace" ? "replace" : "keep";

  writeMeta(plan, snapshot, language, allIds, ops);
  writeNames(snapshot, layouts, ops);
  writeYearMarks(plan, snapshot, layouts, language, ops);
  // With protection switched on, new template sheets are protected like the others.
  if (snapshot.meta?.protection) {
    for (const layout of layouts.values()) if (layout.created) tail.push({ op: "protect", sheet: layout.sheet });
  }
  return { kind: "write", ops: withProtection([...ops, ...(options.extraOps ?? []), ...tail], snapshot), report };
}

function mergeRows(layout: Layout, existing: TableSnapshot | undefined, rows: TemplateRow[], knownIds: Set<string>, report: InsertReport) {
  const keyHeader = layout.spec.columns[0]!.header;
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const added: string[] = [];
  if (existing) {
    const k = existing.headers.indexOf(keyHeader);
    const seen = new Set<string>();
    existing.formulas.forEach((formulas, i) => {
      const key = String(existing.values[i]?.[k] ?? "").trim();
      // A duplicated key matches only its first row; the others stay the planner's own rows.
      const template = key && !seen.has(key) ? byKey.get(key) : undefined;
      seen.add(key);
      layout.body.push({ template, existing: { formulas, values: existing.values[i] ?? [] } });
    });
    for (const row of rows) {
      if (seen.has(row.key)) continue;
      if (knownIds.has(row.key)) report.notRestored.push(row.key);
      else {
        layout.body.push({ template: row });
        added.push(row.key);
      }
    }
    if (added.length) report.addedRows.push({ table: layout.spec.name, keys: added });
  } else {
    for (const row of rows) layout.body.push({ template: row });
  }
}

/**
 * A column's formula for a row in the writer's dialect: the portable one is written for the row as
 * it will stand (the template's figures where they are written, else the workbook's).
 */
function formulaFor(w: Writer, layout: Layout, column: ColumnSpec, entry: Layout["body"][number] | undefined, bodyRow: number): string | undefined {
  const cell = (header: string): Cell => {
    const current = entry?.existing?.values[layout.headers.indexOf(header)];
    const template = entry?.template?.cells[header];
    if (template !== undefined && (isBlank(current) || w.options.onConflict === "replace")) return template;
    return current ?? null;
  };
  return columnFormula(column, w.options.formulas ?? "plan", formulaRow(layout, bodyRow, w.language, cell));
}

function columnCell(w: Writer, layout: Layout, column: ColumnSpec, entry: Layout["body"][number], bodyRow: number): Cell {
  const headerIndex = layout.headers.indexOf(column.header);
  const current = entry.existing?.formulas[headerIndex];
  const currentValue = entry.existing?.values[headerIndex];
  const raw = entry.template?.cells[column.header] ?? "";
  // Live cells are formulas as they stand; only text a planner would read gets the text prefix.
  const template = formulaFor(w, layout, column, entry, bodyRow) ?? (column.role === "formula" ? raw : asText(raw));
  // New rows: inputs start blank unless the template prefills them (an about target's band).
  if (!entry.existing) return column.role === "note" ? "" : template;
  switch (column.role) {
    case "key":
    case "input":
    case "note":
      return current ?? "";
    case "label":
      if (isBlank(current)) return template;
      // An earlier version's plain "%" where the plan now names a ratio that may pass 100 % (巩固率, a
      // gross ratio): the same unit said more exactly, which the sheet's verdict reads, so it follows.
      if (column.header === IH.unit && entry.template && isGrossLabel(template) && !isGrossLabel(current) && unitFromLabel(current) === "percent") return template;
      return current!;
    case "figure": {
      if (!entry.template || isBlank(template) || sameCell(currentValue, raw)) return isBlank(current) ? template : current!;
      if (isBlank(current)) return template;
      return conflict(w, layout, column, entry, bodyRow, current!, template);
    }
    case "formula": {
      if (isBlank(current) || isFormula(current)) return template;
      return conflict(w, layout, column, entry, bodyRow, current!, template);
    }
  }
}

function conflict(w: Writer, layout: Layout, column: ColumnSpec, entry: Layout["body"][number], bodyRow: number, current: Cell, template: Cell): Cell {
  const col = layout.col + layout.headers.indexOf(column.header);
  w.report.conflicts.push({
    table: layout.spec.name,
    key: entry.template?.key ?? String(entry.existing?.values[0] ?? ""),
    header: column.header,
    sheet: layout.sheet,
    address: cellAddress(col, layout.row + 1 + bodyRow),
    workbook: current,
    template,
  });
  return w.options.onConflict === "replace" ? template : current;
}

function rowUnitFormat(layout: Layout, entry: Layout["body"][number]): string {
  const unit = entry.template?.unit ?? unitFromLabel(entry.existing?.values[layout.headers.indexOf(IH.unit)]);
  return unit ? UNIT_FORMATS[unit] : "General";
}

function writeTable(w: Writer, layout: Layout, existing: TableSnapshot | undefined) {
  const { plan, language, options, report, ops, tail } = w;
  const { spec, sheet } = layout;
  const width = layout.headers.length;
  const bodyRows = Math.max(1, layout.body.length); // an Excel table keeps at least one body row
  const top = layout.row + 1;
  const at = (header: string) => layout.col + layout.headers.indexOf(header);

  if (layout.created) {
    ops.push({ op: "addSheet", sheet });
    ops.push(...titleRows(spec.key, sheet, plan, language, options.year));
    ops.push({ op: "createTable", sheet, address: rangeAddress(layout.col, layout.row, width, bodyRows + 1), name: spec.name });
    ops.push({ op: "setCells", sheet, address: rangeAddress(layout.col, layout.row, width, 1), formulas: [layout.headers] });
    ops.push({ op: "format", sheet, address: rangeAddress(layout.col, layout.row, width, 1), bold: true, wrap: true, fill: COLORS.header });
    for (const column of spec.columns) {
      ops.push({ op: "columnWidth", sheet, address: cellAddress(at(column.header), layout.row), points: column.width * 7 });
    }
    // Headers of number columns stand over their numbers, on the right.
    for (const column of spec.columns) {
      if (column.format && column.format !== "@") ops.push({ op: "format", sheet, address: cellAddress(at(column.header), layout.row), align: "right" });
    }
    // The header row and the ID column stay in view while scrolling through years and rows.
    ops.push({ op: "freeze", sheet, address: cellAddress(layout.col + 1, layout.row + 1) });
    // Printed: A4 landscape at a legible zoom over as many pages as the columns need, the header row
    // on every page and the ID (through the name, where it stands within the first three columns) on
    // every page across. Fitted to one page wide, the indicator sheet's 30-odd columns print at 4 pt.
    const headerRow = `$${layout.row + 1}:$${layout.row + 1}`;
    const name = spec.columns.findIndex((c, i) => i <= 2 && c.role === "label" && c.width >= 30);
    const titleColumns = `$${columnLetter(layout.col)}:$${columnLetter(layout.col + Math.max(0, name))}`;
    ops.push({ op: "pageLayout", sheet, titleRows: headerRow, titleColumns, scale: INPUT_PRINT_SCALE, header: pick(plan.names, language), footer: pick(layoutText.pageFooter, language) });
  } else {
    const added = layout.headers.slice(existing!.headers.length);
    for (const header of added) ops.push({ op: "addTableColumn", table: spec.name, header });
    const newRows = layout.body.filter((e) => !e.existing);
    if (newRows.length) {
      ops.push({
        op: "addTableRows",
        table: spec.name,
        rows: newRows.map((e) => layout.headers.map((h) => {
          const column = spec.columns.find((c) => c.header === h);
          if (!column || column.role === "note") return "";
          const raw = e.template?.cells[h] ?? "";
          return formulaFor(w, layout, column, e, layout.body.indexOf(e)) ?? (column.role === "formula" ? raw : asText(raw));
        })),
      });
    }
    report.preservedInputs += countInputs(layout, existing!);
  }

  // Each template column is written as one block over the whole body (constant ops per column).
  for (const column of spec.columns) {
    const c = at(column.header);
    const address = rangeAddress(c, top, 1, bodyRows);
    const writes = column.role !== "input" && column.role !== "note" && column.role !== "key";
    if (layout.created) {
      const cells = layout.body.length
        ? layout.body.map((e, i) => [columnCell(w, layout, column, e, i)])
        : [[formulaFor(w, layout, column, undefined, 0) ?? ""]];
      ops.push({ op: "setCells", sheet, address, formulas: cells });
    } else if (writes) {
      const cells = layout.body.map((e, i) => [columnCell(w, layout, column, e, i)]);
      ops.push({ op: "setCells", sheet, address, formulas: cells });
    }
    const editable = column.role === "input" || column.role === "note" || column.typed === true;
    const numberFormat =
      column.format === "byUnit"
        ? (layout.body.length ? layout.body : [{}]).map((e) => [rowUnitFormat(layout, e)])
        : column.format
          ? Array.from({ length: bodyRows }, () => [column.format as string])
          : undefined;
    ops.push({
      op: "format",
      sheet,
      address,
      numberFormat,
      fill: editable ? COLORS.input : column.role === "formula" ? COLORS.computed : null,
      italic: column.role === "formula",
      locked: !editable,
    });
    if (column.validation) {
      const rule = resolveRule(
        listOptions(spec.key, column.header, language) ?? column.validation.rule,
        cellAddress(c, top),
        (header) => columnAbsoluteAddress(at(header), top),
      );
      ops.push({
        op: "validation",
        sheet,
        address,
        rule,
        title: pick(insertMessages.validationTitle, language),
        prompt: pick(column.validation.prompt, language),
        error: pick(column.validation.error, language),
      });
    }
  }

  if (spec.key === "funding") fundingFormats(layout, tail);
  // Only a ledger of the old shape: a planner's deleted actual column, restored, moves nothing.
  if (spec.key === "projects" && existing && existing.headers.includes(LEGACY_COMPLETION_HEADER) && !existing.headers.includes(PH.actualYear)) splitCompletionYears(w, layout, existing);
  const statusHeader = spec.key === "indicators" ? IH.status : spec.key === "tasks" ? TH.status : spec.key === "milestones" ? MH.status : null;
  if (statusHeader) {
    const statusCol = at(statusHeader);
    const address = rangeAddress(statusCol, top, 1, bodyRows);
    const first = columnAbsoluteAddress(statusCol, top);
    tail.push({ op: "clearConditionalFormats", sheet, address });
    for (const status of STATUSES) {
      tail.push({
        op: "conditionalFormat",
        sheet,
        address,
        formula: `=OR(${first}="${STATUS_LABELS[status].zh}",${first}="${STATUS_LABELS[status].en}")`,
        fill: STATUS_COLORS[status].fill,
        fontColor: STATUS_COLORS[status].font,
      });
    }
  }
}

/**
 * A ledger from before the planned and actual completion years were kept apart has one year column,
 * now the planned one. For a project whose state says it is finished that year is when it was
 * finished, so it moves to the actual column (the planned year was not recorded; lateness stays
 * unknown rather than invented). Every other value stays where it was.
 */
function splitCompletionYears(w: Writer, layout: Layout, existing: TableSnapshot) {
  const from = layout.headers.indexOf(PH.completion);
  const to = layout.headers.indexOf(PH.actualYear);
  const stateCol = existing.headers.indexOf(PH.state);
  if (from < 0 || to < 0 || stateCol < 0 || !existing.values.length) return;
  let moved = 0;
  const planned: Cell[][] = [];
  const actual: Cell[][] = [];
  existing.values.forEach((values, r) => {
    const state = fromLabel(PROJECT_STATE_LABELS, values[stateCol]);
    const year = existing.formulas[r]?.[from] ?? values[from] ?? "";
    const finished = (state === "completed" || state === "inUse") && !isBlank(year);
    if (finished) moved++;
    planned.push([finished ? "" : year]);
    actual.push([finished ? year : ""]);
  });
  if (!moved) return;
  w.report.movedYears = moved;
  const top = layout.row + 1;
  w.ops.push({ op: "setCells", sheet: layout.sheet, address: rangeAddress(layout.col + from, top, 1, planned.length), formulas: planned });
  w.ops.push({ op: "setCells", sheet: layout.sheet, address: rangeAddress(layout.col + to, top, 1, actual.length), formulas: actual });
}

/** Verdict colours on the funding checks (落实 / 未落实 / 无数据 / 数据有误), in either language. */
function fundingFormats(layout: Layout, tail: WriteOp[]) {
  const top = layout.row + 1;
  const rows = Math.max(1, layout.body.length);
  for (const id of FUNDING_CHECKS) {
    // Every template column is in the layout (re-insert adds back the ones a planner deleted).
    const c = layout.col + layout.headers.indexOf(FUNDING_CHECK_HEADERS[id]);
    const address = rangeAddress(c, top, 1, rows);
    const first = columnAbsoluteAddress(c, top);
    tail.push({ op: "clearConditionalFormats", sheet: layout.sheet, address });
    for (const v of FUNDING_VERDICTS) {
      tail.push({ op: "conditionalFormat", sheet: layout.sheet, address, formula: `=OR(${first}="${FUNDING_LABELS[v].zh}",${first}="${FUNDING_LABELS[v].en}")`, fill: FUNDING_COLORS[v].fill, fontColor: FUNDING_COLORS[v].font });
    }
  }
}

/** Drop-down lists whose choices follow the template's language. */
function listOptions(key: TableKey, header: string, language: Language): ValidationSpec | null {
  const list = (labels: Record<string, Bilingual>): ValidationSpec => ({ kind: "list", options: Object.values(labels).map((l) => l[language]) });
  if (header === IH.direction && key === "indicators") return { kind: "list", options: directionOptions(language) };
  if (key === "milestones" && header === MH.state) return { kind: "list", options: MILESTONE_STATES.map((m) => MILESTONE_STATE_LABELS[m][language]) };
  if (key === "plan" && header === DH.kind) return list(ROW_KIND_LABELS);
  if (key === "plan" && header === DH.attribute) return list(ATTRIBUTE_LABELS);
  if (key === "plan" && header === DH.unit) return { kind: "list", options: unitChoices(language), suggest: true };
  if (key === "projects" && header === PH.stage) return list(SCHOOL_STAGE_LABELS);
  if (key === "projects" && header === PH.kind) return list(PROJECT_KIND_LABELS);
  if (key === "projects" && header === PH.state) return list(PROJECT_STATE_LABELS);
  return null;
}

/** Custom rules name `{cell}` (the column's first body cell) and `{Header}` (that row's cell in another column). */
function resolveRule(rule: ValidationSpec, first: string, columnCell: (header: string) => string): ValidationSpec {
  if (rule.kind !== "custom") return rule;
  return { kind: "custom", formula: rule.formula.replace(/\{([^}]+)\}/g, (_, name: string) => (name === "cell" ? first : columnCell(name))) };
}

function countInputs(layout: Layout, existing: TableSnapshot): number {
  let n = 0;
  for (const column of layout.spec.columns) {
    if (column.role !== "input" && column.role !== "note" && !column.typed) continue;
    const i = existing.headers.indexOf(column.header);
    if (i < 0) continue;
    for (const row of existing.formulas) if (!isBlank(row[i])) n++;
  }
  return n;
}

function titleRows(key: TableKey, sheet: string, plan: Plan, language: Language, year: number): WriteOp[] {
  const text = (t: Bilingual) => pick(t, language);
  const title: Record<TableKey, Bilingual> = {
    indicators: plan.names,
    tasks: layoutText.taskSheet,
    schools: layoutText.schoolSheet,
    balance: layoutText.balanceSheet,
    contradictions: layoutText.contradictionSheet,
    milestones: layoutText.milestoneSheet,
    funding: layoutText.fundingSheet,
    projects: layoutText.projectSheet,
    build: layoutText.buildSheet,
    plan: layoutText.definitionSheet,
  };
  const second: Record<TableKey, Bilingual> = {
    indicators: layoutText.templateLine(plan.version),
    tasks: layoutText.taskLine,
    schools: layoutText.schoolLine,
    balance: layoutText.balanceLine,
    contradictions: layoutText.contradictionsSheetLine(plan.contradictions.length),
    milestones: layoutText.milestoneLine,
    funding: layoutText.fundingLine,
    projects: layoutText.projectLine,
    build: layoutText.buildLine(buildContradiction(plan)),
    plan: layoutText.definitionLine,
  };
  const ops: WriteOp[] = [
    { op: "setCells", sheet, address: "A1:A2", formulas: [[text(title[key])], [text(second[key])]] },
    { op: "format", sheet, address: "A1", bold: true },
  ];
  const years = planYears(plan);
  // A year cell a planner sets: yellow, unlocked, a list of the plan's years.
  const yearCell = (address: string, prompt: Bilingual): WriteOp[] => [
    { op: "format", sheet, address, fill: COLORS.input, locked: false, bold: true },
    {
      op: "validation",
      sheet,
      address,
      rule: { kind: "list", options: years.map(String) },
      title: text(insertMessages.validationTitle),
      prompt: text(prompt),
      error: text(insertMessages.yearError(years[0]!, years[years.length - 1]!)),
    },
  ];
  if (key === "indicators") {
    ops.push(
      {
        op: "setCells",
        sheet,
        address: "A3:B4",
        formulas: [
          [text(layoutText.monitoringYear), year],
          [text(layoutText.contradictionsLine(plan.contradictions.length)), ""],
        ],
      },
      ...yearCell("B3", insertMessages.yearPrompt(years[0]!, years[years.length - 1]!)),
      { op: "format", sheet, address: "A4", fontColor: "#9C5700" },
    );
  }
  if (key === "schools") {
    ops.push({ op: "setCells", sheet, address: "C1:D1", formulas: [[text(layoutText.schoolYear), year]] }, ...yearCell("D1", layoutText.schoolYearPrompt));
  }
  if (key === "plan") {
    // The period and the plan's names: named input cells above the definition table.
    ops.push(
      {
        op: "setCells",
        sheet,
        address: "A3:H3",
        formulas: [[text(layoutText.baseYearLabel), plan.period.baseYear, text(layoutText.targetYearLabel), plan.period.targetYear, text(layoutText.planNameLabel), plan.names.zh, text(layoutText.planNameEnLabel), plan.names.en]],
      },
      ...Object.values(DEFINITION_CELLS).map((address): WriteOp => ({ op: "format", sheet, address, fill: COLORS.input, locked: false, bold: true })),
      { op: "format", sheet, address: "B3:D3", numberFormat: [["0", "General", "0"]] },
    );
  }
  return ops;
}

/** The plan's contradiction about its building programme's totals, shown beside the roll-up. */
function buildContradiction(plan: Plan): Bilingual | null {
  const ids = plan.building ? [plan.building.projectsTask, plan.building.placesTask] : [];
  return plan.contradictions.find((c) => c.refs.some((r) => ids.includes(r)))?.summary ?? null;
}

function writeMeta(plan: Plan, snapshot: WorkbookSnapshot, language: Language, ids: string[], ops: WriteOp[]) {
  if (!snapshot.sheets.includes(META_SHEET)) ops.push({ op: "addSheet", sheet: META_SHEET, veryHidden: true });
  const rows = Math.max(ids.length, snapshot.meta?.ids.length ?? 0);
  ops.push({
    op: "setCells",
    sheet: META_SHEET,
    address: "A1:B4",
    formulas: [
      ["template", asText(plan.id)],
      ["version", asText(plan.version)],
      ["language", language],
      ["protection", snapshot.meta?.protection ? "on" : "off"],
    ],
  });
  ops.push({
    op: "setCells",
    sheet: META_SHEET,
    address: rangeAddress(3, 0, 1, rows),
    formulas: Array.from({ length: rows }, (_, i) => [asText(ids[i] ?? "")]),
  });
  // The applied plan itself: every action reads it back, so the workbook carries its own plan.
  const chunks = planChunks(JSON.stringify(plan));
  const old = snapshot.meta?.planJson ? planChunks(snapshot.meta.planJson).length : 0;
  const n = Math.max(chunks.length, old);
  ops.push({ op: "setCells", sheet: META_SHEET, address: rangeAddress(PLAN_COLUMN, 0, 1, n), formulas: Array.from({ length: n }, (_, i) => [chunks[i] ?? ""]) });
}

/**
 * The template's names: added with their tables, and repaired when broken (a deleted sheet, a
 * constant) or missing while their table is there — every action depends on PM_Year.
 */
function writeNames(snapshot: WorkbookSnapshot, layouts: Map<TableKey, Layout>, ops: WriteOp[]) {
  const broken = new Set((snapshot.brokenNames ?? []).map((n) => n.toLowerCase()));
  for (const n of snapshot.brokenNames ?? []) ops.push({ op: "deleteName", name: n });
  const has = new Set(snapshot.names.map((n) => n.toLowerCase()).filter((n) => !broken.has(n)));
  const indicators = layouts.get("indicators")!;
  if (!has.has(YEAR_NAME.toLowerCase())) {
    ops.push({ op: "name", name: YEAR_NAME, sheet: indicators.sheet, address: "$B$3" });
  }
  const schools = layouts.get("schools")!;
  if (!has.has(SCHOOL_YEAR_NAME.toLowerCase())) {
    ops.push({ op: "name", name: SCHOOL_YEAR_NAME, sheet: schools.sheet, address: "$D$1" });
  }
  const definition = layouts.get("plan");
  if (definition) {
    for (const [k, name] of Object.entries(DEFINITION_NAMES) as Array<[keyof typeof DEFINITION_NAMES, string]>) {
      if (!has.has(name.toLowerCase())) {
        ops.push({ op: "name", name, sheet: definition.sheet, address: DEFINITION_CELLS[k].replace(/([A-Z]+)(\d+)/, "$$$1$$$2") });
      }
    }
  }
  const balance = layouts.get("balance")!;
  const row = (label: "max" | "mean" | "class") => balance.row + 1 + 7 + (label === "max" ? 0 : label === "mean" ? 1 : 2);
  const cell = (header: string, r: number) => absoluteAddress(balance.col + balance.headers.indexOf(header), r);
  const names: Array<[string, string, number]> = [
    [BALANCE_NAMES.maxPrimary, BH.primaryCv, row("max")],
    [BALANCE_NAMES.maxJunior, BH.juniorCv, row("max")],
    [BALANCE_NAMES.meanPrimary, BH.primaryCv, row("mean")],
    [BALANCE_NAMES.meanJunior, BH.juniorCv, row("mean")],
    [BALANCE_NAMES.classPrimary, BH.primaryCv, row("class")],
    [BALANCE_NAMES.classJunior, BH.juniorCv, row("class")],
  ];
  if (!balance.created && names.every(([name]) => has.has(name.toLowerCase()))) return;
  for (const [name, header, r] of names) {
    if (!has.has(name.toLowerCase())) ops.push({ op: "name", name, sheet: balance.sheet, address: cell(header, r) });
  }
}

/**
 * The year marks (§7a.6): one input cell above each year column of the indicator table, named
 * PM_YearMarks, with a list of 实际 / 预计 / 初步. Added once (a new sheet, or a workbook of an earlier
 * release, or after the name was lost); nothing typed in the cells is written over. The label beside
 * them goes only on a new sheet, where that cell is known to be empty.
 */
function writeYearMarks(plan: Plan, snapshot: WorkbookSnapshot, layouts: Map<TableKey, Layout>, language: Language, ops: WriteOp[]) {
  const broken = new Set((snapshot.brokenNames ?? []).map((n) => n.toLowerCase()));
  if (snapshot.names.some((n) => n.toLowerCase() === YEAR_MARKS_NAME.toLowerCase() && !broken.has(n.toLowerCase()))) return;
  const layout = layouts.get("indicators")!;
  const cols = planYears(plan)
    .map((y) => layout.headers.indexOf(yearHeader(y)))
    .filter((i) => i >= 0)
    .map((i) => layout.col + i);
  const row = layout.row - 1;
  if (!cols.length || row < 0) return;
  const [first, last] = [Math.min(...cols), Math.max(...cols)];
  const { sheet } = layout;
  const options = (["actual", "estimate", "preliminary"] as const).map((k) => pick(YEAR_MARK_LABELS[k], language));
  if (layout.created && first > 0) {
    ops.push({ op: "setCells", sheet, address: cellAddress(first - 1, row), formulas: [[pick(insertMessages.yearMarksLabel, language)]] });
    ops.push({ op: "format", sheet, address: cellAddress(first - 1, row), align: "right", fontColor: "#595959" });
  }
  for (const col of cols) {
    const header = layout.headers[col - layout.col]!;
    ops.push({ op: "format", sheet, address: cellAddress(col, row), fill: COLORS.input, locked: false });
    ops.push({
      op: "validation",
      sheet,
      address: cellAddress(col, row),
      rule: { kind: "list", options },
      title: pick(insertMessages.validationTitle, language),
      prompt: pick(insertMessages.yearMarksPrompt(Number(header)), language),
      error: pick(insertMessages.yearMarksError, language),
    });
  }
  ops.push({ op: "name", name: YEAR_MARKS_NAME, sheet, address: `${absoluteAddress(first, row)}:${absoluteAddress(last, row)}` });
}

function touchedSheets(ops: WriteOp[], snapshot: WorkbookSnapshot): Set<string> {
  const touched = new Set(ops.filter((o): o is Extract<WriteOp, { sheet: string }> => "sheet" in o).map((o) => o.sheet));
  for (const o of ops) if (o.op === "addTableRows" || o.op === "addTableColumn" || o.op === "renameTableColumn") touched.add(sheetOfTable(snapshot, o.table) ?? "");
  return touched;
}

/**
 * Sheets the add-in protected itself (PM_Meta says protection is on) are unprotected for the write
 * and protected again after it; the Office.js adapter re-protects in a batch of its own, so a
 * failed write never leaves them open (excel.md: protection, batches).
 */
export function withProtection(ops: WriteOp[], snapshot: WorkbookSnapshot): WriteOp[] {
  if (!snapshot.meta?.protection) return ops;
  const touched = touchedSheets(ops, snapshot);
  const locked = snapshot.protectedSheets.filter((s) => touched.has(s));
  return [
    ...locked.map((sheet): WriteOp => ({ op: "unprotect", sheet })),
    ...ops,
    ...locked.map((sheet): WriteOp => ({ op: "protect", sheet })),
  ];
}

/**
 * Writing whole columns into a filtered table has misplaced data (excel.md: filtered tables): the
 * filters of every table the write touches are cleared first and restored afterwards.
 */
export function withFilters(ops: WriteOp[], snapshot: WorkbookSnapshot): WriteOp[] {
  const touched = touchedSheets(ops, snapshot);
  const filtered = Object.values(snapshot.tables).filter((t) => t?.filter && touched.has(t.sheet));
  if (!filtered.length) return ops;
  const clear = filtered.map((t): WriteOp => ({ op: "clearFilters", table: t!.name }));
  const restore = filtered.map((t): WriteOp => ({ op: "restoreFilters", table: t!.name, criteria: t!.filter! }));
  // Inside the unprotect/protect pair, if there is one.
  const lead = ops.filter((o) => o.op === "unprotect");
  const trail = ops.filter((o) => o.op === "protect");
  return [...lead, ...clear, ...ops.filter((o) => o.op !== "unprotect" && o.op !== "protect"), ...restore, ...trail];
}

/**
 * A sheet the write needs that someone else protected (perhaps with a password): left alone, with
 * a message saying so, before anything is written (excel.md: protection).
 */
export function protectionProblem(ops: WriteOp[], snapshot: WorkbookSnapshot): Bilingual | null {
  if (snapshot.meta?.protection) return null;
  const touched = touchedSheets(ops, snapshot);
  const theirs = snapshot.protectedSheets.find((s) => touched.has(s));
  return theirs ? insertMessages.protectedByPlanner(theirs) : null;
}

function sheetOfTable(snapshot: WorkbookSnapshot, name: string): string | undefined {
  return Object.values(snapshot.tables).find((t) => t?.name === name)?.sheet;
}
