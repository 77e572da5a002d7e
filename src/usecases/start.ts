/**
 * A workbook started from a plan (the embedded one, a plan file, or a new period carried over from
 * the last): the template inserted, baselines taken from the previous plan marked in the definition,
 * and every formula cell given the result the core computes (viewers that do not recalculate show it).
 */
import type { Language } from "../core/i18n";
import type { Plan } from "../core/plan/schema";
import { markCarried, type Carry } from "../core/workbook/apply";
import { resultOps } from "../core/workbook/results";
import type { FormulaDialect } from "../core/workbook/portable";
import type { WorkbookPort } from "./port";
import { insertTemplate, type InsertOutcome } from "./workbook";

export async function startWorkbook(port: WorkbookPort, request: { plan: Plan; carried?: readonly Carry[]; language: Language; formulas: FormulaDialect }): Promise<InsertOutcome> {
  const { plan, language } = request;
  const outcome = await insertTemplate(port, { language, onConflict: "ask", plan, formulas: request.formulas });
  if (outcome.kind !== "written") return outcome;
  if (request.carried?.length) await port.apply(markCarried(await port.read(), request.carried, language));
  await port.apply(resultOps(plan, await port.read(), language));
  return outcome;
}

/** Every formula cell given the result the core computes now (before a file is saved outside Excel). */
export async function refreshResults(port: WorkbookPort, plan: Plan, language: Language): Promise<void> {
  await port.apply(resultOps(plan, await port.read(), language));
}
