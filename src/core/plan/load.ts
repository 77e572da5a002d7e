/**
 * Loading a plan template: schema validation plus the cross-field rules a schema cannot state.
 * Every problem is reported (not just the first), each naming the field and the indicator or task.
 */
import type { z } from "zod";
import { templateMessages, type PlanSource } from "../messages";
import { plainNumber } from "../format";
import { type Bilingual } from "../i18n";
import { readTarget } from "../calc/target";
import { readValue } from "../values";
import { PlanSchema, type Figure, type Plan, type Unit } from "./schema";

/** `issues`: each problem with the path of the field it concerns (to name a cell of a definition sheet). */
export type LoadResult = { ok: true; plan: Plan } | { ok: false; errors: Bilingual[]; issues: Array<{ path: PropertyKey[]; detail: Bilingual }> };

type Path = ReadonlyArray<PropertyKey>;

/** "indicators[4] (INT-05-PRI) › target.value" — the owner's ID makes the message findable. */
function describePath(input: unknown, path: Path): string {
  const parts: string[] = [];
  let node: unknown = input;
  for (const key of path) {
    if (typeof key === "number") {
      const last = parts.pop() ?? "";
      const child = Array.isArray(node) ? node[key] : undefined;
      const id =
        child && typeof child === "object" && typeof (child as { id?: unknown }).id === "string"
          ? ` (${(child as { id: string }).id})`
          : "";
      parts.push(`${last}[${key}]${id}`);
      node = child;
    } else {
      parts.push(String(key));
      node = node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    }
  }
  return parts.length ? parts.join(" › ") : "(root)";
}

function valueAt(input: unknown, path: Path): unknown {
  let node = input;
  for (const key of path) node = node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  return node;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): Bilingual {
  switch (issue.code) {
    case "invalid_type": {
      const received = valueAt(input, issue.path);
      return received === undefined
        ? templateMessages.required()
        : templateMessages.expected(issue.expected, received === null ? "null" : Array.isArray(received) ? "array" : typeof received);
    }
    case "invalid_value":
      return templateMessages.oneOf(issue.values.map((v) => JSON.stringify(v)).join(", "));
    case "too_small":
      return issue.origin === "number"
        ? templateMessages.tooSmall(String(issue.minimum))
        : templateMessages.tooShort(String(issue.minimum));
    case "too_big":
      return templateMessages.tooBig(String(issue.maximum));
    case "unrecognized_keys":
      return templateMessages.unknownKey(issue.keys.join(", "));
    case "invalid_union":
      if ("discriminator" in issue && issue.discriminator) {
        return templateMessages.oneOf(`kind: "level", "range", "change"`);
      }
      return templateMessages.other(issue.message);
    default:
      return templateMessages.other(issue.message);
  }
}

const DIRECTION_OK: Record<Plan["indicators"][number]["direction"], (b: Figure, t: Figure) => boolean> = {
  higher: (b, t) => t.value > b.value,
  lower: (b, t) => t.value < b.value,
  maintain: (b, t) => t.value === b.value,
  bound: (_b, t) => t.comparator !== "=" && t.comparator !== "~",
};

/** Parses and checks a template (an object or JSON text). */
export function loadPlan(input: unknown, source: PlanSource = "template"): LoadResult {
  let data = input;
  if (typeof input === "string") {
    try {
      data = JSON.parse(input);
    } catch (e) {
      return { ok: false, errors: [templateMessages.notJson((e as Error).message)], issues: [] };
    }
  }
  const parsed = PlanSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) =>
        templateMessages.atField(describePath(data, issue.path), describeIssue(issue, data), source),
      ),
      issues: parsed.error.issues.map((issue) => ({ path: [...issue.path], detail: describeIssue(issue, data) })),
    };
  }
  const plan = parsed.data;
  const errors: Bilingual[] = [];
  const issues: Array<{ path: PropertyKey[]; detail: Bilingual }> = [];
  const at = (path: Path, detail: Bilingual) => {
    errors.push(templateMessages.atField(describePath(plan, path), detail, source));
    issues.push({ path: [...path], detail });
  };

  const { baseYear, startYear, targetYear } = plan.period;
  if (!(startYear === baseYear + 1 && targetYear >= startYear)) at(["period"], templateMessages.periodOrder());

  const seen = new Set<string>();
  const checkId = (path: Path, id: string) => {
    if (seen.has(id)) at(path, templateMessages.duplicateId(id));
    seen.add(id);
  };
  plan.indicators.forEach((ind, i) => checkId(["indicators", i, "id"], ind.id));
  plan.tasks.forEach((task, i) => checkId(["tasks", i, "id"], task.id));
  plan.milestones.forEach((m, i) => checkId(["milestones", i, "id"], m.id));
  plan.contradictions.forEach((c, i) => checkId(["contradictions", i, "id"], c.id));

  const groups = new Set(plan.groups.map((g) => g.id));
  const indicatorIds = new Set(plan.indicators.map((ind) => ind.id));
  const taskIds = new Set(plan.tasks.map((task) => task.id));
  const milestoneIds = new Set(plan.milestones.map((m) => m.id));

  // The printed text must read back as the recorded figure: this catches transcription slips.
  const checkFigure = (path: Path, figure: Figure, unit: Unit) => {
    const read = readValue(figure.text, { percentPoints: unit === "percent" });
    // "2-3项以上" is no single number but a floor: read as a target, it is ≥ 2.
    const target = read.ok ? null : readTarget(figure.text, { read: { percentPoints: unit === "percent" } });
    const value = read.ok ? read.value : target?.ok ? target.value : null;
    if (!value || value.value !== figure.value || value.comparator !== figure.comparator) {
      // 94 where the text says 94 (%): the value written in points, not as the fraction 0.94.
      const points = unit === "percent" && value && value.comparator === figure.comparator && Math.abs(value.value * 100 - figure.value) < 1e-9;
      at(path, points ? templateMessages.percentAsPoints(figure.text, figure.value, plainNumber(value.value)) : templateMessages.printedMismatch(figure.text, figure.value));
    }
  };

  plan.indicators.forEach((ind, i) => {
    if (!groups.has(ind.group)) at(["indicators", i, "group"], templateMessages.unknownGroup(ind.group));
    checkFigure(["indicators", i, "baseline"], ind.baseline, ind.unit);
    checkFigure(["indicators", i, "target"], ind.target, ind.unit);
    if (!DIRECTION_OK[ind.direction](ind.baseline, ind.target)) {
      at(["indicators", i, "direction"], templateMessages.directionMismatch(ind.direction));
    }
  });

  plan.tasks.forEach((task, i) => {
    // A task's own period lies within the plan's: 2026–2035 in a 2026–2030 plan is refused here, not
    // once the workbook is written and its definition applied.
    const { from, to } = task.period;
    if (from > to) at(["tasks", i, "period"], templateMessages.rangeOrder());
    for (const year of new Set([from, to])) {
      if (year < startYear || year > targetYear) at(["tasks", i, "period"], templateMessages.yearOutsidePeriod(year, startYear, targetYear));
    }
    if (task.partOf !== undefined && !taskIds.has(task.partOf)) {
      at(["tasks", i, "partOf"], templateMessages.unknownRef(task.partOf));
    }
    if (task.indicator !== undefined && !indicatorIds.has(task.indicator)) {
      at(["tasks", i, "indicator"], templateMessages.unknownRef(task.indicator));
    }
    if (task.kind === "range") {
      checkFigure(["tasks", i, "min"], task.min, task.unit);
      checkFigure(["tasks", i, "max"], task.max, task.unit);
      if (task.min.value > task.max.value) at(["tasks", i, "min"], templateMessages.rangeOrder());
    } else {
      checkFigure(["tasks", i, "target"], task.target, task.unit);
      if (task.kind === "change") checkFigure(["tasks", i, "from"], task.from, task.unit);
    }
  });

  plan.milestones.forEach((m, i) => {
    if (m.plannedYear < startYear || m.plannedYear > targetYear) at(["milestones", i, "plannedYear"], templateMessages.yearOutsidePeriod(m.plannedYear, startYear, targetYear));
    m.standards?.forEach((st, j) => {
      if (!indicatorIds.has(st.indicator)) at(["milestones", i, "standards", j, "indicator"], templateMessages.unknownRef(st.indicator));
    });
  });

  plan.contradictions.forEach((c, i) =>
    c.refs.forEach((ref, j) => {
      if (!indicatorIds.has(ref) && !taskIds.has(ref) && !milestoneIds.has(ref)) {
        at(["contradictions", i, "refs", j], templateMessages.unknownRef(ref));
      }
    }),
  );

  return errors.length ? { ok: false, errors, issues } : { ok: true, plan };
}
