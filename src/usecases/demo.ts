/**
 * The demo workbook, built on any port: the template, illustrative data (示例数据) for the whole
 * period, the 2023 mid-term report and the final evaluation —
 * the same use cases a planner runs.
 */
import { demoOps } from "../core/demo";
import { embeddedPlan } from "../core/plan/embedded";
import { generateReport, type ReportOutcome } from "./report";
import { insertTemplate, recordSchoolResults } from "./workbook";
import { resultOps } from "../core/workbook/results";
import type { WorkbookPort } from "./port";
import type { FormulaDialect } from "../core/workbook/portable";

export const DEMO_REPORT_YEAR = 2023;

export async function buildDemo(port: WorkbookPort, now = new Date(), formulas: FormulaDialect = "plan"): Promise<ReportOutcome> {
  const plan = embeddedPlan();
  const inserted = await insertTemplate(port, { language: "zh", onConflict: "ask", year: DEMO_REPORT_YEAR, plan, formulas });
  if (inserted.kind !== "written") throw new Error("the embedded template could not be inserted into an empty workbook");
  await port.apply(demoOps(plan, await port.read()));
  // The computed indicators of the schools data's year are recorded as a planner records them.
  const recorded = await recordSchoolResults(port, "ask", plan);
  if (recorded.kind !== "written") throw new Error("the demo schools' results could not be recorded");
  const report = await generateReport(port, { language: "zh", year: DEMO_REPORT_YEAR, plan, now });
  // The period is over: the demo holds the final evaluation beside the mid-term report.
  const final = await generateReport(port, { language: "zh", final: true, plan, now });
  if (final.kind !== "written") throw new Error("the demo's final evaluation could not be written");
  // Files written outside Excel get a cached result in every formula cell (no-op in Excel).
  await port.apply(resultOps(plan, await port.read(), "zh"));
  return report;
}

