/**
 * Illustrative data (示例数据 — not real figures) for 2021–2025, plainly fictitious and consistent
 * with itself: a plausible mid-term picture in 2023 and a final one in 2025 (most indicators moving toward their targets, three
 * lagging, two regressing), schools named 示例小学甲 …, tasks that restate an indicator left to take
 * its value, and the computed indicators (class-size share, difference coefficients) of 2023
 * recorded from the demo schools by the same action a planner uses. Deterministic.
 */
import type { Plan, TaskTarget } from "./plan/schema";
import { cellAddress, rangeAddress } from "./workbook/a1";
import { FH, IH, MH, PH, SCHOOL_INDICATORS, SH, TABLES, TH, columnFormula, formulaRow, noteHeader, projectTable, schoolTable, yearHeader } from "./workbook/layout";
import { workbookDialect } from "./workbook/portable";
import { PROJECT_KIND_LABELS, PROJECT_STATE_LABELS, SCHOOL_STAGES, SCHOOL_STAGE_LABELS, type ProjectKind, type ProjectState } from "./calc/projects";
import type { SchoolStage } from "./plan/schema";
import type { Cell, WorkbookSnapshot, WriteOp } from "./workbook/model";
import { MILESTONE_STATE_LABELS } from "./calc/milestone";

export const DEMO_YEARS = [2021, 2022, 2023, 2024, 2025];
/** The year the demo schools table is for: its results are recorded into that year. */
export const DEMO_SCHOOL_YEAR = 2023;
export const DEMO_LABEL = { zh: "示例数据（非真实数据）", en: "Illustrative data (not real figures)" };

/**
 * Share of the planned change reached in 2021–2025: on track ends at the target, ahead reaches it in
 * 2024 (提前实现), lagging and regressing end short of it (未实现).
 */
const PATHS = {
  onTrack: [0.2, 0.42, 0.63, 0.82, 1],
  ahead: [0.3, 0.55, 0.8, 1, 1],
  lagging: [0.1, 0.22, 0.38, 0.55, 0.8],
  regressing: [0.08, 0.02, -0.06, 0.1, 0.3],
} as const;

/** Largest coefficients after the schools data's year (2023, recorded from the schools): still falling. */
const LATER_COEFFICIENTS: Record<string, Record<number, number>> = {
  "LOC-04-PRI": { 2024: 0.401, 2025: 0.397 },
  "LOC-04-JUN": { 2024: 0.331, 2025: 0.328 },
};

/** Which indicators lag or regress (plausibly: exchanges fell in 2021–2022; fitness slipped). */
const PATH_OF: Record<string, keyof typeof PATHS> = {
  "LOC-09": "regressing",
  "LOC-11": "regressing",
  "LOC-07": "lagging",
  "LOC-10": "lagging",
  "LOC-12": "lagging",
  "INT-04": "ahead",
  "LOC-01": "ahead",
  "LOC-06": "ahead",
};

function round(value: number, unit: string): number {
  const digits = unit === "percent" ? 4 : unit === "coefficient" ? 3 : 2;
  return Number(value.toFixed(digits));
}

/**
 * The demo value of an indicator for a year; null where the demo records it from the schools table
 * instead (a computed indicator in the schools data's year).
 */
export function demoIndicatorValue(plan: Plan, index: number, year: number): number | null {
  const ind = plan.indicators[index]!;
  if (ind.computed && year === DEMO_SCHOOL_YEAR) return null;
  const later = LATER_COEFFICIENTS[ind.id]?.[year];
  if (later !== undefined) return later;
  const b = ind.baseline.value;
  const t = ind.target.value;
  if (b === t) return t; // maintain targets are held (100 %)
  const share = PATHS[PATH_OF[ind.id] ?? "onTrack"][DEMO_YEARS.indexOf(year)]!;
  // A bound baseline (＜0.42 → ＜0.40): measured coefficients just inside the 2020 bound, falling.
  if (ind.baseline.comparator === "<") return round(b - 0.003 - 0.005 * DEMO_YEARS.indexOf(year), ind.unit);
  return round(b + (t - b) * share, ind.unit);
}

const PRIMARY = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛"].map((s) => `示例小学${s}`);
const JUNIOR = ["甲", "乙", "丙", "丁", "戊", "己"].map((s) => `示例初中${s}`);

/**
 * Schools: [name, stage, enrolment, classes, standard-size classes, seven raw figures]. 示例小学庚 is
 * built to miss two 2017 standards (degree teachers, teaching area); class sizes put about 65 % of
 * primary and 78 % of junior classes at the standard size, on the way to the 80 % / 90 % targets;
 * equipment values spread most, so the largest coefficients are 0.406 (primary: inside the 2020
 * bound ＜0.42, not yet ＜0.40) and 0.334 (junior: ＜0.35 reached).
 */
export function demoSchools(): Cell[][] {
  const rows: Cell[][] = [];
  PRIMARY.forEach((name, i) => {
    const enrolment = 900 + ((i * 337) % 1400);
    const classes = Math.round(enrolment / 43);
    const weak = i === 6;
    rows.push([
      name, "小学", enrolment, classes, Math.round(classes * (0.55 + (i % 4) * 0.06)),
      Math.round(enrolment * (weak ? 0.038 : 0.046 + (i % 3) * 0.004)),
      Math.round(enrolment * 0.012),
      Math.round(enrolment * (0.010 + (i % 2) * 0.002)),
      Math.round(enrolment * (weak ? 4.2 : 4.8 + (i % 5) * 0.4)),
      Math.round(enrolment * (7.8 + (i % 4) * 1.1)),
      Math.round(enrolment * (2100 + (i % 6) * 1100)), // the widest spread: the largest coefficient, 0.406
      Math.round(enrolment * 0.026),
    ]);
  });
  JUNIOR.forEach((name, i) => {
    const enrolment = 700 + ((i * 251) % 1100);
    const classes = Math.round(enrolment / 48);
    rows.push([
      name, "初中", enrolment, classes, Math.round(classes * (0.72 + (i % 3) * 0.06)),
      Math.round(enrolment * (0.056 + (i % 3) * 0.003)),
      Math.round(enrolment * 0.011),
      Math.round(enrolment * 0.0095),
      Math.round(enrolment * (6.1 + (i % 3) * 0.5)),
      Math.round(enrolment * (10.5 + (i % 4) * 1.5)),
      Math.round(enrolment * (2600 + (i % 5) * 1100)), // the largest junior coefficient, 0.334
      Math.round(enrolment * 0.025),
    ]);
  });
  return rows;
}

/**
 * Per-year demo figures (2021–2025) of a task that does not restate an indicator: the 2021–2023 figures
 * of a plausible mid-term, then most counts completed by 2025 and every fourth left short.
 */
function taskValues(task: TaskTarget, basis: string, index: number): number[] {
  const value = task.kind === "range" ? task.min.value : task.target.value;
  const percent = task.unit === "percent";
  // Rounded to the percent's two decimals: 0.15 + 0.02 is 0.16999999999999998 in binary.
  if (task.perYear) return percent ? [0.01, 0, 0.02, 0.01, 0].map((d) => Number((value + d).toFixed(4))) : [value + 1, value, value + 1, value, value + 2];
  if (basis.startsWith("累计")) {
    // About 60 % of the count by 2023 (at least one), spread over three years; the rest in 2024–2025.
    const total = Math.max(1, Math.round(value * 0.62));
    const first = Math.floor(total / 3);
    const second = Math.floor((total - first) / 2);
    const end = index % 4 === 3 ? Math.max(total, Math.floor(value * 0.85)) : value;
    const rest = Math.max(0, end - total);
    return [first, second, total - first - second, Math.floor(rest / 2), rest - Math.floor(rest / 2)];
  }
  if (task.kind === "change") {
    const b = task.from.value;
    // Every fourth slows after the mid-term and ends short.
    const path = index % 4 === 3 ? [0.2, 0.42, 0.63, 0.7, 0.78] : PATHS.onTrack;
    return DEMO_YEARS.map((_, k) => Number((b + (value - b) * path[k]!).toFixed(2)));
  }
  // Levels: coverage targets of 100 % reached by 2023, other shares on their way.
  if (percent && value === 1) return [0.97, 0.99, 1, 1, 1];
  return DEMO_YEARS.map((_, k) => Number((value * (percent ? Math.min(0.94 + 0.03 * k, 1.0) : 0.9 + 0.05 * k)).toFixed(percent ? 4 : 2)));
}

/**
 * Funding 2020–2025 (amounts in 10k yuan, per-student figures and pay in yuan). Appropriations are
 * not kept apart, so the budget spending stands for them. Two things worth showing: in 2022 the
 * total rises but enrolment rises faster, so spending per student falls (两个只增不减 not met); in
 * 2023 regular revenue falls while spending grows (三个增长 met).
 */
export const DEMO_FUNDING: Array<{ year: number; budget: number; revenue: number; enrolment: number[]; spending: number[]; publicFunds: number[]; teacherPay: number; civilPay: number }> = [
  { year: 2020, budget: 520000, revenue: 2100000, enrolment: [52000, 118000, 52000, 21000, 12000], spending: [18500, 21000, 28500, 33000, 36000], publicFunds: [1500, 1650, 2200, 2500, 2900], teacherPay: 128000, civilPay: 126000 },
  { year: 2021, budget: 556000, revenue: 2230000, enrolment: [51000, 121000, 53500, 21500, 12300], spending: [19200, 21800, 29400, 34100, 37200], publicFunds: [1560, 1720, 2290, 2600, 3010], teacherPay: 134000, civilPay: 132000 },
  { year: 2022, budget: 579000, revenue: 2290000, enrolment: [50000, 131000, 58000, 23000, 12800], spending: [19900, 22400, 30300, 35000, 38100], publicFunds: [1620, 1790, 2380, 2700, 3120], teacherPay: 139500, civilPay: 138000 },
  { year: 2023, budget: 605000, revenue: 2250000, enrolment: [48500, 133000, 59500, 23500, 13000], spending: [20600, 23100, 31200, 36200, 39300], publicFunds: [1690, 1860, 2470, 2810, 3240], teacherPay: 145000, civilPay: 144000 },
  { year: 2024, budget: 631000, revenue: 2330000, enrolment: [47000, 134500, 60500, 24000, 13200], spending: [21300, 23900, 32100, 37300, 40400], publicFunds: [1760, 1930, 2560, 2920, 3360], teacherPay: 150500, civilPay: 149000 },
  { year: 2025, budget: 662000, revenue: 2420000, enrolment: [45500, 135000, 61500, 24500, 13400], spending: [22100, 24800, 33100, 38500, 41600], publicFunds: [1830, 2010, 2660, 3030, 3490], teacherPay: 156000, civilPay: 154500 },
];

export interface DemoProject {
  name: string;
  stage: SchoolStage;
  kind: ProjectKind;
  places: number;
  start: number;
  completion: number;
  /** The year it was finished; null while it is not. */
  actual: number | null;
  state: ProjectState;
}

/**
 * One fictitious project per planned project of each part (57: the parts' sum, not the printed 58),
 * places splitting the part's total, completions spread over 2021–2023. Two projects due in 2022 are
 * still under construction (late), and one finished in 2023 is not yet in use.
 */
export function demoProjects(plan: Plan): DemoProject[] {
  const out: DemoProject[] = [];
  for (const part of plan.building?.parts ?? []) {
    const kinds: Array<{ kind: ProjectKind; stage: SchoolStage }> = [];
    // Expansions of the last stage of a part first (the vocational school of the senior part).
    const last = part.stages[part.stages.length - 1]!;
    const first = part.stages[0]!;
    for (let i = 0; i < part.newSchools; i++) kinds.push({ kind: "new", stage: first });
    for (let i = 0; i < part.expanded; i++) kinds.push({ kind: "expanded", stage: part.stages.length > 1 && i === part.expanded - 1 ? last : first });
    const each = Math.floor(part.places / kinds.length);
    kinds.forEach(({ kind, stage }, i) => {
      const completion = 2021 + (i % 3);
      const late = (part.id.endsWith("KG") && i === 4) || (part.id.endsWith("JUN") && i === 7);
      const notInUse = part.id.endsWith("PRI") && i === 2;
      out.push({
        name: `示例${SCHOOL_STAGE_LABELS[stage].zh}${PROJECT_KIND_LABELS[kind].zh}项目${String(i + 1).padStart(2, "0")}`,
        stage,
        kind,
        places: i === kinds.length - 1 ? part.places - each * (kinds.length - 1) : each,
        start: completion - 1,
        completion,
        actual: late ? null : completion,
        state: late ? "building" : notInUse ? "completed" : "inUse",
      });
    });
  }
  return out;
}

function fundingOps(snapshot: WorkbookSnapshot): WriteOp[] {
  const table = snapshot.tables.funding;
  if (!table) return [];
  const ops: WriteOp[] = [];
  const yearCol = table.headers.indexOf(FH.year);
  table.values.forEach((r, i) => {
    const demo = DEMO_FUNDING.find((d) => d.year === r[yearCol]);
    if (!demo) return;
    const cells = new Map<string, Cell>([
      [FH.budget, demo.budget],
      [FH.revenue, demo.revenue],
      [FH.teacherPay, demo.teacherPay],
      [FH.civilPay, demo.civilPay],
      [FH.note, DEMO_LABEL.zh],
      ...SCHOOL_STAGES.flatMap((s, k): Array<[string, Cell]> => [
        [FH.enrolment(s), demo.enrolment[k]!],
        [FH.spending(s), demo.spending[k]!],
        [FH.publicFunds(s), demo.publicFunds[k]!],
      ]),
    ]);
    for (const [header, value] of cells) {
      const c = table.headers.indexOf(header);
      if (c >= 0) ops.push({ op: "setCells", sheet: table.sheet, address: cellAddress(table.col + c, table.row + 1 + i), formulas: [[value]] });
    }
  });
  return ops;
}

function projectOps(plan: Plan, snapshot: WorkbookSnapshot): WriteOp[] {
  const table = snapshot.tables.projects;
  if (!table || !plan.building) return [];
  const columns = new Map(projectTable(plan).columns.map((c) => [c.header, c]));
  const dialect = workbookDialect(snapshot);
  const rows = demoProjects(plan).map((p, i) => {
    const values: Record<string, Cell> = {
      [PH.name]: p.name,
      [PH.stage]: SCHOOL_STAGE_LABELS[p.stage].zh,
      [PH.kind]: PROJECT_KIND_LABELS[p.kind].zh,
      [PH.places]: p.places,
      [PH.start]: p.start,
      [PH.completion]: p.completion,
      [PH.actualYear]: p.actual ?? "",
      [PH.state]: PROJECT_STATE_LABELS[p.state].zh,
      [PH.planned]: Math.round(p.places * 6.5),
      [PH.spent]: p.state === "building" ? Math.round(p.places * 4) : Math.round(p.places * 6.3),
      [PH.note]: DEMO_LABEL.zh,
    };
    const column = (h: string) => columns.get(h);
    return table.headers.map((h) => (h in values ? values[h]! : column(h) ? (columnFormula(column(h)!, dialect, formulaRow(table, i, "zh")) ?? "") : ""));
  });
  const [first, ...rest] = rows;
  if (!first) return [];
  const ops: WriteOp[] = [{ op: "setCells", sheet: table.sheet, address: rangeAddress(table.col, table.row + 1, table.headers.length, 1), formulas: [first] }];
  if (rest.length) ops.push({ op: "addTableRows", table: TABLES.projects, rows: rest });
  return ops;
}

/** Write operations that fill a freshly inserted template with the demo data. */
export function demoOps(plan: Plan, snapshot: WorkbookSnapshot): WriteOp[] {
  const ops: WriteOp[] = [];
  const label = `${DEMO_LABEL.zh} / ${DEMO_LABEL.en}`;
  // The label on every sheet of the template, where the title line leaves room (column D, row 2).
  for (const table of Object.values(snapshot.tables)) {
    if (!table) continue;
    const address = table.name === TABLES.indicators ? "D3" : "F1";
    ops.push({ op: "setCells", sheet: table.sheet, address, formulas: [[label]] });
    ops.push({ op: "format", sheet: table.sheet, address, bold: true, fontColor: "#C00000" });
  }
  const ind = snapshot.tables.indicators;
  if (ind) {
    const col = (h: string) => ind.col + ind.headers.indexOf(h);
    const rowOf = new Map(ind.values.map((r, i) => [String(r[ind.headers.indexOf(IH.id)]), ind.row + 1 + i]));
    plan.indicators.forEach((indicator, i) => {
      const row = rowOf.get(indicator.id);
      if (row === undefined) return;
      for (const year of DEMO_YEARS) {
        const value = demoIndicatorValue(plan, i, year);
        if (value !== null) ops.push({ op: "setCells", sheet: ind.sheet, address: cellAddress(col(yearHeader(year)), row), formulas: [[value]] });
      }
      ops.push({ op: "setCells", sheet: ind.sheet, address: cellAddress(col(noteHeader(2023)), row), formulas: [[DEMO_LABEL.zh]] });
    });
  }
  const tasks = snapshot.tables.tasks;
  const fedByLedger = new Set((plan.building?.parts ?? []).flatMap((p) => [p.projectsTask, p.placesTask]).concat(plan.building ? [plan.building.projectsTask, plan.building.placesTask] : []));
  if (tasks) {
    const col = (h: string) => tasks.col + tasks.headers.indexOf(h);
    tasks.values.forEach((r, i) => {
      const id = String(r[tasks.headers.indexOf(TH.id)] ?? "");
      const task = plan.tasks.find((t) => t.id === id);
      // Tasks that restate an indicator take its value, building targets the project ledger's: nothing to enter twice.
      if (!task || task.indicator || fedByLedger.has(task.id)) return;
      const values = taskValues(task, String(r[tasks.headers.indexOf(TH.basis)] ?? ""), plan.tasks.indexOf(task));
      const row = tasks.row + 1 + i;
      ops.push({ op: "setCells", sheet: tasks.sheet, address: rangeAddress(col(yearHeader(DEMO_YEARS[0]!)), row, DEMO_YEARS.length, 1), formulas: [values] });
    });
  }
  const milestones = snapshot.tables.milestones;
  if (milestones) {
    const col = (h: string) => milestones.col + milestones.headers.indexOf(h);
    milestones.values.forEach((_, i) => {
      const row = milestones.row + 1 + i;
      // A few done by 2022, most done in 2024–2025 (under way in the 2023 mid-term), two never started.
      const state = i % 4 === 3 && i % 5 !== 0 ? "notStarted" : "done";
      const doneYear = i % 5 === 0 ? 2022 : 2024 + (i % 2);
      ops.push({ op: "setCells", sheet: milestones.sheet, address: cellAddress(col(MH.state), row), formulas: [[MILESTONE_STATE_LABELS[state].zh]] });
      if (state === "done") ops.push({ op: "setCells", sheet: milestones.sheet, address: cellAddress(col(MH.doneYear), row), formulas: [[doneYear]] });
    });
  }
  const schools = snapshot.tables.schools;
  if (schools) {
    const rows = demoSchools();
    const order = [SH.school, SH.stage, SH.enrolment, SH.classes, SH.standardClasses, ...SCHOOL_INDICATORS.map((s) => s.raw)];
    const idx = order.map((h) => schools.headers.indexOf(h));
    // The first row goes into the table's empty body row; the rest are added with the calculated columns' formulas.
    // Each row gets the live columns' formulas in the workbook's dialect, written for where it will stand.
    const columns = new Map(schoolTable().columns.map((c) => [c.header, c]));
    const dialect = workbookDialect(snapshot);
    const live = (h: string, i: number) => {
      const column = columns.get(h);
      return column ? (columnFormula(column, dialect, formulaRow(schools, i, "zh")) ?? "") : "";
    };
    const full = rows.map((r, i) => schools.headers.map((h, c) => (idx.includes(c) ? r[idx.indexOf(c)]! : live(h, i))));
    const [first, ...rest] = full;
    ops.push({ op: "setCells", sheet: schools.sheet, address: rangeAddress(schools.col, schools.row + 1, schools.headers.length, 1), formulas: [first!] });
    if (rest.length) ops.push({ op: "addTableRows", table: TABLES.schools, rows: rest });
  }
  ops.push(...fundingOps(snapshot), ...projectOps(plan, snapshot));
  return ops;
}
