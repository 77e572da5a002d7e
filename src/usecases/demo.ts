/**
 * The demo workbook, built on any port: the template, illustrative data (示例数据) and a report —
 * the same use cases a planner runs.
 */
import { DEMO_LABEL, demoOps } from "../core/demo";
import { embeddedPlan } from "../core/plan/embedded";
import { generateReport, type ReportOutcome } from "./report";
import { insertTemplate } from "./workbook";
import type { WorkbookPort } from "./port";

export const DEMO_REPORT_YEAR = 2023;

export async function buildDemo(port: WorkbookPort, now = new Date()): Promise<ReportOutcome> {
  const plan = embeddedPlan();
  const inserted = await insertTemplate(port, { language: "zh", onConflict: "ask", year: DEMO_REPORT_YEAR, plan });
  if (inserted.kind !== "written") throw new Error("the embedded template could not be inserted into an empty workbook");
  await port.apply(demoOps(plan, await port.read()));
  return generateReport(port, { language: "zh", year: DEMO_REPORT_YEAR, plan, now });
}

export { DEMO_LABEL };
