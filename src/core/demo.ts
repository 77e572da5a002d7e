/**
 * Illustrative data (示例数据 — not real figures) for 2021–2023: every indicator, some task targets,
 * and a set of schools, as write operations onto a workbook that holds the template. Deterministic,
 * so tests and the demo workbook agree. The figures are invented to show every status.
 */
import type { Plan } from "./plan/schema";
import { cellAddress, rangeAddress } from "./workbook/a1";
import { IH, SCHOOL_INDICATORS, SH, TABLES, TH, noteHeader, schoolTable, yearHeader } from "./workbook/layout";
import type { Cell, WorkbookSnapshot, WriteOp } from "./workbook/model";

export const DEMO_YEARS = [2021, 2022, 2023];
export const DEMO_LABEL = { zh: "示例数据（非真实数据）", en: "Illustrative data (not real figures)" };

/** Share of the planned change reached in each demo year, per indicator (cycled): shows every status. */
const PATHS: number[][] = [
  [0.3, 0.55, 0.7], // on track (≥ 0.6 by 2023)
  [0.1, 0.2, 0.35], // behind
  [0.2, 0.1, -0.1], // regressing
  [0.4, 0.8, 1.05], // met early
  [0.2, 0.4, 0.5], // behind, slightly
];

function round(value: number, unit: string): number {
  const digits = unit === "percent" ? 4 : unit === "coefficient" ? 3 : 2;
  return Number(value.toFixed(digits));
}

export function demoIndicatorValue(plan: Plan, index: number, year: number): number {
  const ind = plan.indicators[index]!;
  const b = ind.baseline.value;
  const t = ind.target.value;
  if (b === t) return year === 2022 && index % 2 === 1 ? round(t - 0.002, ind.unit) : t; // a maintain target slips once
  const share = PATHS[index % PATHS.length]![DEMO_YEARS.indexOf(year)]!;
  // Bounds (＜0.42 → ＜0.40): a measured coefficient near the bounds.
  return round(b + (t - b) * share - (ind.target.comparator === "<" ? 0.001 : 0), ind.unit);
}

/** Schools: [name, stage, enrolment, classes, standard-size classes, seven raw figures]. */
export function demoSchools(): Cell[][] {
  const rows: Cell[][] = [];
  const primary = ["湖塘实验小学", "星辰实验学校（小学部）", "礼河实验学校（小学部）", "牛塘中心小学", "夏溪小学", "横林实验小学", "洛阳中心小学", "雪堰中心小学"];
  const junior = ["湖塘实验中学", "星辰实验学校（初中部）", "礼河实验学校（初中部）", "前黄实验学校", "横山桥初级中学", "洛阳初级中学"];
  primary.forEach((name, i) => {
    const enrolment = 900 + ((i * 337) % 1400);
    const classes = Math.round(enrolment / 43);
    const weak = i === 6; // one school misses two standards
    rows.push([
      name, "小学", enrolment, classes, classes - (i % 4),
      Math.round(enrolment * (weak ? 0.038 : 0.046 + (i % 3) * 0.004)),
      Math.round(enrolment * 0.012),
      Math.round(enrolment * (0.010 + (i % 2) * 0.002)),
      Math.round(enrolment * (weak ? 4.2 : 4.8 + (i % 5) * 0.4)),
      Math.round(enrolment * (7.8 + (i % 4) * 1.1)),
      Math.round(enrolment * (2100 + (i % 6) * 250)),
      Math.round(enrolment * 0.026),
    ]);
  });
  junior.forEach((name, i) => {
    const enrolment = 700 + ((i * 251) % 1100);
    const classes = Math.round(enrolment / 48);
    rows.push([
      name, "初中", enrolment, classes, classes - (i % 3),
      Math.round(enrolment * (0.056 + (i % 3) * 0.003)),
      Math.round(enrolment * 0.011),
      Math.round(enrolment * 0.0095),
      Math.round(enrolment * (6.1 + (i % 3) * 0.5)),
      Math.round(enrolment * (10.5 + (i % 4) * 1.5)),
      Math.round(enrolment * (2600 + (i % 5) * 300)),
      Math.round(enrolment * 0.025),
    ]);
  });
  return rows;
}

/** Write operations that fill a freshly inserted template with the demo data. */
export function demoOps(plan: Plan, snapshot: WorkbookSnapshot): WriteOp[] {
  const ops: WriteOp[] = [];
  const ind = snapshot.tables.indicators;
  if (ind) {
    ops.push({ op: "setCells", sheet: ind.sheet, address: "D3", formulas: [[`${DEMO_LABEL.zh} / ${DEMO_LABEL.en}`]] });
    ops.push({ op: "format", sheet: ind.sheet, address: "D3", bold: true, fontColor: "#C00000" });
    const col = (h: string) => ind.col + ind.headers.indexOf(h);
    const rowOf = new Map(ind.values.map((r, i) => [String(r[ind.headers.indexOf(IH.id)]), ind.row + 1 + i]));
    plan.indicators.forEach((indicator, i) => {
      const row = rowOf.get(indicator.id);
      if (row === undefined) return;
      for (const year of DEMO_YEARS) {
        ops.push({ op: "setCells", sheet: ind.sheet, address: cellAddress(col(yearHeader(year)), row), formulas: [[demoIndicatorValue(plan, i, year)]] });
      }
      ops.push({ op: "setCells", sheet: ind.sheet, address: cellAddress(col(noteHeader(2023)), row), formulas: [[`${DEMO_LABEL.zh}`]] });
    });
  }
  const tasks = snapshot.tables.tasks;
  if (tasks) {
    const col = (h: string) => tasks.col + tasks.headers.indexOf(h);
    tasks.values.forEach((r, i) => {
      const value = r[tasks.headers.indexOf(TH.targetValue)];
      if (typeof value !== "number" || i % 3 === 2) return;
      const basis = String(r[tasks.headers.indexOf(TH.basis)] ?? "");
      const cumulative = basis.startsWith("累计");
      const row = tasks.row + 1 + i;
      DEMO_YEARS.forEach((year, k) => {
        const v = cumulative ? Math.round((value / 5) * (0.8 + 0.2 * k)) : Number((value * (0.9 + 0.03 * k)).toFixed(4));
        ops.push({ op: "setCells", sheet: tasks.sheet, address: cellAddress(col(yearHeader(year)), row), formulas: [[v]] });
      });
    });
  }
  const schools = snapshot.tables.schools;
  if (schools) {
    const rows = demoSchools();
    const order = [SH.school, SH.stage, SH.enrolment, SH.classes, SH.standardClasses, ...SCHOOL_INDICATORS.map((s) => s.raw)];
    const idx = order.map((h) => schools.headers.indexOf(h));
    // The first row goes into the table's empty body row; the rest are added with the calculated columns' formulas.
    const formulas = new Map(schoolTable().columns.map((c) => [c.header, c.formula ?? ""]));
    const full = rows.map((r) => schools.headers.map((h, c) => (idx.includes(c) ? r[idx.indexOf(c)]! : (formulas.get(h) ?? ""))));
    const [first, ...rest] = full;
    ops.push({ op: "setCells", sheet: schools.sheet, address: rangeAddress(schools.col, schools.row + 1, schools.headers.length, 1), formulas: [first!] });
    if (rest.length) ops.push({ op: "addTableRows", table: TABLES.schools, rows: rest });
  }
  return ops;
}
