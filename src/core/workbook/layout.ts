/**
 * What the template looks like inside a workbook: its tables (found by name, never by sheet
 * position), their columns, formulas, formats and validation. Headers are bilingual and stable:
 * formulas refer to them with structured references, so they must not depend on the language.
 */
import { labels } from "../messages";
import { layoutText } from "./text";
import { type Bilingual, type Language } from "../i18n";
import type { Building, Plan, SchoolStage, Unit } from "../plan/schema";
import type { Cell } from "./model";
import { cellAddress } from "./a1";
import {
  achievedBy,
  achievedByBasisCell,
  completionFormula,
  expectedFormula,
  fasterFormula,
  gapFormula,
  growthFormula,
  milestoneFormula,
  notBelowFormula,
  anyOf,
  quote,
  rejected,
  rejectedUpTo,
  truth,
  risesFormula,
  schoolRuleFormula,
  statusFormula,
  type FormulaDialect,
  type FundingCells,
  type RowPlan,
  type YearCell,
} from "./portable";
import { basisFromText } from "../calc/achieved";

type BuildingPart = Building["parts"][number];
import { PROJECT_KIND_LABELS, PROJECT_STATE_LABELS, SCHOOL_STAGES, SCHOOL_STAGE_LABELS } from "../calc/projects";

export const TABLES = {
  indicators: "PM_Indicators",
  tasks: "PM_Tasks",
  schools: "PM_Schools",
  balance: "PM_Balance",
  contradictions: "PM_Contradictions",
  milestones: "PM_Milestones",
  funding: "PM_Funding",
  projects: "PM_Projects",
  build: "PM_Build",
  plan: "PM_Plan",
} as const;
export type TableKey = keyof typeof TABLES;

export const META_SHEET = "PM_Meta";
export const YEAR_NAME = "PM_Year";
/** The year the schools table's data is for: computed indicators are recorded into that year. */
export const SCHOOL_YEAR_NAME = "PM_SchoolYear";

export type ColumnRole = "key" | "label" | "figure" | "input" | "note" | "formula";

export type ValidationSpec =
  /** `suggest`: the list is offered, other text is let through after a warning (a measure word the list lacks). */
  | { kind: "list"; options: string[]; suggest?: true }
  | { kind: "whole"; min: number }
  | { kind: "decimal"; min: number; max?: number }
  /** A custom rule; `{cell}` is the column's first body cell, `{Header}` that row's cell of another column. */
  | { kind: "custom"; formula: string };

/**
 * A row as a portable formula is written for it: its cells as they will stand after the write, and
 * where they stand. Portable formulas name this row's cells by A1 address: the file form of a
 * structured reference (Table[[#This Row],[header]]) with the template's bilingual headers would
 * take some formulas past Excel's 8,192 characters.
 */
export interface FormulaRow {
  cell(header: string): Cell;
  /** This row's cell of a column, relative (C5). */
  at(header: string): string;
  /** The cell of a column in the row above (the previous year in the funding table). */
  above(header: string): string;
  /** 1 for the table's first body row. */
  index: number;
  language: Language;
}

/** A row of a table at a position (0 = the first body row); `cell` gives what the row holds. */
export function formulaRow(table: { col: number; row: number; headers: readonly string[] }, bodyRow: number, language: Language, cell: (header: string) => Cell = () => null): FormulaRow {
  const column = (header: string) => {
    const i = table.headers.indexOf(header);
    if (i < 0) throw new Error(`no column ${header}`);
    return table.col + i;
  };
  return {
    cell,
    at: (header) => cellAddress(column(header), table.row + 1 + bodyRow),
    above: (header) => cellAddress(column(header), table.row + bodyRow),
    index: bodyRow + 1,
    language,
  };
}

export interface ColumnSpec {
  header: string;
  role: ColumnRole;
  width: number;
  /** Same formula in every row (a calculated column); structured references by header. */
  formula?: string;
  /**
   * The same column in the portable dialect (built-in functions only, portable.ts): one formula, or
   * one per row with what the plan fixes for the row written in as constants.
   */
  portable?: string | ((row: FormulaRow) => string);
  /** Column-wide number format; `byUnit` takes each row's format from its unit. */
  format?: string | "byUnit";
  validation?: { rule: ValidationSpec; prompt: Bilingual; error: Bilingual };
  /**
   * A key the planner types (a school, a project, a definition's ID), not one the plan gives: unlocked
   * like an input, or with protection on a row added from the pane could never be named.
   */
  typed?: true;
}

/** A column's formula in a dialect, for a row (a row a planner adds has no figures of the plan yet). */
export function columnFormula(column: ColumnSpec, dialect: FormulaDialect, row: FormulaRow): string | undefined {
  if (dialect !== "portable" || column.portable === undefined) return column.formula;
  return typeof column.portable === "string" ? column.portable : column.portable(row);
}

export interface TableSpec {
  key: TableKey;
  name: string;
  sheet: Bilingual;
  /** Top-left cell of the header row on a new sheet (0-based). */
  anchor: { col: number; row: number };
  columns: ColumnSpec[];
}

export const UNIT_FORMATS: Record<Unit, string> = {
  percent: "0.00%",
  ratio: '0.00":1"',
  years: "0.00",
  coefficient: "0.000",
  count: "#,##0",
  persons: "#,##0",
  money: "#,##0.00",
  area: "#,##0.00",
};

/** The unit label of a gross ratio, which may exceed 100 % (毛入园率, 毛入学率). */
export const GROSS_PERCENT_LABEL = { zh: "%（毛率）", en: "% (gross)" } as const;
/**
 * The unit label of a cohort ratio (义务教育巩固率: this year's students over the same cohort at entry).
 * Pupils moving in can push it past 100 %, so that is no error; but each such year asks for a note.
 */
export const COHORT_PERCENT_LABEL = { zh: "%（巩固率）", en: "% (cohort)" } as const;

const isLabel = (label: unknown, of: { zh: string; en: string }) => {
  const text = String(label ?? "").trim().toLowerCase();
  return text === of.zh || text === of.en.toLowerCase();
};
/** A percent label whose values may exceed 100 % (a gross or a cohort ratio). */
export const isGrossLabel = (label: unknown): boolean => isLabel(label, GROSS_PERCENT_LABEL) || isLabel(label, COHORT_PERCENT_LABEL);
export const isCohortLabel = (label: unknown): boolean => isLabel(label, COHORT_PERCENT_LABEL);

/** The largest value a row's unit allows (units.ts): 100 % for a percent, 150 % for a gross ratio; none otherwise. */
export function percentMax(label: unknown): number | null {
  const unit = unitFromLabel(label) ?? (String(label ?? "").trim().toLowerCase() === "percent" ? "percent" : null);
  return unit === "percent" ? (isGrossLabel(label) ? 1.5 : 1) : null;
}

/** The unit label the template writes for an indicator. */
export function indicatorUnitLabel(ind: { unit: Unit; canExceed100?: boolean; cohort?: boolean }, language: Language): string {
  if (ind.cohort) return COHORT_PERCENT_LABEL[language];
  return ind.canExceed100 ? GROSS_PERCENT_LABEL[language] : labels.unit[ind.unit][language];
}

/**
 * The measure words plans print after a figure (46395个, 13所, 1100人左右, 2000万元, 8万平方米), read as
 * the unit they count in: things as a count, people as persons, sums of money, floor or land areas.
 */
export const UNIT_WORDS: Readonly<Record<string, Unit>> = Object.fromEntries([
  ...[..."个所项次座套家处间台册本"].map((w) => [w, "count"]),
  ...["人", "名", "人次"].map((w) => [w, "persons"]),
  ...["元", "千元", "万元", "亿元"].map((w) => [w, "money"]),
  ...["平方米", "㎡", "m²", "m2", "万平方米", "亩", "公顷"].map((w) => [w, "area"]),
]);

/** The unit words the plan definition's drop-down offers, in the template's language first. */
export function unitChoices(language: Language): string[] {
  const own = Object.values(labels.unit).map((l) => l[language]);
  return [...new Set([...own, GROSS_PERCENT_LABEL[language], COHORT_PERCENT_LABEL[language], ...Object.keys(UNIT_WORDS).filter((w) => !/^(m2|千元|册|本|台|间|处|家|套|座)$/.test(w))])];
}

/** A unit label in either language, or a measure word plans print, back to its unit (for rows planners add). */
export function unitFromLabel(label: unknown): Unit | null {
  if (typeof label !== "string") return null;
  const text = label.trim();
  if (isGrossLabel(text)) return "percent";
  for (const [unit, names] of Object.entries(labels.unit)) {
    if (names.zh === text || names.en.toLowerCase() === text.toLowerCase()) return unit as Unit;
  }
  return UNIT_WORDS[text] ?? null;
}

const ref = (header: string) => `[@[${header}]]`;
/**
 * A reference where blank means "none": some desktop builds pass a blank cell as 0, so the template
 * hands the functions "" instead (excel.md: blank cells).
 */
const opt = (header: string) => `IF(${ref(header)}="","",${ref(header)})`;

// Indicator table headers.
export const IH = {
  id: "ID",
  group: "组别 Group",
  name: "指标 Indicator",
  stage: "学段 Stage",
  unit: "单位 Unit",
  direction: "方向 Direction",
  baseline: "基期值 Baseline",
  target: "目标值 Target",
  band: "左右幅度 Band",
  actual: "本年实际 Actual",
  expected: "序时进度值 Expected",
  completion: "完成率 Completion",
  gap: "差距 Gap",
  status: "状态 Status",
} as const;

/** The project ledger's one completion-year column before the planned and actual years were kept apart. */
export const LEGACY_COMPLETION_HEADER = "竣工年度 Completion year";

/** Headers of earlier template versions, renamed on upgrade (Excel keeps formulas pointing at them). */
export const RENAMED_HEADERS: Readonly<Record<string, string>> = {
  "预期值 Expected": IH.expected,
  "完成度 Completion": IH.completion,
  // The ledger's one completion year is the planned one; the actual year has its own column.
  [LEGACY_COMPLETION_HEADER]: "计划竣工年度 Planned completion year",
};
export const yearHeader = (year: number) => String(year);
export const noteHeader = (year: number) => `${year} 说明 Note`;

export function planYears(plan: Plan): number[] {
  const years: number[] = [];
  for (let y = plan.period.startYear; y <= plan.period.targetYear; y++) years.push(y);
  return years;
}

const t = layoutText;

/** Input rule for year cells: blank, or a number ≥ 0; at most 100 % in percent rows, 150 % for gross ratios. */
const yearRule = (): ValidationSpec => ({
  kind: "custom",
  formula: `=OR(ISBLANK({cell}),AND(ISNUMBER({cell}),{cell}>=0,OR(LEFT({${IH.unit}},1)<>"%",{cell}<=IF({${IH.unit}}="%",1,1.5))))`,
});

/** What the plan fixes for an indicator or task row, read from the row as it will stand. */
function rowPlan(row: FormulaRow, h: { baseline: string; target: string; unit: string; direction?: string }, perYear?: boolean): RowPlan {
  const unit = row.cell(h.unit);
  return { baseline: row.cell(h.baseline), target: row.cell(h.target), direction: h.direction ? row.cell(h.direction) : null, counts: countsThings(unit), perYear };
}

/**
 * A unit cell that counts things delivered (个数, 人数, a plan's measure word: 所, 项, 名, 万元,
 * 平方米 …): any label that is not a share, ratio, years or coefficient. Blank is unknown, not a count.
 * With no direction stated, more than a band or range of these is more delivered, not a miss.
 */
export function countsThings(label: unknown): boolean {
  if (typeof label !== "string" || label.trim() === "") return false;
  const unit = unitFromLabel(label) ?? (/^(?:%|percent)$/iu.test(label.trim()) ? "percent" : null);
  return unit === null || unit === "count" || unit === "persons" || unit === "money" || unit === "area";
}

/** The yearly cells of a row as the portable verdicts read them. */
const yearCells = (years: number[], cell: (y: number) => string, max: number | null): YearCell[] =>
  years.map((year) => ({ year, value: cell(year), rejected: rejected(cell(year), max) }));

export function indicatorTable(plan: Plan): TableSpec {
  const years = planYears(plan);
  const { baseYear, targetYear } = plan.period;
  const heads = { baseline: IH.baseline, target: IH.target, unit: IH.unit, direction: IH.direction };
  const ctx = (row: FormulaRow) => ({ year: YEAR_NAME, baseYear, deadline: targetYear, band: row.at(IH.band), language: row.language });
  const actual = (row: FormulaRow) => row.at(IH.actual);
  const actualRejected = (row: FormulaRow) => rejected(actual(row), percentMax(row.cell(IH.unit)));
  const actualChoices = years.map((y) => ref(yearHeader(y))).join(",");
  const columns: ColumnSpec[] = [
    { header: IH.id, role: "key", width: 11 },
    { header: IH.group, role: "label", width: 14 },
    { header: IH.name, role: "label", width: 36 },
    { header: IH.stage, role: "label", width: 8 },
    { header: IH.unit, role: "label", width: 9 },
    {
      header: IH.direction,
      role: "label",
      width: 11,
      validation: {
        rule: { kind: "list", options: [] }, // filled by language in plan.ts
        prompt: t.directionPrompt,
        error: t.directionError,
      },
    },
    { header: IH.baseline, role: "figure", width: 12, format: "byUnit" },
    { header: IH.target, role: "figure", width: 12, format: "byUnit" },
    bandColumn(),
  ];
  for (const y of years) {
    columns.push({
      header: yearHeader(y),
      role: "input",
      width: 11,
      format: "byUnit",
      validation: { rule: yearRule(), prompt: t.yearPrompt(y), error: t.yearError },
    });
    columns.push({ header: noteHeader(y), role: "note", width: 24 });
  }
  columns.push(
    {
      header: IH.actual,
      role: "formula",
      width: 12,
      format: "byUnit",
      // CHOOSE of a blank cell is 0, so blank is tested first. (No LET: files written outside Excel
      // would need its _xlfn./_xlpm. prefixes.)
      formula: `=IF(CHOOSE(${YEAR_NAME}-${baseYear},${actualChoices})="","",CHOOSE(${YEAR_NAME}-${baseYear},${actualChoices}))`,
    },
    {
      header: IH.expected,
      role: "formula",
      width: 12,
      format: "byUnit",
      // #N/A (no such figure in the plan: a bound baseline, a maintain target) shows as a dash.
      formula: `=IFNA(PLAN.EXPECTED(${opt(IH.baseline)},${ref(IH.target)},${YEAR_NAME},${baseYear},${targetYear}),"—")`,
      portable: (row) => expectedFormula(rowPlan(row, heads), ctx(row)),
    },
    {
      header: IH.completion,
      role: "formula",
      width: 12,
      format: "0.0%",
      formula: `=IF(${ref(IH.actual)}="","",IFNA(PLAN.PROGRESS(${opt(IH.baseline)},${ref(IH.actual)},${ref(IH.target)},${opt(IH.unit)}),"—"))`,
      portable: (row) => completionFormula(rowPlan(row, heads), actual(row), actualRejected(row), ctx(row)),
    },
    {
      header: IH.gap,
      role: "formula",
      width: 11,
      format: "byUnit",
      formula: `=IF(${ref(IH.actual)}="","",IFNA(PLAN.GAP(${ref(IH.actual)},${ref(IH.target)},${opt(IH.direction)},${opt(IH.baseline)},${opt(IH.band)},${opt(IH.unit)}),""))`,
      portable: (row) => gapFormula(rowPlan(row, heads), actual(row), actualRejected(row), ctx(row)),
    },
    {
      header: IH.status,
      role: "formula",
      width: 11,
      formula: `=PLAN.STATUS(${opt(IH.baseline)},${ref(IH.actual)},${ref(IH.target)},${YEAR_NAME},${baseYear},${targetYear},,${opt(IH.direction)},${opt(IH.band)},${opt(IH.unit)})`,
      // Per-year duties judge every year so far, as the report does.
      portable: (row) =>
        statusFormula(
          { row: rowPlan(row, heads), actual: actual(row), actualRejected: actualRejected(row), years: yearCells(years, (y) => row.at(yearHeader(y)), percentMax(row.cell(IH.unit))) },
          ctx(row),
        ),
    },
  );
  return { key: "indicators", name: TABLES.indicators, sheet: t.indicatorSheet, anchor: { col: 0, row: 4 }, columns };
}

// Task table headers.
export const TH = {
  id: "ID",
  section: "章节 Section",
  name: "任务 Task",
  target: "目标（原文） Target as printed",
  targetValue: "目标值 Target value",
  unit: "单位 Unit",
  basis: "口径 Basis",
  period: "期间 Period",
  note: "说明 Note",
  baseline: "基期值 Baseline",
  link: "关联指标 Link",
  band: "左右幅度 Band",
  achieved: "已完成 Achieved",
  rate: "完成率 Completion",
  status: "状态 Status",
} as const;

/** Half-width of a 左右 target's band: shown as 5 % on such rows, editable, blank elsewhere. */
function bandColumn(): ColumnSpec {
  return {
    header: IH.band,
    role: "input",
    width: 9,
    format: "0%",
    validation: { rule: { kind: "decimal", min: 0, max: 0.99 }, prompt: t.bandPrompt, error: t.bandError },
  };
}

export function taskTable(plan: Plan): TableSpec {
  const years = planYears(plan);
  const { baseYear } = plan.period;
  const span = `[@[${yearHeader(years[0]!)}]:[${yearHeader(years[years.length - 1]!)}]]`;
  // With the unit, a value the data check rejects leaves nothing achieved (#N/A → blank), as in the report.
  const own = `IFNA(PLAN.ACHIEVED(${span},${ref(TH.basis)},${YEAR_NAME},${years[0]},${opt(TH.unit)}),"")`;
  // The portable dialect: the row's basis, unit, link and deadline as the plan fixes them.
  const basisOf = (row: FormulaRow) => basisFromText(row.cell(TH.basis)) ?? "latest";
  const maxOf = (row: FormulaRow) => percentMax(row.cell(TH.unit));
  const ownCells = (row: FormulaRow) => yearCells(years, (y) => row.at(yearHeader(y)), maxOf(row));
  // A task that restates an indicator reads the indicator's years, as the report does.
  const sourceCells = (row: FormulaRow) => {
    const link = String(row.cell(TH.link) ?? "").trim();
    if (!link) return ownCells(row);
    return yearCells(years, (y) => `INDEX(${TABLES.indicators}[${yearHeader(y)}],MATCH(${quote(link)},${TABLES.indicators}[${IH.id}],0))`, maxOf(row));
  };
  // The achieved column reads the basis cell, as PLAN.ACHIEVED does; the status is written for the row's basis.
  const portableOwn = (row: FormulaRow) => `IF(${truth(rejectedUpTo(ownCells(row), YEAR_NAME))},"",${achievedByBasisCell(ownCells(row), row.at(TH.basis), YEAR_NAME)})`;
  const deadlineOf = (row: FormulaRow) => Number(String(row.cell(TH.period) ?? "").match(/\d{4}/g)?.pop() ?? plan.period.targetYear);
  const taskPlan = (row: FormulaRow) => rowPlan(row, { baseline: TH.baseline, target: TH.target, unit: TH.unit }, basisOf(row) === "eachYear");
  const taskCtx = (row: FormulaRow) => ({ year: YEAR_NAME, baseYear, deadline: deadlineOf(row), band: row.at(TH.band), language: row.language });
  const achieved = (row: FormulaRow) => row.at(TH.achieved);
  const achievedRejected = (row: FormulaRow) => anyOf(rejected(achieved(row), maxOf(row)), rejectedUpTo(sourceCells(row), YEAR_NAME));
  const columns: ColumnSpec[] = [
    { header: TH.id, role: "key", width: 14 },
    { header: TH.section, role: "label", width: 20 },
    { header: TH.name, role: "label", width: 34 },
    { header: TH.target, role: "label", width: 16 },
    { header: TH.targetValue, role: "figure", width: 11, format: "byUnit" },
    { header: TH.unit, role: "label", width: 8 },
    { header: TH.basis, role: "label", width: 10 },
    { header: TH.period, role: "label", width: 11 },
    { header: TH.baseline, role: "figure", width: 10, format: "byUnit" },
    { header: TH.link, role: "label", width: 11 },
    { ...bandColumn(), header: TH.band },
  ];
  for (const y of years) {
    columns.push({
      header: yearHeader(y),
      role: "input",
      width: 10,
      format: "byUnit",
      validation: { rule: yearRule(), prompt: t.taskYearPrompt(y), error: t.yearError },
    });
  }
  columns.push(
    { header: TH.note, role: "note", width: 28 },
    {
      header: TH.achieved,
      role: "formula",
      width: 11,
      format: "byUnit",
      // A task that restates an indicator takes the indicator's value; otherwise by its basis up to PM_Year.
      formula: `=IF(${ref(TH.link)}<>"",IFERROR(INDEX(${TABLES.indicators}[${IH.actual}],MATCH(${ref(TH.link)},${TABLES.indicators}[${IH.id}],0)),""),${plan.building ? ledgerFed(own) : own})`,
      portable: (row) =>
        `=IF(${row.at(TH.link)}<>"",IFERROR(INDEX(${TABLES.indicators}[${IH.actual}],MATCH(${row.at(TH.link)},${TABLES.indicators}[${IH.id}],0)),""),${plan.building ? ledgerFed(portableOwn(row), row.at(TH.id)) : portableOwn(row)})`,
    },
    {
      header: TH.rate,
      role: "formula",
      width: 11,
      format: "0.0%",
      formula: `=IF(${ref(TH.achieved)}="","",IFNA(PLAN.PROGRESS(${opt(TH.baseline)},${ref(TH.achieved)},${ref(TH.target)},${opt(TH.unit)}),"—"))`,
      portable: (row) => completionFormula(taskPlan(row), achieved(row), achievedRejected(row), taskCtx(row)),
    },
    {
      header: TH.status,
      role: "formula",
      width: 11,
      // The task's own deadline is the last year of its period; targets due every year judge the whole row.
      formula: `=PLAN.STATUS(${opt(TH.baseline)},${ref(TH.achieved)},${ref(TH.target)},${YEAR_NAME},${baseYear},VALUE(RIGHT(${ref(TH.period)},4)),,,${opt(TH.band)},${opt(TH.unit)},${span},${ref(TH.basis)})`,
      // What had been achieved by the deadline tells a target reached after it (reached late).
      portable: (row) => {
        const cells = sourceCells(row);
        const deadline = deadlineOf(row);
        const atDeadline = deadline < years[years.length - 1]! ? achievedBy(cells, basisOf(row), deadline) : undefined;
        return statusFormula({ row: taskPlan(row), actual: achieved(row), actualRejected: achievedRejected(row), years: cells, atDeadline }, taskCtx(row));
      },
    },
  );
  return { key: "tasks", name: TABLES.tasks, sheet: t.taskSheet, anchor: { col: 0, row: 2 }, columns };
}

/**
 * Building task targets take their figure from the project ledger's roll-up once the ledger has a
 * project (projects under way, places in use); before that, from the yearly cells as typed.
 */
function ledgerFed(own: string, id = ref(TH.id)): string {
  const build = (h: string) => `${TABLES.build}[${h}]`;
  const inLedger = `COUNTA(${TABLES.projects}[${PH.name}])>0`;
  const from = (task: string, value: string) =>
    `IF(AND(${inLedger},COUNTIF(${build(task)},${id})>0),INDEX(${build(value)},MATCH(${id},${build(task)},0)),`;
  return `${from(BUH.projectsTask, BUH.counted)}${from(BUH.placesTask, BUH.delivered)}${own}))`;
}

// School table headers: identity, size, the seven raw inputs, then the seven per-student values.
export const SH = {
  school: "学校 School",
  stage: "学段 Stage",
  enrolment: "在校生数 Enrolment",
  classes: "班级数 Classes",
  standardClasses: "标准班额班级数 Standard-size classes",
  balance: "校级达标 Meets 2017 rule",
} as const;

/** Raw input and computed per-student header for each 2017 indicator; per-100 for head counts. */
export const SCHOOL_INDICATORS = [
  { id: "degree", raw: "高学历教师数 Teachers above required degree", per: "每百生高学历教师 Per 100: degree teachers", scale: 100 },
  { id: "backbone", raw: "县级以上骨干教师数 Key teachers (county+)", per: "每百生骨干教师 Per 100: key teachers", scale: 100 },
  { id: "artsPe", raw: "体育艺术专任教师数 PE and arts teachers", per: "每百生体艺教师 Per 100: PE/arts teachers", scale: 100 },
  { id: "teachingArea", raw: "教学及辅助用房面积 Teaching area m2", per: "生均教学用房 Teaching m2 per student", scale: 1 },
  { id: "sportsArea", raw: "体育运动场馆面积 Sports area m2", per: "生均体育场馆 Sports m2 per student", scale: 1 },
  { id: "equipment", raw: "教学仪器设备值 Equipment value yuan", per: "生均设备值 Equipment yuan per student", scale: 1 },
  { id: "multimedia", raw: "网络多媒体教室数 Multimedia classrooms", per: "每百生多媒体教室 Per 100: multimedia rooms", scale: 100 },
] as const;

export const STAGE_OPTIONS = ["小学", "初中"];

export function schoolTable(): TableSpec {
  const enrol = ref(SH.enrolment);
  const columns: ColumnSpec[] = [
    { header: SH.school, role: "key", width: 22, typed: true },
    {
      header: SH.stage,
      role: "input",
      width: 8,
      validation: { rule: { kind: "list", options: STAGE_OPTIONS }, prompt: t.stagePrompt, error: t.stageError },
    },
    {
      header: SH.enrolment,
      role: "input",
      width: 11,
      format: "#,##0",
      validation: { rule: { kind: "whole", min: 1 }, prompt: t.enrolmentPrompt, error: t.enrolmentError },
    },
    {
      header: SH.classes,
      role: "input",
      width: 9,
      format: "#,##0",
      validation: { rule: { kind: "whole", min: 0 }, prompt: t.countPrompt, error: t.countError },
    },
    {
      header: SH.standardClasses,
      role: "input",
      width: 12,
      format: "#,##0",
      validation: {
        rule: { kind: "custom", formula: `=OR(ISBLANK({cell}),AND(ISNUMBER({cell}),{cell}>=0,{cell}=INT({cell}),{cell}<=N({${SH.classes}})))` },
        prompt: t.standardClassesPrompt,
        error: t.standardClassesError,
      },
    },
  ];
  for (const ind of SCHOOL_INDICATORS) {
    const whole = ind.scale === 100;
    columns.push({
      header: ind.raw,
      role: "input",
      width: 13,
      format: whole ? "#,##0" : "#,##0.00",
      validation: whole
        ? { rule: { kind: "whole", min: 0 }, prompt: t.countPrompt, error: t.countError }
        : { rule: { kind: "decimal", min: 0 }, prompt: t.amountPrompt, error: t.amountError },
    });
  }
  for (const ind of SCHOOL_INDICATORS) {
    const value = ref(ind.raw);
    const scaled = ind.scale === 100 ? `${value}/${enrol}*100` : `${value}/${enrol}`;
    columns.push({
      header: ind.per,
      role: "formula",
      width: 12,
      format: "0.00",
      formula: `=IF(OR(${enrol}="",${enrol}=0,${value}=""),"",${scaled})`,
    });
  }
  const perRange = `[@[${SCHOOL_INDICATORS[0].per}]:[${SCHOOL_INDICATORS[SCHOOL_INDICATORS.length - 1]!.per}]]`;
  columns.push(
    {
      header: SH.balance,
      role: "formula",
      width: 13,
      // Blank until all seven values exist; a wrong stage shows PLAN.BALANCE's own #VALUE! message.
      // A label, not the logical itself: LibreOffice recalculates every formula cell whose cached
      // result is a logical, and without the add-in that is #NAME? (it keeps cached text and numbers).
      formula: `=IF(COUNT(${perRange})<7,"",IF(PLAN.BALANCE(${perRange},${ref(SH.stage)}),"${SCHOOL_RULE_LABELS.pass}","${SCHOOL_RULE_LABELS.fail}"))`,
      portable: (row) =>
        schoolRuleFormula(
          SCHOOL_INDICATORS.map((i) => row.at(i.per)),
          row.at(SH.stage),
          `${row.at(SCHOOL_INDICATORS[0].per)}:${row.at(SCHOOL_INDICATORS[SCHOOL_INDICATORS.length - 1]!.per)}`,
          SCHOOL_RULE_LABELS,
        ),
    },
  );
  return { key: "schools", name: TABLES.schools, sheet: t.schoolSheet, anchor: { col: 0, row: 2 }, columns };
}

export const BH = {
  indicator: "指标 Indicator",
  primaryCv: "小学差异系数 Primary CV",
  primaryNational: "小学 ≤0.50 National",
  primaryPlan: "小学 规划目标 Plan target",
  juniorCv: "初中差异系数 Junior CV",
  juniorNational: "初中 ≤0.45 National",
  juniorPlan: "初中 规划目标 Plan target",
} as const;

/** Named cells a planner can type into an indicator's year cell, e.g. =PM_CV_Max_Primary. */
export const BALANCE_NAMES = {
  maxPrimary: "PM_CV_Max_Primary",
  maxJunior: "PM_CV_Max_Junior",
  meanPrimary: "PM_CV_Mean_Primary",
  meanJunior: "PM_CV_Mean_Junior",
  classPrimary: "PM_ClassShare_Primary",
  classJunior: "PM_ClassShare_Junior",
} as const;

export function balanceTable(): TableSpec {
  const columns: ColumnSpec[] = [
    { header: BH.indicator, role: "key", width: 40 },
    { header: BH.primaryCv, role: "formula", width: 13, format: "byUnit" },
    { header: BH.primaryNational, role: "formula", width: 12 },
    { header: BH.primaryPlan, role: "formula", width: 12 },
    { header: BH.juniorCv, role: "formula", width: 13, format: "byUnit" },
    { header: BH.juniorNational, role: "formula", width: 12 },
    { header: BH.juniorPlan, role: "formula", width: 12 },
  ];
  return { key: "balance", name: TABLES.balance, sheet: t.balanceSheet, anchor: { col: 0, row: 2 }, columns };
}

// Milestone table headers.
export const MH = {
  id: "ID",
  section: "章节 Section",
  name: "里程碑 Milestone",
  plannedYear: "计划年度 Planned year",
  state: "进展 State",
  doneYear: "完成年度 Year done",
  note: "说明 Note",
  status: "状态 Status",
} as const;

export function milestoneTable(plan: Plan): TableSpec {
  const { baseYear, startYear, targetYear } = plan.period;
  const columns: ColumnSpec[] = [
    { header: MH.id, role: "key", width: 22 },
    { header: MH.section, role: "label", width: 20 },
    { header: MH.name, role: "label", width: 40 },
    { header: MH.plannedYear, role: "figure", width: 10, format: "0" },
    {
      header: MH.state,
      role: "input",
      width: 10,
      validation: { rule: { kind: "list", options: [] }, prompt: t.statePrompt, error: t.stateError }, // options by language in insert.ts
    },
    {
      header: MH.doneYear,
      role: "input",
      width: 10,
      format: "0",
      validation: { rule: { kind: "decimal", min: startYear, max: targetYear }, prompt: t.doneYearPrompt(startYear, targetYear), error: t.doneYearError(startYear, targetYear) },
    },
    { header: MH.note, role: "note", width: 30 },
    {
      header: MH.status,
      role: "formula",
      width: 11,
      formula: `=PLAN.MILESTONE(${opt(MH.state)},${ref(MH.plannedYear)},${YEAR_NAME},${opt(MH.doneYear)},${baseYear})`,
      portable: (row) => milestoneFormula({ state: row.at(MH.state), planned: row.at(MH.plannedYear), done: row.at(MH.doneYear) }, { year: YEAR_NAME, baseYear, language: row.language }),
    },
  ];
  return { key: "milestones", name: TABLES.milestones, sheet: t.milestoneSheet, anchor: { col: 0, row: 2 }, columns };
}

export const CH = {
  id: "ID",
  kind: "类型 Kind",
  summary: "说明 Summary",
  refs: "涉及 Refs",
  statements: "原文 Statements",
} as const;

export function contradictionTable(): TableSpec {
  const columns: ColumnSpec[] = [
    { header: CH.id, role: "key", width: 18 },
    { header: CH.kind, role: "label", width: 14 },
    { header: CH.summary, role: "label", width: 70 },
    { header: CH.refs, role: "label", width: 26 },
    { header: CH.statements, role: "label", width: 60 },
  ];
  return { key: "contradictions", name: TABLES.contradictions, sheet: t.contradictionSheet, anchor: { col: 0, row: 2 }, columns };
}

// Funding table (domain notes §8): one row per year, amounts as the statistics publish them.
const STAGE_EN: Record<SchoolStage, string> = { preschool: "pre-school", primary: "primary", junior: "junior", senior: "senior high", vocational: "vocational" };
const stageWord = (s: SchoolStage) => `${SCHOOL_STAGE_LABELS[s].zh} ${STAGE_EN[s]}`;

export const FH = {
  year: "年度 Year",
  budget: "一般公共预算教育支出（万元） Budget education spending (10k yuan)",
  appropriation: "财政教育拨款（万元） Education appropriations (10k yuan)",
  revenue: "财政经常性收入（万元） Regular fiscal revenue (10k yuan)",
  enrolment: (s: SchoolStage) => `在校生 ${stageWord(s)} Enrolment`,
  spending: (s: SchoolStage) => `生均教育经费 ${stageWord(s)}（元） Spending per student (yuan)`,
  publicFunds: (s: SchoolStage) => `生均公用经费 ${stageWord(s)}（元） Public funds per student (yuan)`,
  teacherPay: "义务教育教师年均工资（元） Teachers average pay (yuan)",
  civilPay: "公务员年均工资（元） Civil servants average pay (yuan)",
  note: "说明 Note",
  compared: "比较口径拨款（万元） Appropriations compared",
  perStudent: "生均一般公共预算教育支出（元） Budget spending per student (yuan)",
  appropriationGrowth: "拨款增长 Appropriation growth",
  revenueGrowth: "经常性收入增长 Revenue growth",
  budgetGrowth: "预算教育支出增长 Budget spending growth",
  perStudentGrowth: "生均预算支出增长 Per-student budget growth",
  spendingGrowth: (s: SchoolStage) => `生均教育经费增长 ${stageWord(s)} Spending growth`,
  publicFundsGrowth: (s: SchoolStage) => `生均公用经费增长 ${stageWord(s)} Public funds growth`,
  teacherPayGrowth: "教师工资增长 Teachers pay growth",
} as const;

/** The funding checks, in the order of the sheet and the report. */
export const FUNDING_CHECKS = ["appropriation", "spending", "publicFunds", "teacherPay", "budget", "perStudent", "payParity"] as const;
export type FundingCheckId = (typeof FUNDING_CHECKS)[number];

export const FUNDING_CHECK_HEADERS: Record<FundingCheckId, string> = {
  appropriation: "三个增长：拨款高于收入 Appropriations outgrow revenue",
  spending: "三个增长：生均教育经费增长 Spending per student grows",
  publicFunds: "三个增长：生均公用经费增长 Public funds per student grow",
  teacherPay: "三个增长：教师工资增长 Teachers pay grows",
  budget: "只增不减：预算教育支出 Budget spending never falls",
  perStudent: "只增不减：生均预算支出 Budget per student never falls",
  payParity: "教师工资不低于公务员 Teachers paid at least as civil servants",
};

export function fundingTable(plan: Plan): TableSpec {
  const col = (h: string) => `${TABLES.funding}[[${h}]]`;
  const block = (f: (s: SchoolStage) => string) => `${TABLES.funding}[[${f(SCHOOL_STAGES[0]!)}]:[${f(SCHOOL_STAGES[SCHOOL_STAGES.length - 1]!)}]]`;
  // Position of the row in the table (1 = the base year): the growth functions compare it with the row above.
  const at = `ROW()-ROW(${TABLES.funding}[[#Headers],[${FH.year}]])`;
  const amount = (header: string, prompt: Bilingual, decimals = true): ColumnSpec => ({
    header,
    role: "input",
    width: 13,
    format: decimals ? "#,##0.00" : "#,##0",
    validation: { rule: { kind: "decimal", min: 0 }, prompt, error: t.amountError },
  });
  // A blank figure has no growth: tested first, so hosts without the add-in never call it there.
  // The portable checks compare a row with the row above; the first year has nothing to compare with.
  const cells = (row: FormulaRow): FundingCells => ({ cur: row.at, prev: row.above });
  const growth = (header: string, of: string): ColumnSpec => ({
    header,
    role: "formula",
    width: 10,
    format: "0.00%",
    formula: `=IF(OR([@[${of}]]="",${at}=1),"",PLAN.GROWTH(${col(of)},${at}))`,
    portable: (row) => (row.index === 1 ? `=""` : growthFormula(row.at(of), row.above(of))),
  });
  const columns: ColumnSpec[] = [
    { header: FH.year, role: "key", width: 8, format: "0" },
    amount(FH.budget, t.fundingAmountPrompt),
    amount(FH.appropriation, t.appropriationPrompt),
    amount(FH.revenue, t.fundingAmountPrompt),
    ...SCHOOL_STAGES.map((s) => ({ ...amount(FH.enrolment(s), t.enrolmentCountPrompt, false), validation: { rule: { kind: "whole", min: 0 } as ValidationSpec, prompt: t.enrolmentCountPrompt, error: t.countError } })),
    ...SCHOOL_STAGES.map((s) => amount(FH.spending(s), t.perStudentPrompt)),
    ...SCHOOL_STAGES.map((s) => amount(FH.publicFunds(s), t.perStudentPrompt)),
    amount(FH.teacherPay, t.payPrompt, false),
    amount(FH.civilPay, t.payPrompt, false),
    { header: FH.note, role: "note", width: 24 },
    {
      header: FH.compared,
      role: "formula",
      width: 13,
      format: "#,##0.00",
      // Where appropriations are not kept apart, the budget education spending stands for them.
      formula: `=IF([@[${FH.appropriation}]]="",IF([@[${FH.budget}]]="","",[@[${FH.budget}]]),[@[${FH.appropriation}]])`,
    },
    {
      header: FH.perStudent,
      role: "formula",
      width: 13,
      format: "#,##0.00",
      formula: `=IF(OR([@[${FH.budget}]]="",COUNT([@[${FH.enrolment(SCHOOL_STAGES[0]!)}]:[${FH.enrolment(SCHOOL_STAGES[SCHOOL_STAGES.length - 1]!)}]])<${SCHOOL_STAGES.length}),"",IFERROR([@[${FH.budget}]]*10000/SUM([@[${FH.enrolment(SCHOOL_STAGES[0]!)}]:[${FH.enrolment(SCHOOL_STAGES[SCHOOL_STAGES.length - 1]!)}]]),""))`,
    },
    growth(FH.appropriationGrowth, FH.compared),
    growth(FH.revenueGrowth, FH.revenue),
    growth(FH.budgetGrowth, FH.budget),
    growth(FH.perStudentGrowth, FH.perStudent),
    ...SCHOOL_STAGES.map((s) => growth(FH.spendingGrowth(s), FH.spending(s))),
    ...SCHOOL_STAGES.map((s) => growth(FH.publicFundsGrowth(s), FH.publicFunds(s))),
    growth(FH.teacherPayGrowth, FH.teacherPay),
  ];
  const enrol = block(FH.enrolment);
  const checks: Record<FundingCheckId, string> = {
    appropriation: `=PLAN.FASTER(${col(FH.compared)},${col(FH.revenue)},${at})`,
    spending: `=PLAN.GROWS(${block(FH.spending)},${at},${enrol})`,
    publicFunds: `=PLAN.GROWS(${block(FH.publicFunds)},${at},${enrol})`,
    teacherPay: `=PLAN.GROWS(${col(FH.teacherPay)},${at})`,
    budget: `=PLAN.NOFALL(${col(FH.budget)},${at})`,
    perStudent: `=PLAN.NOFALL(${col(FH.perStudent)},${at})`,
    payParity: `=PLAN.NOTBELOW([@[${FH.teacherPay}]],[@[${FH.civilPay}]])`,
  };
  // A year with no figure at all is not reported yet: its checks stay blank rather than 无数据; the
  // first year has nothing to compare with.
  const reported = `OR(COUNT([@[${FH.budget}]:[${FH.civilPay}]])=0,${at}=1)`;
  const stages = (f: (s: SchoolStage) => string) => SCHOOL_STAGES.map(f);
  const portable = (id: FundingCheckId, row: FormulaRow): string => {
    const [c, language] = [cells(row), row.language];
    switch (id) {
      case "appropriation":
        return fasterFormula(FH.compared, FH.revenue, c, language);
      case "spending":
        return risesFormula(stages(FH.spending), true, c, language, stages(FH.enrolment));
      case "publicFunds":
        return risesFormula(stages(FH.publicFunds), true, c, language, stages(FH.enrolment));
      case "teacherPay":
        return risesFormula([FH.teacherPay], true, c, language);
      case "budget":
        return risesFormula([FH.budget], false, c, language);
      case "perStudent":
        return risesFormula([FH.perStudent], false, c, language);
      case "payParity":
        return notBelowFormula(row.at(FH.teacherPay), row.at(FH.civilPay), language);
    }
  };
  for (const id of FUNDING_CHECKS) {
    columns.push({
      header: FUNDING_CHECK_HEADERS[id],
      role: "formula",
      width: 12,
      formula: `=IF(${reported},"",${checks[id].slice(1)})`,
      portable: (row) => (row.index === 1 ? `=""` : `=IF(COUNT(${row.at(FH.budget)}:${row.at(FH.civilPay)})=0,"",${portable(id, row)})`),
    });
  }
  void plan;
  return { key: "funding", name: TABLES.funding, sheet: t.fundingSheet, anchor: { col: 0, row: 2 }, columns };
}

// Project ledger and its roll-up (domain notes §9).
export const PH = {
  name: "项目 Project",
  stage: "学段 Stage",
  kind: "类型 Kind",
  places: "计划学位 Planned places",
  start: "开工年度 Start year",
  /** The year the programme set (upgraded from the one "竣工年度" column of earlier versions). */
  completion: "计划竣工年度 Planned completion year",
  state: "进展 State",
  planned: "计划投资（万元） Planned investment (10k yuan)",
  spent: "已完成投资（万元） Investment spent (10k yuan)",
  note: "说明 Note",
  late: "逾期 Late",
  /** The year it was really finished; kept apart from the planned year so lateness survives it. */
  actualYear: "实际竣工年度 Actual completion year",
} as const;

/** The schools sheet's 2017-rule column (bilingual: the sheet's formulas do not depend on the language). */
export const SCHOOL_RULE_LABELS = { pass: "达标 Met", fail: "未达标 Not met" } as const;

/** The project ledger's live marks: past its planned year unfinished, and finished after it. */
export const LATE_LABEL = "逾期 Late";
export const FINISHED_LATE_LABEL = "逾期完成 Finished late";

const both = (labels: Record<string, Bilingual>, keys: readonly string[]) => keys.flatMap((k) => [labels[k]!.zh, labels[k]!.en]);
const quoteAll = (items: string[], sep: "," | ";") => `{${items.map((i) => `"${i}"`).join(sep)}}`;

export function projectTable(plan: Plan): TableSpec {
  const { startYear, targetYear } = plan.period;
  const state = `[@[${PH.state}]]`;
  const planned = `[@[${PH.completion}]]`;
  const actual = `[@[${PH.actualYear}]]`;
  const unfinished = `AND(${both(PROJECT_STATE_LABELS, ["completed", "inUse"]).map((l) => `${state}<>"${l}"`).join(",")})`;
  const yearRule = (prompt: Bilingual): ColumnSpec["validation"] => ({
    rule: { kind: "decimal", min: startYear - 5, max: targetYear + 5 },
    prompt,
    error: t.projectYearError(startYear - 5, targetYear + 5),
  });
  const columns: ColumnSpec[] = [
    { header: PH.name, role: "key", width: 30, typed: true },
    { header: PH.stage, role: "input", width: 10, validation: { rule: { kind: "list", options: [] }, prompt: t.projectStagePrompt, error: t.projectStageError } },
    { header: PH.kind, role: "input", width: 9, validation: { rule: { kind: "list", options: [] }, prompt: t.projectKindPrompt, error: t.projectKindError } },
    { header: PH.places, role: "input", width: 10, format: "#,##0", validation: { rule: { kind: "whole", min: 0 }, prompt: t.countPrompt, error: t.countError } },
    { header: PH.start, role: "input", width: 9, format: "0", validation: yearRule(t.startYearPrompt) },
    { header: PH.completion, role: "input", width: 9, format: "0", validation: yearRule(t.completionYearPrompt) },
    { header: PH.actualYear, role: "input", width: 9, format: "0", validation: yearRule(t.actualYearPrompt) },
    { header: PH.state, role: "input", width: 11, validation: { rule: { kind: "list", options: [] }, prompt: t.projectStatePrompt, error: t.projectStateError } },
    { header: PH.planned, role: "input", width: 12, format: "#,##0.00", validation: { rule: { kind: "decimal", min: 0 }, prompt: t.amountPrompt, error: t.amountError } },
    { header: PH.spent, role: "input", width: 12, format: "#,##0.00", validation: { rule: { kind: "decimal", min: 0 }, prompt: t.amountPrompt, error: t.amountError } },
    { header: PH.note, role: "note", width: 24 },
    {
      header: PH.late,
      role: "formula",
      width: 9,
      // As of the monitoring year (the rule of calc/projects.ts): past the planned year and not finished
      // by then (unfinished, or finished only in a later year) is late; finished by then after the
      // planned year is finished late. Bilingual like the headers.
      formula:
        `=IF(OR(${planned}="",${state}=""),"",` +
        `IF(AND(${YEAR_NAME}>${planned},OR(${unfinished},AND(${actual}<>"",${actual}>${YEAR_NAME}))),"${LATE_LABEL}",` +
        `IF(AND(NOT(${unfinished}),${actual}<>"",${actual}>${planned},${actual}<=${YEAR_NAME}),"${FINISHED_LATE_LABEL}","")))`,
    },
  ];
  return { key: "projects", name: TABLES.projects, sheet: t.projectSheet, anchor: { col: 0, row: 2 }, columns };
}

export const BUH = {
  id: "ID",
  part: "分项 Part",
  planNew: "规划新建 Plan new",
  planExpanded: "规划改扩建 Plan expansions",
  planProjects: "规划项目 Plan projects",
  planPlaces: "规划学位 Plan places",
  ledgerNew: "台账新建 Ledger new",
  ledgerExpanded: "台账改扩建 Ledger expansions",
  ledgerProjects: "台账项目 Ledger projects",
  ledgerPlaces: "台账学位 Ledger places",
  underWay: "已实施项目 Projects under way or done",
  delivered: "已交付学位 Places in use",
  late: "逾期项目 Late projects",
  underWayNew: "已实施新建 New under way or done",
  underWayExpanded: "已实施改扩建 Expansions under way or done",
  counted: "按分项计实施 Counted against the split",
  finishedLate: "逾期完成项目 Finished late",
  projectsTask: "项目任务 Projects task",
  placesTask: "学位任务 Places task",
} as const;

/**
 * Roll-up formulas over the ledger, for a set of stages (all stages: no stage filter). `counted` is
 * how the row counts its projects: against the plan's new/expansion split (a part), as the sum of
 * the parts' counts, or every project under way (the programme total, which has no split).
 */
export function rollupFormulas(
  stages: readonly SchoolStage[] | null,
  counted: "split" | { parts: readonly Pick<BuildingPart, "stages" | "newSchools" | "expanded">[] } | "all" = "all",
): Partial<Record<string, string>> {
  const p = (h: string) => `${TABLES.projects}[${h}]`;
  const filterOf = (of: readonly SchoolStage[] | null) => (of ? `,${p(PH.stage)},${quoteAll(both(SCHOOL_STAGE_LABELS, of), ",")}` : "");
  const stageFilter = filterOf(stages);
  const countOf = (of: readonly SchoolStage[] | null, extra: string) => `SUM(COUNTIFS(${p(PH.name)},"<>"${filterOf(of)}${extra}))`;
  const count = (extra: string) => `=${countOf(stages, extra)}`;
  const sum = (extra: string) => `=SUM(SUMIFS(${p(PH.places)},${p(PH.name)},"<>"${stageFilter}${extra}))`;
  const kind = (k: "new" | "expanded") => `,${p(PH.kind)},${quoteAll(both(PROJECT_KIND_LABELS, [k]), ";")}`;
  const states = (keys: string[]) => `,${p(PH.state)},${quoteAll(both(PROJECT_STATE_LABELS, keys), ";")}`;
  const going = `${states(["building", "completed", "inUse"])},${p(PH.start)},"<="&${YEAR_NAME}`;
  // Under way of one kind: the stage list runs across and the state list down, so the kind (in
  // either language) is one criterion at a time — a third array would pair with the states, not cross them.
  const goingOf = (of: readonly SchoolStage[] | null, k: "new" | "expanded") =>
    both(PROJECT_KIND_LABELS, [k]).map((label) => countOf(of, `,${p(PH.kind)},"${label}"${going}`)).join("+");
  const own = (h: string) => `[@[${h}]]`;
  return {
    [BUH.ledgerNew]: count(kind("new")),
    [BUH.ledgerExpanded]: count(kind("expanded")),
    [BUH.ledgerProjects]: count(""),
    [BUH.ledgerPlaces]: sum(""),
    [BUH.underWay]: count(going),
    [BUH.delivered]: sum(`${states(["inUse"])},${p(PH.actualYear)},"<="&${YEAR_NAME}`),
    // The ledger's own per-row marks carry the lateness rule; the roll-up only counts them.
    [BUH.late]: count(`,${p(PH.late)},"${LATE_LABEL}"`),
    [BUH.underWayNew]: `=${goingOf(stages, "new")}`,
    [BUH.underWayExpanded]: `=${goingOf(stages, "expanded")}`,
    [BUH.counted]:
      counted === "split"
        ? `=MIN(${own(BUH.underWayNew)},${own(BUH.planNew)})+MIN(${own(BUH.underWayExpanded)},${own(BUH.planExpanded)})`
        : counted === "all"
          ? `=${own(BUH.underWay)}`
          : // Each part again from the ledger (the parts' own cells are in this column: reading them would be circular).
            `=${counted.parts.map((part) => `MIN(${goingOf(part.stages, "new")},${part.newSchools})+MIN(${goingOf(part.stages, "expanded")},${part.expanded})`).join("+")}`,
    [BUH.finishedLate]: count(`,${p(PH.late)},"${FINISHED_LATE_LABEL}"`),
  };
}

export function buildTable(): TableSpec {
  const figure = (header: string, width = 10): ColumnSpec => ({ header, role: "figure", width, format: "#,##0" });
  const live = (header: string, width = 10): ColumnSpec => ({ header, role: "formula", width, format: "#,##0" });
  const columns: ColumnSpec[] = [
    { header: BUH.id, role: "key", width: 11 },
    { header: BUH.part, role: "label", width: 24 },
    figure(BUH.planNew),
    figure(BUH.planExpanded),
    figure(BUH.planProjects),
    figure(BUH.planPlaces),
    live(BUH.ledgerNew),
    live(BUH.ledgerExpanded),
    live(BUH.ledgerProjects),
    live(BUH.ledgerPlaces),
    live(BUH.underWay, 12),
    live(BUH.delivered, 12),
    live(BUH.late),
    live(BUH.underWayNew, 12),
    live(BUH.underWayExpanded, 12),
    live(BUH.counted, 12),
    live(BUH.finishedLate),
    { header: BUH.projectsTask, role: "label", width: 15 },
    { header: BUH.placesTask, role: "label", width: 15 },
  ];
  return { key: "build", name: TABLES.build, sheet: t.buildSheet, anchor: { col: 0, row: 2 }, columns };
}

// The plan definition (规划定义): the plan as rows a planner edits and applies.
export const DH = {
  id: "ID",
  kind: "类别 Kind",
  group: "组别或章节 Group or section",
  name: "名称 Name",
  nameEn: "英文名称 English name",
  stage: "学段 Stage",
  unit: "单位 Unit",
  direction: "方向 Direction",
  baseline: "基期值（原文） Baseline as printed",
  target: "目标值（原文） Target as printed",
  period: "期间 Period",
  source: "来源行 Source line",
  link: "关联 Link",
  note: "说明 Note",
  /** 约束性 / 预期性, where the plan's table prints it (optional). */
  attribute: "属性 Attribute",
} as const;

export { DEFINITION_NAMES } from "./names";

/** Where the named cells stand on the definition sheet (row 3: label, value, label, value …). */
export const DEFINITION_CELLS: Record<keyof typeof import("./names").DEFINITION_NAMES, string> = { baseYear: "B3", targetYear: "D3", name: "F3", nameEn: "H3" };

export function definitionTable(): TableSpec {
  const input = (header: string, width: number, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({ header, role: "input", width, ...extra });
  const columns: ColumnSpec[] = [
    { header: DH.id, role: "key", width: 16, typed: true },
    input(DH.kind, 9, { validation: { rule: { kind: "list", options: [] }, prompt: t.definitionKindPrompt, error: t.definitionKindError } }),
    input(DH.group, 18),
    input(DH.name, 34),
    input(DH.nameEn, 28),
    input(DH.stage, 7),
    // The units and measure words the rules read, offered; a task may print another word (read as a count).
    input(DH.unit, 8, { validation: { rule: { kind: "list", options: [], suggest: true }, prompt: t.unitPrompt, error: t.unitError } }),
    input(DH.direction, 10),
    input(DH.baseline, 12, { format: "@" }),
    input(DH.target, 12, { format: "@" }),
    input(DH.period, 11, { format: "@" }),
    input(DH.source, 8, { format: "0" }),
    input(DH.link, 14),
    { header: DH.note, role: "note", width: 30 },
    input(DH.attribute, 9, { validation: { rule: { kind: "list", options: [] }, prompt: t.attributePrompt, error: t.attributeError } }),
  ];
  return { key: "plan", name: TABLES.plan, sheet: t.definitionSheet, anchor: { col: 0, row: 4 }, columns };
}

export function allTables(plan: Plan): TableSpec[] {
  const tables = [indicatorTable(plan), taskTable(plan), milestoneTable(plan), schoolTable(), balanceTable(), contradictionTable(), fundingTable(plan)];
  if (plan.building) tables.push(projectTable(plan), buildTable());
  tables.push(definitionTable());
  return tables;
}

export function directionOptions(language: Language): string[] {
  return (["higher", "lower", "maintain", "bound"] as const).map((d) => labels.direction[d][language]);
}

