/**
 * The project ledger read and rolled up for a monitoring year (domain notes §9), by the same rules
 * as the roll-up sheet's COUNTIFS/SUMIFS formulas. A ledger row with an error-level finding is left
 * out of the roll-up and makes every task target the ledger feeds 数据有误: a count built on a row
 * the add-in could not read is never reported as reached.
 */
import { finishedLate, fromLabel, late, PROJECT_KIND_LABELS, PROJECT_STATE_LABELS, rollup, SCHOOL_STAGE_LABELS, type Project, type Rollup } from "../calc/projects";
import type { Plan } from "../plan/schema";
import { isBlank } from "../values";
import { cellAddress } from "./a1";
import type { Finding } from "./check";
import { PH } from "./layout";
import type { Cell, WorkbookSnapshot } from "./model";

export interface LedgerProject extends Project {
  sheet: string;
  address: string;
}

export interface BuildingAssessment {
  year: number;
  rollup: Rollup;
  projects: LedgerProject[];
  late: LedgerProject[];
  /** Projects finished by the year after their planned year. */
  finishedLate: LedgerProject[];
  /** Error findings on ledger rows (those rows are left out of the roll-up). */
  problems: Finding[];
  contradiction: Plan["contradictions"][number] | null;
}

const num = (c: Cell | undefined): number | null => (typeof c === "number" && Number.isFinite(c) ? c : null);

export function assessBuilding(plan: Plan, snapshot: WorkbookSnapshot, year: number, findings: readonly Finding[]): BuildingAssessment | null {
  const table = snapshot.tables.projects;
  const building = plan.building;
  if (!table || !building) return null;
  const col = (h: string) => table.headers.indexOf(h);
  const cell = (r: number, h: string): Cell => (col(h) < 0 ? null : (table.values[r]?.[col(h)] ?? null));
  const rowOf = (address: string) => Number(/\d+$/.exec(address)?.[0] ?? 0) - table.row - 2;
  // A table name is unique in a workbook, so the table alone places a finding.
  const problems = findings.filter((f) => f.severity === "error" && f.table === table.name);
  const badRows = new Set(problems.map((f) => rowOf(f.address)));
  const projects: LedgerProject[] = [];
  table.values.forEach((_, r) => {
    const name = String(cell(r, PH.name) ?? "").trim();
    if (!name || badRows.has(r)) return;
    const stage = fromLabel(SCHOOL_STAGE_LABELS, cell(r, PH.stage));
    const kind = fromLabel(PROJECT_KIND_LABELS, cell(r, PH.kind));
    const state = fromLabel(PROJECT_STATE_LABELS, cell(r, PH.state));
    if (!stage || !kind || !state) return; // the data check names these cells
    projects.push({
      name,
      stage,
      kind,
      state,
      places: num(cell(r, PH.places)) ?? 0,
      start: num(cell(r, PH.start)),
      planned: num(cell(r, PH.completion)),
      actual: num(cell(r, PH.actualYear)),
      sheet: table.sheet,
      address: cellAddress(table.col + Math.max(0, col(PH.name)), table.row + 1 + r),
    });
  });
  const figure = (id: string) => {
    const task = plan.tasks.find((t) => t.id === id);
    return task && task.kind !== "range" ? task.target.value : 0;
  };
  const totals = { projects: figure(building.projectsTask), places: figure(building.placesTask) };
  const refs = [building.projectsTask, building.placesTask];
  return {
    year,
    rollup: rollup(building, projects, year, totals),
    projects,
    late: projects.filter((p) => late(p, year)),
    finishedLate: projects.filter((p) => finishedLate(p, year)),
    problems,
    contradiction: plan.contradictions.find((c) => c.refs.some((r) => refs.includes(r))) ?? null,
  };
}

/** What the ledger says each building task achieved by the year; empty while the ledger has no project. */
export function ledgerFeed(b: BuildingAssessment | null, snapshot: WorkbookSnapshot): Map<string, { value: number; problems: Finding[] }> {
  const feed = new Map<string, { value: number; problems: Finding[] }>();
  const table = snapshot.tables.projects;
  if (!b || !table) return feed;
  // No name column reads every row as unnamed (row[-1] is undefined).
  const nameCol = table.headers.indexOf(PH.name);
  if (!table.values.some((row) => !isBlank(row[nameCol]))) return feed;
  for (const part of [...b.rollup.parts, b.rollup.total]) {
    // A part's projects count against its new/expansion split (domain notes §9).
    if (part.projectsTask) feed.set(part.projectsTask, { value: part.counted, problems: b.problems });
    if (part.placesTask) feed.set(part.placesTask, { value: part.delivered, problems: b.problems });
  }
  return feed;
}
