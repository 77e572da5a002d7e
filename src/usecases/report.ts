/**
 * One-click annual report: read the workbook (2 round trips), build the report model in the core,
 * write the report sheet (1 round trip). Input sheets are never written; an existing report for
 * the year is replaced only when the caller says so.
 */
import { checkMessages, reportText, type Bilingual, type Language } from "../core/i18n";
import { embeddedPlan } from "../core/plan/embedded";
import type { Plan } from "../core/plan/schema";
import { buildReport, latestYearWithData, reportSheetName } from "../core/report/model";
import { reportOps } from "../core/report/ops";
import { reportSheet } from "../core/report/sheet";
import { withProtection } from "../core/workbook/insert";
import { applyOps } from "../excel/apply";
import { readSnapshot } from "../excel/snapshot";
import { localStamp } from "../core/report/time";

export type ReportOutcome =
  | { kind: "written"; sheet: string; year: number }
  | { kind: "confirm"; sheet: string; year: number; message: Bilingual }
  | { kind: "error"; message: Bilingual };

export interface ReportRequest {
  language: Language;
  /** Default: the latest year with data. */
  year?: number;
  /** Replace an existing report sheet for the year. */
  replace?: boolean;
  plan?: Plan;
  now?: Date;
}

export async function generateReport(context: Excel.RequestContext, request: ReportRequest): Promise<ReportOutcome> {
  const plan = request.plan ?? embeddedPlan();
  const snapshot = await readSnapshot(context);
  if (!snapshot.tables.indicators) return { kind: "error", message: checkMessages.notInserted };
  const language = snapshot.meta?.language ?? request.language;
  const year = request.year ?? latestYearWithData(plan, snapshot);
  const name = reportSheetName(year, language);
  const exists = snapshot.sheets.some((s) => s.toLowerCase() === name.toLowerCase());
  if (exists && !request.replace) return { kind: "confirm", sheet: name, year, message: reportText.exists(name) };
  const model = buildReport(plan, snapshot, year, { language, generatedAt: localStamp(request.now ?? new Date()) });
  await applyOps(context, withProtection(reportOps(reportSheet(model), exists), snapshot));
  return { kind: "written", sheet: name, year };
}
