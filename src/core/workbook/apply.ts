/**
 * What applying a plan definition writes besides the template tables: the carried-over baselines
 * (prefilled in the definition, marked, editable) and, when the period moved, the monitoring-year
 * cells' lists — with the year itself moved into the new period only when it falls outside it.
 */
import { pick, type Language } from "../i18n";
import { DH, SCHOOL_YEAR_NAME, YEAR_NAME, planYears } from "./layout";
import { COLORS, asText, type WorkbookSnapshot, type WriteOp } from "./model";
import { cellAddress } from "./a1";
import type { Carried } from "./definition";
import type { Plan } from "../plan/schema";
import { definitionMessages, insertMessages } from "./text";

export function carryOps(carried: readonly Carried[], snapshot: WorkbookSnapshot, language: Language): WriteOp[] {
  const table = snapshot.tables.plan;
  if (!table || !carried.length) return [];
  const note = table.headers.indexOf(DH.note);
  const ops: WriteOp[] = [];
  for (const c of carried) {
    ops.push({ op: "setCells", sheet: c.sheet, address: c.address, formulas: [[asText(c.text)]] });
    ops.push({ op: "format", sheet: c.sheet, address: c.address, fill: COLORS.warning });
    const row = Number(/\d+$/.exec(c.address)![0]) - 1;
    const r = row - table.row - 1;
    if (note >= 0 && (table.values[r]?.[note] ?? "") === "") {
      ops.push({ op: "setCells", sheet: c.sheet, address: cellAddress(table.col + note, row), formulas: [[pick(definitionMessages.carried(c.from), language)]] });
    }
  }
  return ops;
}

export function periodOps(plan: Plan, previous: Plan, snapshot: WorkbookSnapshot): WriteOp[] {
  const indicators = snapshot.tables.indicators;
  const same = plan.period.baseYear === previous.period.baseYear && plan.period.targetYear === previous.period.targetYear;
  if (!indicators || same) return [];
  const years = planYears(plan);
  const ops: WriteOp[] = [];
  const list = (sheet: string, address: string): WriteOp => ({
    op: "validation",
    sheet,
    address,
    rule: { kind: "list", options: years.map(String) },
    title: pick(insertMessages.validationTitle, snapshot.meta?.language ?? "zh"),
    prompt: pick(insertMessages.yearPrompt(years[0]!, years[years.length - 1]!), snapshot.meta?.language ?? "zh"),
    error: pick(insertMessages.yearError(years[0]!, years[years.length - 1]!), snapshot.meta?.language ?? "zh"),
  });
  // Where the year cells are named (the template puts them at B3 and D1).
  const yearCell = snapshot.namedCells?.[YEAR_NAME] ?? { sheet: indicators.sheet, address: "B3" };
  ops.push(list(yearCell.sheet, yearCell.address));
  if (typeof snapshot.year !== "number" || !years.includes(snapshot.year)) {
    ops.push({ op: "setCells", sheet: yearCell.sheet, address: yearCell.address, formulas: [[years[0]!]] });
  }
  const schools = snapshot.tables.schools;
  if (schools) {
    const schoolYear = snapshot.namedCells?.[SCHOOL_YEAR_NAME] ?? { sheet: schools.sheet, address: "D1" };
    ops.push(list(schoolYear.sheet, schoolYear.address));
    if (typeof snapshot.schoolYear !== "number" || !years.includes(snapshot.schoolYear)) ops.push({ op: "setCells", sheet: schoolYear.sheet, address: schoolYear.address, formulas: [[years[0]!]] });
  }
  return ops;
}

/** A baseline a new plan takes from the previous plan's workbook: its final value for the same ID. */
export interface Carry {
  id: string;
  value: number;
  from: number;
}

/** Marks the carried baselines in a freshly written definition, as the pane's apply does. */
export function markCarried(snapshot: WorkbookSnapshot, carry: readonly Carry[], language: Language): WriteOp[] {
  const table = snapshot.tables.plan;
  if (!table) return [];
  const id = table.headers.indexOf(DH.id);
  const baseline = table.headers.indexOf(DH.baseline);
  const carried: Carried[] = carry.flatMap((c) => {
    const r = table.values.findIndex((row) => row[id] === c.id);
    if (r < 0) return [];
    const text = String(table.values[r]![baseline] ?? "");
    return [{ id: c.id, value: c.value, sheet: table.sheet, address: cellAddress(table.col + baseline, table.row + 1 + r), text, from: c.from }];
  });
  return carryOps(carried, snapshot, language);
}
