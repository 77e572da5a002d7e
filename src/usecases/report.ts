/**
 * One-click annual report, the same in Excel (pane, ribbon) and on files (command line): read the
 * workbook, build the report model in the core, write the report sheet once. Input sheets are never
 * written; an existing report for the year is replaced only when the caller says so.
 */
import { reportHtml } from "../core/report/html";
import type { WorkbookSnapshot } from "../core/workbook/model";
import { reportText } from "../core/report/text";
import { type Bilingual, type Language } from "../core/i18n";
import { planFor } from "./workbook";
import type { Plan } from "../core/plan/schema";
import { buildReport, latestYearWithData, reportSheetName, type ReportModel } from "../core/report/model";
import { reportOps } from "../core/report/ops";
import { reportSheet } from "../core/report/sheet";
import { buildFinalReport, finalSheetName, type FinalModel } from "../core/report/final";
import { finalSheet } from "../core/report/final-sheet";
import { withProtection } from "../core/workbook/insert";
import { templateProblem } from "../core/workbook/presence";
import { localStamp } from "../core/report/time";
import { applyPlanned, type WorkbookPort } from "./port";

export type ReportOutcome =
  | { kind: "written"; sheet: string; year: number; model: ReportModel; final?: FinalModel; skipped: string[] }
  | { kind: "confirm"; sheet: string; year: number; message: Bilingual }
  | { kind: "error"; message: Bilingual };

export interface ReportRequest {
  /** The caller's display language: the report's language unless the workbook or `reportLanguage` sets one. */
  language: Language;
  /** A language the user chose explicitly for this report (the command line's --lang). */
  reportLanguage?: Language;
  /** Default: the latest year with data. */
  year?: number;
  /** Replace an existing report sheet for the year. */
  replace?: boolean;
  /** The final evaluation (终期评估) of the whole period instead of the annual report. */
  final?: boolean;
  plan?: Plan;
  now?: Date;
}

/** Sheet names are compared as Excel compares them: case-insensitively. */
export function findSheet(sheets: readonly string[], name: string): string | undefined {
  return sheets.find((s) => s.toLowerCase() === name.toLowerCase());
}

/** What a report request asks for, read against the workbook: the plan, the language, the year, and whether the template is fit for it. */
function prepare(snapshot: WorkbookSnapshot, request: Omit<ReportRequest, "replace">) {
  const plan = planFor(snapshot, request.plan);
  const language = request.reportLanguage ?? snapshot.meta?.language ?? request.language;
  const year = request.final ? plan.period.targetYear : (request.year ?? latestYearWithData(plan, snapshot));
  return { plan, language, year, problem: templateProblem(snapshot, year), options: { language, generatedAt: localStamp(request.now ?? new Date()) } };
}

export async function generateReport(port: WorkbookPort, request: ReportRequest): Promise<ReportOutcome> {
  const snapshot = await port.read();
  const { plan, language, year, problem, options } = prepare(snapshot, request);
  if (problem) return { kind: "error", message: problem };
  const name = request.final ? finalSheetName(plan, language) : reportSheetName(year, language);
  const existing = findSheet(snapshot.sheets, name);
  if (existing && !request.replace) return { kind: "confirm", sheet: existing, year, message: reportText.exists(existing) };
  const final = request.final ? buildFinalReport(plan, snapshot, options) : undefined;
  const model = final ? final.annual : buildReport(plan, snapshot, year, options);
  const sheet = final ? finalSheet(final) : reportSheet(model);
  const applied = await applyPlanned(port, snapshot, withProtection(reportOps(sheet, existing), snapshot));
  if (!applied.ok) return { kind: "error", message: applied.message };
  return { kind: "written", sheet: name, year, model, final, skipped: applied.skipped };
}

/**
 * The report a year (or the final evaluation) would be, as printable HTML, without writing anything:
 * for printing straight from the offline page. The same model and layout as the sheet.
 */
export async function printableReport(port: WorkbookPort, request: Omit<ReportRequest, "replace">): Promise<{ kind: "printable"; title: string; html: string } | { kind: "error"; message: Bilingual }> {
  const snapshot = await port.read();
  const { plan, year, problem, options } = prepare(snapshot, request);
  if (problem) return { kind: "error", message: problem };
  const sheet = request.final ? finalSheet(buildFinalReport(plan, snapshot, options)) : reportSheet(buildReport(plan, snapshot, year, options));
  return { kind: "printable", title: sheet.name, html: reportHtml(sheet) };
}
