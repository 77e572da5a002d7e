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
import { assessYear, type RowAssessment, type YearAssessment } from "./assess";
import { assessFunding } from "./funding";
import { BH, BUH, FH, FUNDING_CHECKS, FUNDING_CHECK_HEADERS, IH, FINISHED_LATE_LABEL, LATE_LABEL, MH, PH, SCHOOL_INDICATORS, SCHOOL_RULE_LABELS, SH, TH, planYears, yearHeader } from "./layout";
import { FUNDING_LABELS, growthRate, readFigure } from "../calc/funding";
import { finishedLate, fromLabel, late, PROJECT_STATE_LABELS, SCHOOL_STAGES, type PartRollup, type Project } from "../calc/projects";
import { isBlank } from "../values";
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
        return SCHOOL_RULE_LABELS[meetsSchoolRule(values as number[], stage).pass ? "pass" : "fail"];
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
  // The funding sheet's checks do not depend on the monitoring year: every reported year is cached.
  ops.push(...fundingResults(snapshot, assessFunding(plan, snapshot, a.findings), language), ...buildingResults(snapshot, a.building, year));
  return ops;
}

/** The funding table's live columns, by the rules of the PLAN growth functions they call. */
function fundingResults(snapshot: WorkbookSnapshot, funding: YearAssessment["funding"], language: Language): WriteOp[] {
  const table = snapshot.tables.funding;
  if (!table || !funding) return [];
  const cell = (r: number, h: string) => table.values[r]?.[table.headers.indexOf(h)] ?? null;
  const reading = (r: number, h: string) => (r < 0 ? null : readFigure(cell(r, h)));
  const enrol = (r: number) => SCHOOL_STAGES.map((s) => reading(r, FH.enrolment(s)));
  const compared = (r: number): Cell => {
    const a = cell(r, FH.appropriation);
    return isBlank(a) ? (isBlank(cell(r, FH.budget)) ? "" : cell(r, FH.budget)) : a;
  };
  const perStudent = (r: number): Cell => {
    const b = reading(r, FH.budget);
    const counts = enrol(r);
    if (typeof b !== "number" || counts.some((c) => typeof c !== "number")) return "";
    const total = (counts as number[]).reduce((x, y) => x + y, 0);
    return total > 0 ? (b * 10000) / total : "";
  };
  const growthOf = (value: (r: number) => Cell) => (r: number): Cell => {
    if (r === 0 || isBlank(value(r))) return "";
    const g = growthRate(readFigure(value(r - 1)), readFigure(value(r)));
    return g ?? "";
  };
  const raw = (h: string) => (r: number) => cell(r, h);
  const verdicts = new Map(funding.checks.map((c) => [`${c.check}:${c.year}`, c.verdict]));
  const yearOf = (r: number) => cell(r, FH.year);
  const checkCells = FUNDING_CHECKS.flatMap((id) =>
    column(table, FUNDING_CHECK_HEADERS[id], (r) => {
      const v = verdicts.get(`${id}:${String(yearOf(r))}`);
      return v ? FUNDING_LABELS[v][language] : "";
    }),
  );
  return [{
    op: "results",
    sheet: table.sheet,
    cells: [
      ...column(table, FH.compared, compared),
      ...column(table, FH.perStudent, perStudent),
      ...column(table, FH.appropriationGrowth, growthOf(compared)),
      ...column(table, FH.revenueGrowth, growthOf(raw(FH.revenue))),
      ...column(table, FH.budgetGrowth, growthOf(raw(FH.budget))),
      ...column(table, FH.perStudentGrowth, growthOf(perStudent)),
      ...SCHOOL_STAGES.flatMap((s) => column(table, FH.spendingGrowth(s), growthOf(raw(FH.spending(s))))),
      ...SCHOOL_STAGES.flatMap((s) => column(table, FH.publicFundsGrowth(s), growthOf(raw(FH.publicFunds(s))))),
      ...column(table, FH.teacherPayGrowth, growthOf(raw(FH.teacherPay))),
      ...checkCells,
    ],
  }];
}

/** The ledger's late marks and the roll-up's figures. */
function buildingResults(snapshot: WorkbookSnapshot, building: YearAssessment["building"], year: number): WriteOp[] {
  const ops: WriteOp[] = [];
  const projects = snapshot.tables.projects;
  if (projects) {
    const cell = (r: number, h: string) => projects.values[r]?.[projects.headers.indexOf(h)] ?? null;
    ops.push({
      op: "results",
      sheet: projects.sheet,
      cells: column(projects, PH.late, (r) => {
        const planned = num(cell(r, PH.completion));
        const state = fromLabel(PROJECT_STATE_LABELS, cell(r, PH.state));
        if (planned === null || isBlank(cell(r, PH.state))) return "";
        // Unreadable states read as unfinished, as the sheet's formula reads them.
        const p = { planned, actual: num(cell(r, PH.actualYear)), state: state ?? "building" } as Project;
        return late(p, year) ? LATE_LABEL : finishedLate(p, year) ? FINISHED_LATE_LABEL : "";
      }),
    });
  }
  const build = snapshot.tables.build;
  if (build && building) {
    const parts = new Map([...building.rollup.parts, building.rollup.sum, building.rollup.total].map((p) => [p.id, p]));
    const part = (r: number) => parts.get(String(build.values[r]?.[build.headers.indexOf(BUH.id)] ?? "").trim());
    const figure = (f: (p: PartRollup) => number) => (r: number): Cell => (part(r) ? f(part(r)!) : "");
    ops.push({
      op: "results",
      sheet: build.sheet,
      cells: [
        ...column(build, BUH.ledgerNew, figure((p) => p.ledger.newSchools)),
        ...column(build, BUH.ledgerExpanded, figure((p) => p.ledger.expanded)),
        ...column(build, BUH.ledgerProjects, figure((p) => p.ledger.projects)),
        ...column(build, BUH.ledgerPlaces, figure((p) => p.ledger.places)),
        ...column(build, BUH.underWay, figure((p) => p.underWay)),
        ...column(build, BUH.delivered, figure((p) => p.delivered)),
        ...column(build, BUH.late, figure((p) => p.late)),
        ...column(build, BUH.underWayNew, figure((p) => p.underWayNew)),
        ...column(build, BUH.underWayExpanded, figure((p) => p.underWayExpanded)),
        ...column(build, BUH.counted, figure((p) => p.counted)),
        ...column(build, BUH.finishedLate, figure((p) => p.finishedLate)),
      ],
    });
  }
  return ops;
}
