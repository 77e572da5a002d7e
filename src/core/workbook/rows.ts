/**
 * The template's rows for each table, in one language: plain cells keyed by header.
 * Text labels follow the language chosen at insert; figures keep the plan's values (bounds as the
 * printed text, e.g. "＜0.40", which every PLAN.* function reads).
 */
import { labels } from "../messages";
import { layoutText } from "./text";
import { pick, type Language } from "../i18n";
import type { Figure, Plan, TaskTarget, Unit } from "../plan/schema";
import { BALANCE_INDICATORS, planCoefficientBound } from "../calc/balance";
import {
  indicatorUnitLabel,
  MH,
  BH,
  BUH,
  FH,
  rollupFormulas,
  CH,
  IH,
  SCHOOL_INDICATORS,
  SH,
  TABLES,
  TH,
  type TableKey,
} from "./layout";
import type { Cell } from "./model";
import { STANDARD_LABELS } from "../calc/status";
import { ROLLUP_NAMES } from "../calc/projects";
import { definitionRows } from "./definition";
import { defaultTaskBaseline } from "./assess";
import { DEFAULT_BAND } from "../calc/target";
import { addsUp } from "../calc/units";
import { diffCoefFormula, type FormulaDialect } from "./portable";

export interface TemplateRow {
  key: string;
  cells: Record<string, Cell>;
  unit?: Unit;
}

export function figureCell(f: Figure): Cell {
  return f.comparator === "=" ? f.value : f.text;
}

const BASIS = {
  cumulative: { zh: "累计 Cumulative", en: "累计 Cumulative" },
  latest: { zh: "最新 Latest", en: "最新 Latest" },
  eachYear: { zh: "每年 Each year", en: "每年 Each year" },
};

function taskBasis(task: TaskTarget): keyof typeof BASIS {
  if (task.perYear) return "eachYear";
  if (task.kind !== "change" && addsUp(task.unit)) return "cumulative";
  return "latest";
}

/** A task's target as printed; targets due every year say so, so that every reader sees it. */
function taskTarget(task: TaskTarget): { text: string; value: number } {
  const each = task.perYear ? "每年" : "";
  if (task.kind === "range") return { text: `${each}${task.min.text}–${task.max.text}`, value: task.min.value };
  return { text: `${each}${task.target.text}`, value: task.target.value };
}

/** The default band of an about (左右) target, blank for others. */
const bandFor = (f: Figure | undefined): Cell => (f?.comparator === "~" ? DEFAULT_BAND : "");

function indicatorRows(plan: Plan, language: Language): TemplateRow[] {
  const groups = new Map(plan.groups.map((g) => [g.id, pick(g.names, language)]));
  return plan.indicators.map((ind) => ({
    key: ind.id,
    unit: ind.unit,
    cells: {
      [IH.id]: ind.id,
      [IH.group]: groups.get(ind.group) ?? ind.group,
      [IH.name]: pick(ind.names, language),
      [IH.stage]: ind.stage ? labels.stage[ind.stage][language] : "",
      [IH.unit]: indicatorUnitLabel(ind, language),
      [IH.direction]: labels.direction[ind.direction][language],
      [IH.baseline]: figureCell(ind.baseline),
      [IH.target]: figureCell(ind.target),
      [IH.band]: bandFor(ind.target),
    },
  }));
}

function taskRows(plan: Plan, language: Language): TemplateRow[] {
  return plan.tasks.map((task) => {
    const target = taskTarget(task);
    return {
      key: task.id,
      unit: task.unit,
      cells: {
        [TH.id]: task.id,
        [TH.section]: task.section,
        [TH.name]: pick(task.names, language),
        [TH.target]: target.text,
        [TH.targetValue]: target.value,
        [TH.unit]: pick(task.unitLabel, language),
        [TH.basis]: BASIS[taskBasis(task)][language],
        [TH.period]: task.period.from === task.period.to ? String(task.period.to) : `${task.period.from}–${task.period.to}`,
        [TH.baseline]: defaultTaskBaseline(plan, task.id),
        [TH.link]: task.indicator ?? "",
        [TH.band]: bandFor(task.kind === "range" ? undefined : task.target),
      },
    };
  });
}

const schools = (header: string) => `${TABLES.schools}[${header}]`;

function balanceRows(plan: Plan, language: Language, cvAddress: (stage: "primary" | "junior", row: number) => string, dialect: FormulaDialect): TemplateRow[] {
  const pass = STANDARD_LABELS.pass[language];
  const fail = STANDARD_LABELS.fail[language];
  const check = (cvHeader: string, comparator: string, bound: number) =>
    `=IF(ISNUMBER([@[${cvHeader}]]),IF([@[${cvHeader}]]${comparator}${bound},"${pass}","${fail}"),"")`;
  const primaryPlan = planCoefficientBound(plan, "primary");
  const juniorPlan = planCoefficientBound(plan, "junior");
  const checks = {
    [BH.primaryNational]: check(BH.primaryCv, "<=", 0.5),
    [BH.primaryPlan]: primaryPlan ? check(BH.primaryCv, primaryPlan.comparator, primaryPlan.value) : "",
    [BH.juniorNational]: check(BH.juniorCv, "<=", 0.45),
    [BH.juniorPlan]: juniorPlan ? check(BH.juniorCv, juniorPlan.comparator, juniorPlan.value) : "",
  };
  const cv = (stageName: string, per: string) =>
    dialect === "portable"
      ? diffCoefFormula(schools(per), schools(SH.enrolment), schools(SH.stage), stageName)
      : `=PLAN.DIFFCOEF(${schools(per)},${schools(SH.enrolment)},${schools(SH.stage)},"${stageName}")`;
  const rows: TemplateRow[] = SCHOOL_INDICATORS.map((ind, i) => ({
    key: pick(BALANCE_INDICATORS[i]!, language),
    unit: "coefficient",
    cells: {
      [BH.indicator]: pick(BALANCE_INDICATORS[i]!, language),
      [BH.primaryCv]: cv("小学", ind.per),
      [BH.juniorCv]: cv("初中", ind.per),
      ...checks,
    },
  }));
  const over = (fn: string, stage: "primary" | "junior") => `=${fn}(${cvAddress(stage, 0)}:${cvAddress(stage, SCHOOL_INDICATORS.length - 1)})`;
  rows.push(
    {
      key: pick(layoutText.maxOfSeven, language),
      unit: "coefficient",
      cells: { [BH.indicator]: pick(layoutText.maxOfSeven, language), [BH.primaryCv]: over("MAX", "primary"), [BH.juniorCv]: over("MAX", "junior"), ...checks },
    },
    {
      key: pick(layoutText.meanOfSeven, language),
      unit: "coefficient",
      cells: { [BH.indicator]: pick(layoutText.meanOfSeven, language), [BH.primaryCv]: over("AVERAGE", "primary"), [BH.juniorCv]: over("AVERAGE", "junior"), ...checks },
    },
  );
  const share = (stageName: string) =>
    `=IFERROR(SUMIFS(${schools(SH.standardClasses)},${schools(SH.stage)},"${stageName}")/SUMIFS(${schools(SH.classes)},${schools(SH.stage)},"${stageName}"),"")`;
  rows.push({
    key: pick(layoutText.classShare, language),
    unit: "percent",
    cells: { [BH.indicator]: pick(layoutText.classShare, language), [BH.primaryCv]: share("小学"), [BH.juniorCv]: share("初中") },
  });
  return rows;
}

function contradictionRows(plan: Plan, language: Language): TemplateRow[] {
  const kinds = {
    "table-vs-text": { zh: "表与正文不一致", en: "Table vs text" },
    "sum-of-parts": { zh: "分项与总数不符", en: "Parts vs total" },
    definition: { zh: "口径不同", en: "Different definitions" },
    timing: { zh: "时限与目标不符", en: "Deadline vs targets" },
  };
  return plan.contradictions.map((c) => ({
    key: c.id,
    cells: {
      [CH.id]: c.id,
      [CH.kind]: pick(kinds[c.kind], language),
      [CH.summary]: pick(c.summary, language),
      [CH.refs]: c.refs.join(", "),
      [CH.statements]: c.statements
        .map((s) => (language === "zh" ? `第${s.source.line}行：“${s.source.quote}”` : `line ${s.source.line}: “${s.source.quote}”`))
        .join(" ｜ "),
    },
  }));
}

export function templateRows(
  key: TableKey,
  plan: Plan,
  language: Language,
  cvAddress: (stage: "primary" | "junior", row: number) => string,
  dialect: FormulaDialect = "plan",
): TemplateRow[] {
  switch (key) {
    case "indicators":
      return indicatorRows(plan, language);
    case "tasks":
      return taskRows(plan, language);
    case "schools":
      return [];
    case "balance":
      return balanceRows(plan, language, cvAddress, dialect);
    case "contradictions":
      return contradictionRows(plan, language);
    case "milestones":
      return plan.milestones.map((m) => ({
        key: m.id,
        cells: { [MH.id]: m.id, [MH.section]: m.section, [MH.name]: pick(m.names, language), [MH.plannedYear]: m.plannedYear },
      }));
    case "funding":
      // One row per year from the base year: the base year is what the first growth compares with.
      return Array.from({ length: plan.period.targetYear - plan.period.baseYear + 1 }, (_, i) => {
        const year = plan.period.baseYear + i;
        return { key: String(year), cells: { [FH.year]: year } };
      });
    case "projects":
      return [];
    case "build":
      return buildRows(plan, language);
    case "plan":
      return definitionRows(plan, language);
  }
}

/** Figure of a task target in the plan (the printed total of the programme), or null. */
function taskFigure(plan: Plan, id: string): number | null {
  const task = plan.tasks.find((t) => t.id === id);
  return task && task.kind !== "range" ? task.target.value : null;
}

function buildRows(plan: Plan, language: Language): TemplateRow[] {
  const building = plan.building;
  if (!building) return [];
  const rows: TemplateRow[] = building.parts.map((part) => ({
    key: part.id,
    cells: {
      [BUH.id]: part.id,
      [BUH.part]: pick(part.names, language),
      [BUH.planNew]: part.newSchools,
      [BUH.planExpanded]: part.expanded,
      [BUH.planProjects]: part.newSchools + part.expanded,
      [BUH.planPlaces]: part.places,
      ...rollupFormulas(part.stages, "split"),
      [BUH.projectsTask]: part.projectsTask ?? "",
      [BUH.placesTask]: part.placesTask ?? "",
    },
  }));
  const add = (f: (p: NonNullable<Plan["building"]>["parts"][number]) => number) => building.parts.reduce((s, p) => s + f(p), 0);
  rows.push(
    {
      key: "BLD-SUM",
      cells: {
        [BUH.id]: "BLD-SUM",
        [BUH.part]: pick(ROLLUP_NAMES.sum, language),
        [BUH.planNew]: add((p) => p.newSchools),
        [BUH.planExpanded]: add((p) => p.expanded),
        [BUH.planProjects]: add((p) => p.newSchools + p.expanded),
        [BUH.planPlaces]: add((p) => p.places),
        ...rollupFormulas([...new Set(building.parts.flatMap((p) => p.stages))], { parts: building.parts }),
      },
    },
    {
      key: "BLD-TOTAL",
      cells: {
        [BUH.id]: "BLD-TOTAL",
        [BUH.part]: pick(ROLLUP_NAMES.total, language),
        [BUH.planProjects]: taskFigure(plan, building.projectsTask) ?? "",
        [BUH.planPlaces]: taskFigure(plan, building.placesTask) ?? "",
        ...rollupFormulas(null),
        [BUH.projectsTask]: building.projectsTask,
        [BUH.placesTask]: building.placesTask,
      },
    },
  );
  return rows;
}

