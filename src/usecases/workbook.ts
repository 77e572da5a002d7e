/**
 * Workbook use cases: each reads a snapshot, lets the core decide, and writes once.
 * Round trips per action: insert 3, validate 3, flags 2 — whatever the number of rows.
 */
import type { Language } from "../core/i18n";
import { embeddedPlan } from "../core/plan/embedded";
import type { Plan, Unit } from "../core/plan/schema";
import { planInsert, type InsertReport } from "../core/workbook/insert";
import { applyPlanned, type WorkbookPort } from "./port";
import { checkMessages } from "../core/workbook/text";
import { type Bilingual } from "../core/i18n";
import { planRecord, recordYear } from "../core/workbook/record";
import { templateProblem } from "../core/workbook/presence";
import { checkWorkbook, type Finding } from "../core/workbook/check";
import { yearSummary, type YearSummary } from "../core/workbook/flags";
import { planAddRows, planHighlights, planProtection, planSelect } from "../core/workbook/actions";
import { planYears } from "../core/workbook/layout";
import { latestYearWithData, reportSheetName } from "../core/report/model";
import { finalSheetName } from "../core/report/final";
import { workbookPlan } from "../core/workbook/plan";
import { carryOps, periodOps } from "../core/workbook/apply";
import { moveOps, movePrompt, readDefinition, type Carried, type PeriodMove } from "../core/workbook/definition";
import { definitionMessages } from "../core/workbook/text";
import type { WorkbookSnapshot } from "../core/workbook/model";
import type { FormulaDialect } from "../core/workbook/portable";

export type InsertOutcome =
  | { kind: "written"; report: InsertReport }
  | { kind: "confirm"; report: InsertReport }
  | { kind: "error"; message: Bilingual };

export interface InsertRequest {
  language: Language;
  /** "ask" returns the conflicts without writing; "replace" / "keep" resolve them. */
  onConflict: "ask" | "replace" | "keep";
  plan?: Plan;
  /** Default monitoring year for a new workbook; the last plan year with data by default. */
  year?: number;
  /** PLAN.* (the add-in's) or built-in functions only (portable.ts); PLAN.* by default. */
  formulas?: FormulaDialect;
}

export function defaultYear(plan: Plan, today = new Date()): number {
  const last = today.getFullYear() - 1; // the year that has just been reported
  return Math.min(plan.period.targetYear, Math.max(plan.period.startYear, last));
}

/** The plan the caller names, else the one the workbook follows (the embedded plan by default). */
export function planFor(snapshot: WorkbookSnapshot, plan?: Plan): Plan {
  return plan ?? workbookPlan(snapshot, embeddedPlan());
}

export async function insertTemplate(port: WorkbookPort, request: InsertRequest): Promise<InsertOutcome> {
  const snapshot = await port.read();
  const plan = planFor(snapshot, request.plan);
  const result = planInsert(plan, snapshot, {
    language: request.language,
    onConflict: request.onConflict,
    year: request.year ?? defaultYear(plan),
    formulas: request.formulas,
  });
  if (result.kind !== "write") return result;
  const applied = await applyPlanned(port, snapshot, result.ops);
  if (!applied.ok) return { kind: "error", message: applied.message };
  return { kind: "written", report: result.report };
}

export type ValidateOutcome = { kind: "checked"; findings: Finding[] } | { kind: "error"; message: Bilingual };

/** Reads every input, lists the findings and highlights their cells (3 round trips). */
export async function validateWorkbook(port: WorkbookPort, requested?: Plan): Promise<ValidateOutcome> {
  const snapshot = await port.read();
  const plan = planFor(snapshot, requested);
  const problem = templateProblem(snapshot);
  if (problem) return { kind: "error", message: problem };
  const findings = checkWorkbook(plan, snapshot);
  // Highlights are a courtesy: on a sheet someone else protected the findings are still listed.
  await applyPlanned(port, snapshot, planHighlights(findings, snapshot));
  return { kind: "checked", findings };
}

export type SummaryOutcome = { kind: "summary"; summary: YearSummary; years: number[] } | { kind: "error"; message: Bilingual };

/** Status counts and flags for a year (default: the workbook's monitoring year); 2 round trips, no writes. */
/**
 * Status counts and flags for a year: the one asked for; else the workbook's monitoring year when it
 * has data; else the latest year with data (a fresh template's 2025 would show nothing but 无数据).
 * 2 round trips, no writes.
 */
export async function summarizeYear(port: WorkbookPort, year?: number, requested?: Plan): Promise<SummaryOutcome> {
  const snapshot = await port.read();
  const plan = planFor(snapshot, requested);
  const years = planYears(plan);
  const monitoring = typeof snapshot.year === "number" && years.includes(snapshot.year) ? snapshot.year : null;
  const latest = latestYearWithData(plan, snapshot);
  const chosen = year ?? (monitoring !== null && monitoring <= latest ? monitoring : latest);
  const problem = templateProblem(snapshot, chosen);
  if (problem) return { kind: "error", message: problem };
  return { kind: "summary", summary: yearSummary(plan, snapshot, chosen), years };
}

/** Selects a cell (a finding, a flagged row): 1 round trip. */
export async function selectCell(port: WorkbookPort, sheet: string, address: string): Promise<void> {
  await port.apply(planSelect(sheet, address));
}

export type ProtectionOutcome = { kind: "done"; on: boolean } | { kind: "error"; message: Bilingual };

/** Protects the template sheets with only the cells a planner types unlocked, or unprotects them (3 round trips). */
export async function setProtection(port: WorkbookPort, on: boolean): Promise<ProtectionOutcome> {
  const snapshot = await port.read();
  const problem = templateProblem(snapshot);
  if (problem) return { kind: "error", message: problem };
  const applied = await applyPlanned(port, snapshot, planProtection(on, snapshot));
  if (!applied.ok) return { kind: "error", message: applied.message };
  return { kind: "done", on };
}

export interface WorkbookStatus {
  inserted: boolean;
  /** The template version in the workbook, and the embedded one. */
  workbookVersion: string | null;
  templateVersion: string;
  upgradeAvailable: boolean;
  protection: boolean;
  year: number | null;
  /** The years of the plan the workbook follows. */
  years: number[];
  /** Names of report sheets already in the workbook (annual reports and the final evaluation). */
  reportSheets: string[];
}

/** What the pane shows on opening (2 round trips, no writes). */
export async function workbookStatus(port: WorkbookPort, requested?: Plan): Promise<WorkbookStatus> {
  const snapshot = await port.read();
  const plan = planFor(snapshot, requested);
  const inserted = snapshot.tables.indicators !== undefined;
  const version = snapshot.meta && snapshot.meta.templateId === plan.id ? snapshot.meta.version : null;
  return {
    inserted,
    workbookVersion: version,
    templateVersion: plan.version,
    upgradeAvailable: inserted && version !== plan.version,
    protection: snapshot.meta?.protection ?? false,
    year: typeof snapshot.year === "number" ? snapshot.year : null,
    years: planYears(plan),
    reportSheets: snapshot.sheets.filter(
      (s) => planYears(plan).some((y) => s === reportSheetName(y, "zh") || s === reportSheetName(y, "en")) || s === finalSheetName(plan, "zh") || s === finalSheetName(plan, "en"),
    ),
  };
}

export type RecordOutcome =
  | { kind: "written"; year: number; cells: Array<{ id: string; address: string; value: number }> }
  | { kind: "confirm"; year: number; conflicts: Array<{ id: string; unit: Unit; address: string; recorded: unknown; computed: number }> }
  | { kind: "nothing"; year: number }
  | { kind: "error"; message: Bilingual };

/**
 * Records the schools table's results (largest difference coefficient, standard class-size share
 * per stage) into the indicator cells of its data year: 2 round trips to read, 1 to write.
 */
export async function recordSchoolResults(port: WorkbookPort, onConflict: "ask" | "replace" | "keep" = "ask", requested?: Plan): Promise<RecordOutcome> {
  const snapshot = await port.read();
  const plan = planFor(snapshot, requested);
  const year = recordYear(plan, snapshot);
  const problem = templateProblem(snapshot, year ?? undefined);
  if (problem) return { kind: "error", message: problem };
  if (year === null || !snapshot.tables.schools) return { kind: "error", message: checkMessages.noSchoolYear };
  const planned = planRecord(plan, snapshot, year, onConflict);
  if (planned.kind === "nothing") return planned;
  if (planned.kind === "confirm") {
    return { kind: "confirm", year, conflicts: planned.conflicts.map((c) => ({ id: c.id, unit: c.unit, address: `${c.sheet}!${c.address}`, recorded: c.recorded, computed: c.computed! })) };
  }
  const applied = await applyPlanned(port, snapshot, planned.ops);
  if (!applied.ok) return { kind: "error", message: applied.message };
  return { kind: "written", year, cells: planned.written.map((c) => ({ id: c.id, address: `${c.sheet}!${c.address}`, value: c.computed! })) };
}

export type AddRowsOutcome = { kind: "added"; table: string; count: number } | { kind: "error"; message: Bilingual };

/** Template tables a planner adds rows to from the pane. */
export type RowTable = "indicators" | "tasks" | "schools" | "projects";

/** Adds rows to a template table (a school, an indicator, a task, a building project), with protection on or off. */
export async function addRows(port: WorkbookPort, key: RowTable, count = 1, requested?: Plan): Promise<AddRowsOutcome> {
  const snapshot = await port.read();
  const plan = planFor(snapshot, requested);
  const problem = templateProblem(snapshot);
  if (problem) return { kind: "error", message: problem };
  const n = Math.max(1, Math.min(500, Math.floor(count)));
  const applied = await applyPlanned(port, snapshot, planAddRows(plan, snapshot, key, n));
  if (!applied.ok) return { kind: "error", message: applied.message };
  return { kind: "added", table: snapshot.tables[key]?.name ?? key, count: n };
}

export type ApplyOutcome =
  | { kind: "written"; report: InsertReport; carried: Carried[]; plan: Plan; moves: PeriodMove[] }
  | { kind: "confirm"; report: InsertReport }
  /** The period moved and rows kept the old period's years: move them too (`movePeriods: true`) or not (`false`). */
  | { kind: "movePeriods"; moves: PeriodMove[]; message: Bilingual }
  | { kind: "invalid"; problems: Finding[]; message: Bilingual }
  | { kind: "error"; message: Bilingual };

/**
 * Applies the plan definition (规划定义): reads it, checks every cell and the whole plan, and rebuilds
 * or upgrades the template tables for the defined period, keeping every value entered (matched by
 * ID). Nothing is written while the definition has a problem. Baselines left blank for an ID the
 * workbook already follows are prefilled with its value in the new base year, and marked.
 */
export async function applyDefinition(
  port: WorkbookPort,
  request: { language: Language; onConflict: "ask" | "replace" | "keep"; movePeriods?: boolean; formulas?: FormulaDialect },
): Promise<ApplyOutcome> {
  const snapshot = await port.read();
  const language = snapshot.meta?.language ?? request.language;
  const current = planFor(snapshot);
  const definition = readDefinition(snapshot, current, language, { movePeriods: request.movePeriods === true });
  if (definition.kind === "none") return { kind: "error", message: definitionMessages.none };
  // A new period with rows still on the old one's years: one question for all of them, before anything else.
  if (request.movePeriods === undefined && definition.moves.length) {
    return { kind: "movePeriods", moves: definition.moves, message: movePrompt(definition.moves, current.period, definition.period, language) };
  }
  if (definition.kind === "invalid") {
    const cells = definition.problems.slice(0, 6).map((p) => `${p.sheet}!${p.address}`).join(", ") + (definition.problems.length > 6 ? ", …" : "");
    return { kind: "invalid", problems: definition.problems, message: definitionMessages.invalid(definition.problems.length, cells) };
  }
  const plan = definition.plan;
  const result = planInsert(plan, snapshot, {
    language,
    onConflict: request.onConflict,
    year: defaultYear(plan),
    extraOps: [...carryOps(definition.carried, snapshot, language), ...periodOps(plan, current, snapshot), ...(request.movePeriods ? moveOps(definition.moves) : [])],
    formulas: request.formulas,
  });
  if (result.kind !== "write") return result;
  const applied = await applyPlanned(port, snapshot, result.ops);
  if (!applied.ok) return { kind: "error", message: applied.message };
  return { kind: "written", report: result.report, carried: definition.carried, plan, moves: request.movePeriods ? definition.moves : [] };
}

/** The plan the workbook follows, as JSON to share with another district (the format `npm run template -- --plan` reads). */
export async function exportPlan(port: WorkbookPort): Promise<{ fileName: string; json: string }> {
  const plan = planFor(await port.read());
  return { fileName: `${plan.id}.json`, json: `${JSON.stringify(plan, null, 2)}\n` };
}

/** The plan the workbook follows and whether the template is in (one read, no writes). */
export async function currentPlan(port: WorkbookPort): Promise<{ plan: Plan; inserted: boolean }> {
  const snapshot = await port.read();
  return { plan: planFor(snapshot), inserted: snapshot.tables.indicators !== undefined };
}
