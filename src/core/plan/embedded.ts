/** The embedded default template: Wujin District's 2021–2025 education plan. */
import template from "./templates/wujin-2021-2025.json";
import { loadPlan } from "./load";
import type { Plan } from "./schema";

let cached: Plan | null = null;

/** The embedded plan, validated once. A broken embedded template is a build defect: it throws. */
export function embeddedPlan(): Plan {
  if (cached) return cached;
  const result = loadPlan(template);
  if (!result.ok) throw new Error(result.errors.map((e) => e.en).join("\n"));
  cached = result.plan;
  return cached;
}
