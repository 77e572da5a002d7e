/**
 * A plan given as JSON for `plan-monitor template --plan` (the format the pane exports): loaded with
 * the same schema as the embedded template. With a previous plan's workbook, an indicator the JSON
 * gives no baseline takes that workbook's final value for the same ID (the new plan's base year).
 */
import { loadPlan } from "../core/plan/load";
import { embeddedPlan } from "../core/plan/embedded";
import { plainNumber } from "../core/format";
import { valuesInYear } from "../core/workbook/definition";
import type { Carry } from "../core/workbook/apply";
import { workbookPlan } from "../core/workbook/plan";
import type { Plan } from "../core/plan/schema";
import type { WorkbookSnapshot } from "../core/workbook/model";
import { CliFailure } from "./workbook-file";
import { cliText } from "./text";
import { decodeText, type TextEncoding } from "../core/plan/decode";

export type { Carry } from "../core/workbook/apply";

/** A plan file's bytes (`file` names it in messages), read as people save them (decode.ts). */
export function readPlanFile(bytes: Uint8Array, file: string, previous: WorkbookSnapshot | null): { plan: Plan; carried: Carry[]; encoding: TextEncoding } {
  let data: unknown;
  let encoding: TextEncoding = "utf-8";
  try {
    const decoded = decodeText(bytes);
    encoding = decoded.encoding;
    data = JSON.parse(decoded.text);
  } catch (e) {
    const detail = e instanceof SyntaxError ? cliText.notJson(encoding) : (e instanceof Error ? e.message : String(e)).split("\n")[0]!;
    throw new CliFailure(1, cliText.badPlanFile(file, detail));
  }
  const carried: Carry[] = [];
  if (previous && data && typeof data === "object" && Array.isArray((data as { indicators?: unknown }).indicators)) {
    const prior = workbookPlan(previous, embeddedPlan());
    const base = (data as { period?: { baseYear?: unknown } }).period?.baseYear;
    const year = typeof base === "number" ? base : prior.period.targetYear;
    const values = valuesInYear(previous, year);
    for (const ind of (data as { indicators: Array<Record<string, unknown>> }).indicators) {
      const id = String(ind.id ?? "");
      if (ind.baseline !== undefined && ind.baseline !== null) continue;
      const value = values.get(id);
      if (value === undefined) continue;
      ind.baseline = { value, comparator: "=", text: ind.unit === "percent" ? plainNumber(value * 100) : plainNumber(value) };
      carried.push({ id, value, from: year });
    }
  }
  const loaded = loadPlan(data, "file");
  if (!loaded.ok) {
    // An indicator without a baseline: the JSON gives none and no previous workbook (--from) does.
    const baselines = !previous && loaded.issues.some((i) => i.path[0] === "indicators" && i.path[2] === "baseline");
    throw new CliFailure(1, cliText.badPlan(loaded.errors.length), [...loaded.errors.slice(0, 20).map((e) => `${e.zh} / ${e.en}`), ...(baselines ? [`${cliText.baselineHint().zh} / ${cliText.baselineHint().en}`] : [])]);
  }
  return { plan: loaded.plan, carried, encoding };
}
