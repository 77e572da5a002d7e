/**
 * Workbook use cases: each reads a snapshot, lets the core decide, and writes once.
 * Round trips per action: insert 3, validate 3, flags 2 — whatever the number of rows.
 */
import type { Language } from "../core/i18n";
import { embeddedPlan } from "../core/plan/embedded";
import type { Plan } from "../core/plan/schema";
import { planInsert, type InsertReport } from "../core/workbook/insert";
import { applyOps } from "../excel/apply";
import { readSnapshot } from "../excel/snapshot";
import type { Bilingual } from "../core/i18n";

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
}

export function defaultYear(plan: Plan, today = new Date()): number {
  const last = today.getFullYear() - 1; // the year that has just been reported
  return Math.min(plan.period.targetYear, Math.max(plan.period.startYear, last));
}

export async function insertTemplate(context: Excel.RequestContext, request: InsertRequest): Promise<InsertOutcome> {
  const plan = request.plan ?? embeddedPlan();
  const snapshot = await readSnapshot(context);
  const result = planInsert(plan, snapshot, {
    language: request.language,
    onConflict: request.onConflict,
    year: request.year ?? defaultYear(plan),
  });
  if (result.kind !== "write") return result;
  await applyOps(context, result.ops);
  return { kind: "written", report: result.report };
}
