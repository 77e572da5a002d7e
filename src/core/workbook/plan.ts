/**
 * The plan a workbook follows: the one applied to it (stored in PM_Meta as JSON when the template
 * was inserted or a definition applied), or the embedded plan for workbooks of earlier releases.
 * An embedded template newer than the stored copy of itself is an upgrade and wins.
 */
import { loadPlan } from "../plan/load";
import type { Plan } from "../plan/schema";
import type { WorkbookSnapshot } from "./model";

function newer(a: string, b: string): boolean {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) > (pb[i] ?? 0);
  return false;
}

export function workbookPlan(snapshot: WorkbookSnapshot, embedded: Plan): Plan {
  const json = snapshot.meta?.planJson;
  if (!json) return embedded;
  const loaded = loadPlan(json);
  if (!loaded.ok) return embedded;
  const stored = loaded.plan;
  return stored.id === embedded.id && newer(embedded.version, stored.version) ? embedded : stored;
}
