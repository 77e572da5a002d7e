/**
 * What the template looks like inside a workbook: its tables (found by name, never by sheet
 * position), their columns, formulas, formats and validation. Headers are bilingual and stable:
 * formulas refer to them with structured references, so they must not depend on the language.
 */
import { labels } from "../messages";
import { layoutText } from "./text";
import { type Bilingual, type Language } from "../i18n";
import type { Plan, Unit } from "../plan/schema";

export const TABLES = {
  indicators: "PM_Indicators",
  tasks: "PM_Tasks",
  schools: "PM_Schools",
  balance: "PM_Balance",
  contradictions: "PM_Contradictions",
  milestones: "PM_Milestones",
} as const;
export type TableKey = keyof typeof TABLES;

export const META_SHEET = "PM_Meta";
export const YEAR_NAME = "PM_Year";
/** The year the schools table's data is for: computed indicators are recorded into that year. */
export const SCHOOL_YEAR_NAME = "PM_SchoolYear";

export type ColumnRole = "key" | "label" | "figure" | "input" | "note" | "formula";

export type ValidationSpec =
  | { kind: "list"; options: string[] }
  | { kind: "whole"; min: number }
  | { kind: "decimal"; min: number; max?: number }
  /** A custom rule; `{cell}` is the column's first body cell, `{Header}` that row's cell of another column. */
  | { kind: "custom"; formula: string };

export interface ColumnSpec {
  header: string;
  role: ColumnRole;
  width: number;
  /** Same formula in every row (a calculated column); structured references by header. */
  formula?: string;
  /** Column-wide number format; `byUnit` takes each row's format from its unit. */
  format?: string | "byUnit";
  validation?: { rule: ValidationSpec; prompt: Bilingual; error: Bilingual };
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
};

/** The unit label of a gross ratio, which may exceed 100 % (毛入园率, 毛入学率). */
export const GROSS_PERCENT_LABEL = { zh: "%（毛率）", en: "% (gross)" } as const;

export function isGrossLabel(label: unknown): boolean {
  const text = String(label ?? "").trim().toLowerCase();
  return text === GROSS_PERCENT_LABEL.zh || text === GROSS_PERCENT_LABEL.en;
}

/** A unit label in either language back to its unit (for rows planners add). */
export function unitFromLabel(label: unknown): Unit | null {
  if (typeof label !== "string") return null;
  const text = label.trim();
  if (isGrossLabel(text)) return "percent";
  for (const [unit, names] of Object.entries(labels.unit)) {
    if (names.zh === text || names.en.toLowerCase() === text.toLowerCase()) return unit as Unit;
  }
  return null;
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

/** Headers of earlier template versions, renamed on upgrade (Excel keeps formulas pointing at them). */
export const RENAMED_HEADERS: Readonly<Record<string, string>> = {
  "预期值 Expected": IH.expected,
  "完成度 Completion": IH.completion,
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

export function indicatorTable(plan: Plan): TableSpec {
  const years = planYears(plan);
  const { baseYear, targetYear } = plan.period;
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
    },
    {
      header: IH.completion,
      role: "formula",
      width: 12,
      format: "0.0%",
      formula: `=IF(${ref(IH.actual)}="","",IFNA(PLAN.PROGRESS(${opt(IH.baseline)},${ref(IH.actual)},${ref(IH.target)}),"—"))`,
    },
    {
      header: IH.gap,
      role: "formula",
      width: 11,
      format: "byUnit",
      formula: `=IF(${ref(IH.actual)}="","",PLAN.GAP(${ref(IH.actual)},${ref(IH.target)},${opt(IH.direction)},${opt(IH.baseline)},${opt(IH.band)}))`,
    },
    {
      header: IH.status,
      role: "formula",
      width: 11,
      formula: `=PLAN.STATUS(${opt(IH.baseline)},${ref(IH.actual)},${ref(IH.target)},${YEAR_NAME},${baseYear},${targetYear},,${opt(IH.direction)},${opt(IH.band)},${opt(IH.unit)})`,
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
      formula: `=IF(${ref(TH.link)}<>"",IFERROR(INDEX(${TABLES.indicators}[${IH.actual}],MATCH(${ref(TH.link)},${TABLES.indicators}[${IH.id}],0)),""),PLAN.ACHIEVED(${span},${ref(TH.basis)},${YEAR_NAME},${years[0]}))`,
    },
    {
      header: TH.rate,
      role: "formula",
      width: 11,
      format: "0.0%",
      formula: `=IF(${ref(TH.achieved)}="","",IFNA(PLAN.PROGRESS(${opt(TH.baseline)},${ref(TH.achieved)},${ref(TH.target)}),"—"))`,
    },
    {
      header: TH.status,
      role: "formula",
      width: 11,
      // The task's own deadline is the last year of its period; targets due every year judge the whole row.
      formula: `=PLAN.STATUS(${opt(TH.baseline)},${ref(TH.achieved)},${ref(TH.target)},${YEAR_NAME},${baseYear},VALUE(RIGHT(${ref(TH.period)},4)),,,${opt(TH.band)},${opt(TH.unit)},${span})`,
    },
  );
  return { key: "tasks", name: TABLES.tasks, sheet: t.taskSheet, anchor: { col: 0, row: 2 }, columns };
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
    { header: SH.school, role: "key", width: 22 },
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
      width: 10,
      // Blank until all seven values exist; a wrong stage shows PLAN.BALANCE's own #VALUE! message.
      formula: `=IF(COUNT(${perRange})<7,"",PLAN.BALANCE(${perRange},${ref(SH.stage)}))`,
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

export function allTables(plan: Plan): TableSpec[] {
  return [indicatorTable(plan), taskTable(plan), milestoneTable(plan), schoolTable(), balanceTable(), contradictionTable()];
}

export function directionOptions(language: Language): string[] {
  return (["higher", "lower", "maintain", "bound"] as const).map((d) => labels.direction[d][language]);
}

