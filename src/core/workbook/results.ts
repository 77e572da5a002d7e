/**
 * What every live cell of the template shows, computed by the core: written as the cached result
 * of each formula in files made outside Excel, so LibreOffice, WPS and Excel show the right values
 * before anything recalculates (excel.md: files written outside Excel; other hosts). The same rules
 * as PLAN.* (the one assessment), so the cached values and Excel's own results agree.
 */
import { STANDARD_LABELS, STATUS_LABELS } from "../calc/status";
import { CV_THRESHOLDS, meetsSchoolRule, planCoefficientBound, stageFromText } from "../calc/balance";
import { meets } from "../calc/compare";
import type { Language } from "../i18n";
import type { Plan } from "../plan/schema";
import { cellAddress } from "./a1";
import { assessYear, type RowAssessment } from "./assess";
import { BH, IH, MH, SCHOOL_INDICATORS, SH, TH, planYears, yearHeader } from "./layout";
import type { Cell, TableSnapshot, WorkbookSnapshot, WriteOp } from "./model";
import { stageBalance } from "./schools";

const num = (c: Cell | undefined): number | null => (typeof c === "number" && Number.isFinite(c) ? c : null);

/** One column of a table, row by row, as cells to cache. */
function column(table: TableSnapshot, header: string, value: (row: number) => Cell): Array<[string, Cell]> {
  const c = table.headers.indexOf(header);
  if (c < 0) return [];
  return table.values.map((_, r) => [cellAddress(table.col + c, table.row + 1 + r), value(r)]);
}

function byId(rows: RowAssessment[]): Map<string, RowAssessment> {
  return new Map(rows.map((r) => [r.id, r]));
}

/** Cached results for the live columns of every template table, as one operation per sheet. */
export function resultOps(plan: Plan, snapshot: WorkbookSnapshot, language: Language): WriteOp[] {
  const years = planYears(plan);
  const year = typeof snapshot.year === "number" && years.includes(snapshot.year) ? snapshot.year : years[years.length - 1]!;
  const a = assessYear(plan, snapshot, year);
  const label = (s: RowAssessment["status"]) => STATUS_LABELS[s][language];
  const ops: WriteOp[] = [];
  const push = (table: TableSnapshot | undefined, cells: Array<[string, Cell]>) => {
    if (table && cells.length) ops.push({ op: "results", sheet: table.sheet, cells });
  };

  const ind = snapshot.tables.indicators;
  if (ind) {
    const rows = byId(a.indicators);
    const row = (r: number) => rows.get(String(ind.values[r]?.[ind.headers.indexOf(IH.id)] ?? "").trim());
    const raw = (r: number) => ind.values[r]?.[ind.headers.indexOf(yearHeader(year))] ?? null;
    const blank = (r: number) => raw(r) === null || raw(r) === "";
    push(ind, [
      ...column(ind, IH.actual, (r) => (blank(r) ? "" : raw(r))),
      ...column(ind, IH.expected, (r) => row(r)?.expected ?? "—"),
      ...column(ind, IH.completion, (r) => (blank(r) ? "" : (row(r)?.completion ?? "—"))),
      ...column(ind, IH.gap, (r) => (blank(r) ? "" : (row(r)?.gap ?? ""))),
      ...column(ind, IH.status, (r) => (row(r) ? label(row(r)!.status) : "")),
    ]);
  }
  const tasks = snapshot.tables.tasks;
  if (tasks) {
    const rows = byId(a.tasks);
    const row = (r: number) => rows.get(String(tasks.values[r]?.[tasks.headers.indexOf(TH.id)] ?? "").trim());
    push(tasks, [
      ...column(tasks, TH.achieved, (r) => row(r)?.actual ?? ""),
      ...column(tasks, TH.rate, (r) => (row(r)?.actual === null || !row(r) ? "" : (row(r)!.completion ?? "—"))),
      ...column(tasks, TH.status, (r) => (row(r) ? label(row(r)!.status) : "")),
    ]);
  }
  const milestones = snapshot.tables.milestones;
  if (milestones) {
    const rows = byId(a.milestones);
    push(milestones, column(milestones, MH.status, (r) => {
      const m = rows.get(String(milestones.values[r]?.[milestones.headers.indexOf(MH.id)] ?? "").trim());
      return m ? label(m.status) : "";
    }));
  }
  const schools = snapshot.tables.schools;
  if (schools) {
    const cell = (r: number, h: string) => schools.values[r]?.[schools.headers.indexOf(h)] ?? null;
    const per = (r: number, k: number): number | null => {
      const e = num(cell(r, SH.enrolment));
      const v = num(cell(r, SCHOOL_INDICATORS[k]!.raw));
      return e && v !== null ? (SCHOOL_INDICATORS[k]!.scale === 100 ? (v / e) * 100 : v / e) : null;
    };
    push(schools, [
      ...SCHOOL_INDICATORS.flatMap((ind, k) => column(schools, ind.per, (r) => per(r, k) ?? "")),
      ...column(schools, SH.balance, (r) => {
        const values = SCHOOL_INDICATORS.map((_, k) => per(r, k));
        const stage = stageFromText(cell(r, SH.stage));
        if (values.some((v) => v === null) || !stage) return "";
        return meetsSchoolRule(values as number[], stage).pass;
      }),
    ]);
  }
  const balance = snapshot.tables.balance;
  if (balance) {
    const stages = { primary: stageBalance(plan, snapshot, "primary", language), junior: stageBalance(plan, snapshot, "junior", language) };
    const figure = (stage: "primary" | "junior", r: number): number | null => {
      const b = stages[stage];
      if (r < SCHOOL_INDICATORS.length) return b.rows[r]?.cv ?? null;
      return [b.max, b.mean, b.classShare][r - SCHOOL_INDICATORS.length] ?? null;
    };
    const verdict = (v: number | null, ok: (v: number) => boolean): Cell => (v === null ? "" : ok(v) ? STANDARD_LABELS.pass[language] : STANDARD_LABELS.fail[language]);
    const classRow = SCHOOL_INDICATORS.length + 2;
    const checks = (stage: "primary" | "junior", r: number, which: "national" | "plan"): Cell => {
      if (r === classRow) return "";
      const v = figure(stage, r);
      const bound = planCoefficientBound(plan, stage);
      return which === "national" ? verdict(v, (x) => meets(x, "<=", CV_THRESHOLDS[stage])) : bound ? verdict(v, (x) => meets(x, bound.comparator, bound.value)) : "";
    };
    push(balance, [
      ...column(balance, BH.primaryCv, (r) => figure("primary", r) ?? ""),
      ...column(balance, BH.juniorCv, (r) => figure("junior", r) ?? ""),
      ...column(balance, BH.primaryNational, (r) => checks("primary", r, "national")),
      ...column(balance, BH.primaryPlan, (r) => checks("primary", r, "plan")),
      ...column(balance, BH.juniorNational, (r) => checks("junior", r, "national")),
      ...column(balance, BH.juniorPlan, (r) => checks("junior", r, "plan")),
    ]);
  }
  return ops;
}
