/**
 * One assessment of a monitoring year: every indicator and task target of the workbook with its
 * verdict (domain notes §7), computed by `verdict` from the values in the workbook. The pane's
 * flags and summary, the annual report and the command line all read this, never their own rules.
 *
 * The data check runs first: a value (or baseline, or target) with an error-level finding makes the
 * row 数据有误 (invalid), naming the cell — never a verdict computed from a misread value.
 */
import { achievedBy, basisFromText, type Basis } from "../calc/achieved";
import { FLAGGED, emptyCounts, isReached, type Status } from "../calc/status";
import { directionFromText, readBaseline, readTarget, type Baseline, type Target } from "../calc/target";
import { verdict, type Verdict, type YearValue } from "../calc/verdict";
import { addsUp, countsThings } from "../calc/units";
import { elapsedShare } from "../calc/progress";
import type { Plan, Unit } from "../plan/schema";
import { isBlank } from "../values";
import { cellAddress } from "./a1";
import { checkWorkbook, type Finding } from "./check";
import { IH, MH, TH, noteHeader, planYears, unitFromLabel, yearHeader } from "./layout";
import { milestoneStatus, stateAsOf, stateFromText, type MilestoneState } from "../calc/milestone";
import type { Cell, TableSnapshot, WorkbookSnapshot } from "./model";
import { assessBuilding, ledgerFeed, type BuildingAssessment } from "./building";
import { assessFunding, type FundingAssessment } from "./funding";

export interface RowAssessment {
  kind: "indicator" | "task" | "milestone";
  id: string;
  name: string;
  group: string;
  stage: string;
  unit: Unit | null;
  sheet: string;
  /** The row's status cell (or its ID cell), to select. */
  address: string;
  baseline: Cell;
  target: Cell;
  /** The value the verdict judged: the year's value, or what a task achieved by then. */
  actual: number | null;
  status: Status;
  expected: number | null;
  completion: number | null;
  gap: number | null;
  elapsed: number;
  firstReached: number | null;
  /** Reached beyond a directed band's far edge (超额, §7a.1). */
  exceeded: boolean;
  /** A per-year duty's first year so far left blank (why it is 无数据). */
  blankYear: number | null;
  /** The monitoring year's own cell as typed, where the data check rejected it. */
  rejected?: Cell;
  /** Milestones: the state as it stood in the monitoring year (done later reads as in progress). */
  stateAsOf?: MilestoneState | null;
  /** The target's deadline (the plan's target year, or a task's own). */
  deadline: number;
  /** Error findings that made the row invalid. */
  problems: Finding[];
  note: string;
  /** For tasks: the basis (累计, 最新, 每年) and the indicator it restates. */
  basis?: Basis | null;
  link?: string;
}

export interface YearAssessment {
  year: number;
  funding: FundingAssessment | null;
  building: BuildingAssessment | null;
  indicators: RowAssessment[];
  tasks: RowAssessment[];
  milestones: RowAssessment[];
  findings: Finding[];
  counts: Record<Status, number>;
}

/** A table read by header, with cell addresses. */
function rows(table: TableSnapshot) {
  const col = (h: string) => table.headers.indexOf(h);
  return {
    has: (h: string) => col(h) >= 0,
    cell: (r: number, h: string): Cell => (col(h) < 0 ? null : (table.values[r]?.[col(h)] ?? null)),
    address: (r: number, h: string) => cellAddress(table.col + Math.max(0, col(h)), table.row + 1 + r),
  };
}

/** Error findings by "Sheet!A1". */
function errorIndex(findings: readonly Finding[]): Map<string, Finding[]> {
  const index = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.severity !== "error") continue;
    const key = `${f.sheet}!${f.address}`;
    index.set(key, [...(index.get(key) ?? []), f]);
  }
  return index;
}

const numberOrNull = (c: Cell): number | null => (typeof c === "number" && Number.isFinite(c) ? c : null);

/** The last year of a period cell ("2021–2023" → 2023, "2025" → 2025). */
function deadlineOf(cell: Cell, fallback: number): number {
  const years = String(cell ?? "").match(/\d{4}/g);
  return years ? Number(years[years.length - 1]) : fallback;
}

interface Judged {
  baseline: Baseline | null;
  target: Target;
}

function judge(input: { baseline: Cell; target: Cell; direction?: Cell; band?: Cell; perYear?: boolean; unit?: Cell }): Judged | null {
  let baseline: Baseline | null = null;
  if (!isBlank(input.baseline)) {
    const b = readBaseline(input.baseline);
    if (!b.ok) return null;
    baseline = b.value;
  }
  const direction = directionFromText(input.direction);
  const band = numberOrNull(input.band ?? null);
  const t = readTarget(input.target, { baseline, direction: direction ?? null, band, perYear: input.perYear, counts: countsThings(input.unit) });
  return t.ok ? { baseline, target: t.value } : null;
}

function fromVerdict(v: Verdict) {
  return { status: v.status, expected: v.expected, completion: v.completion, gap: v.gap, elapsed: v.elapsed, firstReached: v.firstReached, exceeded: v.exceeded, blankYear: v.blankYear };
}

const INVALID = { status: "invalid" as Status, expected: null, completion: null, gap: null, firstReached: null, exceeded: false, blankYear: null };

function assessIndicators(plan: Plan, table: TableSnapshot, year: number, errors: Map<string, Finding[]>): RowAssessment[] {
  const t = rows(table);
  const years = planYears(plan).filter((y) => y <= year && t.has(yearHeader(y)));
  const period = { baseYear: plan.period.baseYear, targetYear: plan.period.targetYear };
  const elapsed = elapsedShare(year, period);
  const out: RowAssessment[] = [];
  table.values.forEach((_, r) => {
    const id = String(t.cell(r, IH.id) ?? "").trim();
    if (!id) return;
    const problemsAt = (h: string) => (t.has(h) ? (errors.get(`${table.sheet}!${t.address(r, h)}`) ?? []) : []);
    const row: Omit<RowAssessment, "status" | "expected" | "completion" | "gap" | "firstReached" | "exceeded" | "blankYear"> = {
      kind: "indicator",
      id,
      name: String(t.cell(r, IH.name) ?? ""),
      group: String(t.cell(r, IH.group) ?? ""),
      stage: String(t.cell(r, IH.stage) ?? ""),
      unit: unitFromLabel(t.cell(r, IH.unit)),
      sheet: table.sheet,
      address: t.address(r, t.has(IH.status) ? IH.status : IH.id),
      baseline: t.cell(r, IH.baseline),
      target: t.cell(r, IH.target),
      actual: numberOrNull(t.cell(r, yearHeader(year))),
      elapsed,
      deadline: period.targetYear,
      problems: [...problemsAt(IH.baseline), ...problemsAt(IH.target), ...problemsAt(IH.band), ...problemsAt(yearHeader(year))],
      note: String(t.cell(r, noteHeader(year)) ?? ""),
      ...(problemsAt(yearHeader(year)).length ? { rejected: t.cell(r, yearHeader(year)) } : {}),
    };
    const judged = judge({ baseline: row.baseline, target: row.target, direction: t.cell(r, IH.direction), band: t.cell(r, IH.band), unit: t.cell(r, IH.unit) });
    if (row.problems.length || !judged) {
      out.push({ ...row, ...INVALID, actual: row.problems.length ? null : row.actual });
      return;
    }
    const earlier = years
      .filter((y) => y < year)
      .map((y): YearValue => ({ year: y, value: problemsAt(yearHeader(y)).length ? "invalid" : numberOrNull(t.cell(r, yearHeader(y))) }));
    const v = verdict({ ...judged, actual: row.actual, year, period, earlier });
    out.push(v.ok ? { ...row, ...fromVerdict(v.value) } : { ...row, ...INVALID });
  });
  return out;
}

type LedgerFeed = ReturnType<typeof ledgerFeed>;

function assessTasks(plan: Plan, table: TableSnapshot, year: number, indicators: TableSnapshot | undefined, errors: Map<string, Finding[]>, ledgers: ReadonlyMap<number, LedgerFeed>): RowAssessment[] {
  const ledger: LedgerFeed = ledgers.get(year) ?? new Map();
  const t = rows(table);
  const ind = indicators ? rows(indicators) : null;
  const indicatorRow = new Map<string, number>();
  indicators?.values.forEach((_, r) => indicatorRow.set(String(ind!.cell(r, IH.id) ?? "").trim(), r));
  const years = planYears(plan);
  const upTo = years.indexOf(year);
  const planTasks = new Map(plan.tasks.map((task) => [task.id, task]));
  const out: RowAssessment[] = [];
  table.values.forEach((_, r) => {
    const id = String(t.cell(r, TH.id) ?? "").trim();
    if (!id) return;
    const link = String(t.cell(r, TH.link) ?? "").trim() || planTasks.get(id)?.indicator || "";
    const linkedRow = link && ind ? indicatorRow.get(link) : undefined;
    // A task that restates an indicator takes the indicator's values instead of asking twice.
    const source = linkedRow !== undefined && ind && indicators
      ? { cell: (y: number) => ind.cell(linkedRow, yearHeader(y)), at: (y: number) => `${indicators.sheet}!${ind.address(linkedRow, yearHeader(y))}`, has: (y: number) => ind.has(yearHeader(y)) }
      : { cell: (y: number) => t.cell(r, yearHeader(y)), at: (y: number) => `${table.sheet}!${t.address(r, yearHeader(y))}`, has: (y: number) => t.has(yearHeader(y)) };
    const basis = basisFromText(t.cell(r, TH.basis)) ?? "latest";
    const deadline = deadlineOf(t.cell(r, TH.period), plan.period.targetYear);
    const period = { baseYear: plan.period.baseYear, targetYear: deadline };
    const yearProblems = years.filter((y) => y <= year && source.has(y)).flatMap((y) => errors.get(source.at(y)) ?? []);
    const rejected = years.map((y) => source.has(y) && (errors.get(source.at(y)) ?? []).length > 0);
    const values = years.map((y, i) => (source.has(y) && !rejected[i] ? numberOrNull(source.cell(y)) : null));
    const fallbackBaseline = planTasks.get(id) ? defaultTaskBaseline(plan, id) : null;
    const baselineCell = t.has(TH.baseline) ? t.cell(r, TH.baseline) : fallbackBaseline;
    // Building targets take the project ledger's roll-up once it has projects (the sheet does the same).
    const fed = ledger.get(id);
    const row = {
      kind: "task" as const,
      id,
      name: String(t.cell(r, TH.name) ?? ""),
      group: String(t.cell(r, TH.section) ?? ""),
      stage: "",
      unit: unitFromLabel(t.cell(r, TH.unit)),
      sheet: table.sheet,
      address: t.address(r, t.has(TH.status) ? TH.status : TH.id),
      baseline: baselineCell,
      target: t.cell(r, TH.target),
      actual: upTo < 0 ? null : fed ? fed.value : achievedBy(values, basis, upTo),
      elapsed: elapsedShare(year, period),
      deadline,
      problems: [...(fed ? fed.problems : yearProblems), ...[TH.target, TH.band].flatMap((h) => (t.has(h) ? (errors.get(`${table.sheet}!${t.address(r, h)}`) ?? []) : []))],
      note: String(t.cell(r, TH.note) ?? ""),
      basis,
      link: link || undefined,
      ...(!fed && upTo >= 0 && rejected[upTo] ? { rejected: source.cell(year) } : {}),
    };
    const judged = judge({ baseline: row.baseline, target: row.target, band: t.cell(r, TH.band), perYear: basis === "eachYear", unit: t.cell(r, TH.unit) });
    if (upTo < 0) {
      out.push({ ...row, ...INVALID, status: "noData" }); // a year outside the plan: nothing to judge
      return;
    }
    if (row.problems.length || !judged) {
      // As for indicators: a sum over a rejected cell is no figure (the sheet's ACHIEVED shows none either).
      out.push({ ...row, ...INVALID, actual: row.problems.length ? null : row.actual });
      return;
    }
    // What the task had achieved by each earlier year (a sum over a rejected cell is no figure), or
    // what the ledger said then: per-year duties judge each year, others read the run and the deadline.
    const earlier = years.slice(0, upTo).map((y, i): YearValue => {
      if (fed) return { year: y, value: ledgers.get(y)?.get(id)?.value ?? null };
      const bad = basis === "eachYear" ? rejected[i] : rejected.slice(0, i + 1).some(Boolean);
      return { year: y, value: bad ? "invalid" : achievedBy(values, basis, i) };
    });
    const v = verdict({ ...judged, actual: row.actual, year, period, earlier });
    out.push(v.ok ? { ...row, ...fromVerdict(v.value) } : { ...row, ...INVALID });
  });
  return out;
}

function assessMilestones(plan: Plan, table: TableSnapshot, year: number, errors: Map<string, Finding[]>): RowAssessment[] {
  const t = rows(table);
  const out: RowAssessment[] = [];
  table.values.forEach((_, r) => {
    const id = String(t.cell(r, MH.id) ?? "").trim();
    if (!id) return;
    const planned = numberOrNull(t.cell(r, MH.plannedYear)) ?? plan.period.targetYear;
    const problems = [MH.state, MH.doneYear, MH.plannedYear].flatMap((h) => errors.get(`${table.sheet}!${t.address(r, h)}`) ?? []);
    const state = stateFromText(t.cell(r, MH.state));
    const status: Status =
      problems.length || state === undefined
        ? "invalid"
        : milestoneStatus({ state, doneYear: numberOrNull(t.cell(r, MH.doneYear)), plannedYear: planned, year, baseYear: plan.period.baseYear });
    out.push({
      kind: "milestone",
      id,
      name: String(t.cell(r, MH.name) ?? ""),
      group: String(t.cell(r, MH.section) ?? ""),
      stage: "",
      unit: null,
      sheet: table.sheet,
      address: t.address(r, t.has(MH.status) ? MH.status : MH.id),
      baseline: null,
      target: t.cell(r, MH.state),
      actual: null,
      status,
      expected: null,
      completion: null,
      gap: null,
      elapsed: elapsedShare(year, { baseYear: plan.period.baseYear, targetYear: planned }),
      firstReached: isReached(status) ? (numberOrNull(t.cell(r, MH.doneYear)) ?? null) : null,
      stateAsOf: state === undefined ? undefined : stateAsOf(state, numberOrNull(t.cell(r, MH.doneYear)), year),
      exceeded: false,
      blankYear: null,
      deadline: planned,
      problems,
      note: String(t.cell(r, MH.note) ?? ""),
    });
  });
  return out;
}

/** A task's baseline as the plan states it: the starting figure of a change, 0 for counts from nothing. */
export function defaultTaskBaseline(plan: Plan, id: string): Cell {
  const task = plan.tasks.find((x) => x.id === id);
  if (!task) return null;
  if (task.kind === "change") return task.from.comparator === "=" ? task.from.value : task.from.text;
  if (task.indicator) {
    const ind = plan.indicators.find((i) => i.id === task.indicator);
    if (ind) return ind.baseline.comparator === "=" ? ind.baseline.value : ind.baseline.text;
  }
  return addsUp(task.unit) && !task.perYear ? 0 : null;
}

/** Ranks flagged rows worst first: by status (FLAGGED order), then by how far short they are. */
export function rankMisses(rows: readonly RowAssessment[]): RowAssessment[] {
  const shortfall = (r: RowAssessment) => (r.status === "missed" ? 1 : r.elapsed) - (r.completion ?? 0);
  return rows
    .filter((r) => FLAGGED.includes(r.status))
    .sort((a, b) => FLAGGED.indexOf(a.status) - FLAGGED.indexOf(b.status) || shortfall(b) - shortfall(a) || a.id.localeCompare(b.id));
}

export function countStatuses(rows: readonly RowAssessment[]): Record<Status, number> {
  const counts = emptyCounts();
  for (const r of rows) counts[r.status]++;
  return counts;
}

export function assessYear(plan: Plan, snapshot: WorkbookSnapshot, year: number, findings: Finding[] = checkWorkbook(plan, snapshot)): YearAssessment {
  const errors = errorIndex(findings);
  const { indicators, tasks, milestones } = snapshot.tables;
  const indicatorRows = indicators ? assessIndicators(plan, indicators, year, errors) : [];
  const building = assessBuilding(plan, snapshot, year, findings);
  // The ledger as it stood in each year up to this one, for lateness and the run of reached years.
  const ledgers = new Map(planYears(plan).filter((y) => y <= year).map((y) => [y, ledgerFeed(y === year ? building : assessBuilding(plan, snapshot, y, findings), snapshot)]));
  const taskRows = tasks ? assessTasks(plan, tasks, year, indicators, errors, ledgers) : [];
  const milestoneRows = milestones ? assessMilestones(plan, milestones, year, errors) : [];
  const funding = assessFunding(plan, snapshot, findings, year);
  return { year, funding, building, indicators: indicatorRows, tasks: taskRows, milestones: milestoneRows, findings, counts: countStatuses(indicatorRows) };
}
