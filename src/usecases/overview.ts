/** What the pane shows about the plan the workbook follows (the embedded one before it has any), in one language. */
import { pick, type Language } from "../core/i18n";
import { embeddedPlan } from "../core/plan/embedded";
import type { Plan } from "../core/plan/schema";

export interface TemplateOverview {
  planName: string;
  period: string;
  version: string;
  groups: { id: string; name: string; count: number }[];
  taskCount: number;
  contradictions: { id: string; summary: string }[];
}

export function templateOverview(language: Language, plan: Plan = embeddedPlan()): TemplateOverview {
  return {
    planName: pick(plan.names, language),
    period: `${plan.period.startYear}–${plan.period.targetYear}`,
    version: plan.version,
    groups: plan.groups.map((g) => ({
      id: g.id,
      name: pick(g.names, language),
      count: plan.indicators.filter((i) => i.group === g.id).length,
    })),
    taskCount: plan.tasks.length,
    contradictions: plan.contradictions.map((c) => ({ id: c.id, summary: pick(c.summary, language) })),
  };
}
