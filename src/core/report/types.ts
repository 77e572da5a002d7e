/**
 * The shape of the reports: the annual (and mid-term) report's model and the final evaluation's,
 * in one module that the builders (model.ts, final.ts), the narrative and the sheets all import.
 * Types only: nothing here runs.
 */
import type { Status } from "../calc/status";
import type { RowAssessment } from "../workbook/assess";
import type { RecordedCheck } from "../workbook/record";
import type { StageBalance } from "../workbook/schools";
import type { Language } from "../i18n";
import type { Attribute, Plan } from "../plan/schema";
import type { Cell } from "../workbook/model";
import type { YearMark } from "../workbook/marks";
import type { FundingAssessment } from "../workbook/funding";
import type { BuildingAssessment } from "../workbook/building";

export type ReportKind = "annual" | "midterm" | "final";

/** An indicator or task row of the report: the one assessment's row. */
export type IndicatorLine = RowAssessment;

export type TaskLine = RowAssessment;

export interface ProblemLine {
  sheet: string;
  address: string;
  key: string;
  message: string;
}

export interface ReportModel {
  language: Language;
  year: number;
  kind: ReportKind;
  sheetName: string;
  title: string;
  planName: string;
  templateId: string;
  templateVersion: string;
  generatedAt: string;
  completeness: { withValue: number; invalid: number; total: number };
  groups: Array<{ name: string; counts: Record<Status, number> }>;
  overall: Record<Status, number>;
  indicators: IndicatorLine[];
  /**
   * How many items the indicator rows are: the plan prints 18 items in 23 rows, several split by
   * school stage (§7a.8). A row the plan does not know counts as an item of its own.
   */
  itemCount: number;
  /** Indicators and tasks with invalid data, regressing, missed or behind, worst first. */
  misses: RowAssessment[];
  /** Error-level findings of the data check, naming sheet and cell. */
  problems: ProblemLine[];
  balance: StageBalance[];
  /** Years whose figures are marked 预计 or 初步 (PM_YearMarks), up to the report's year. */
  marks: Record<number, YearMark>;
  /** The year the schools data is for (PM_SchoolYear); null when the workbook does not say. */
  schoolYear: number | null;
  /** Computed indicators whose recorded value for the year disagrees with the schools data of that year. */
  recorded: RecordedCheck[];
  contradictions: Array<{ id: string; summary: string }>;
  tasks: TaskLine[];
  milestones: RowAssessment[];
  /** A reviewer's cross-checks: milestones done by the report's year whose indicator rows fall short of what done rests on. */
  crossChecks: string[];
  /** The funding checks of every year up to the report's (null without a funding table). */
  funding: FundingAssessment | null;
  /** The building programme's roll-up and late projects (null without a project ledger). */
  building: BuildingAssessment | null;
  /** The 综述 paragraphs, in the report's language. */
  summary: string[];
}

export interface ReportOptions {
  language: Language;
  /** Local time as the report prints it, e.g. "2026-11-30 08:40". */
  generatedAt: string;
}

export interface FinalLine {
  row: RowAssessment;
  /** The value (what a task had achieved) in each year of the period, in order. */
  values: Array<number | null>;
  /** Per year: the cell as typed where the data check rejected that year's own value (shown, marked). */
  rejected: Array<Cell | undefined>;
  /** Per year: the planner's note for that year (a task's one note column repeats in every year). */
  notes: string[];
  /** 约束性 / 预期性 where the plan definition gives it. */
  attribute: Attribute | null;
}

/** A missed or late target in 三、存在问题及原因, with the planners' own notes as the stated reasons. */
export interface Shortfall {
  row: RowAssessment;
  reason: string;
}

/** The period's budget education spending added up, against what the plan says the previous period spent. */
export interface FundingTotal {
  from: number;
  to: number;
  /** 10k yuan; null when a year of the period is blank or rejected. */
  total: number | null;
  /** Years of the period without a usable figure. */
  missing: number[];
  previous: Plan["previousFunding"] | null;
  /** total / previous − 1, when both exist. */
  change: number | null;
}

/** The draft text of the evaluation's four sections, in the report's language (narrative.ts). */
export interface FinalSections {
  /** 一、评估工作开展情况: period, data sources, estimates, method. */
  evaluation: string[];
  /** 二、主要成效. */
  achievements: string[];
  /** 三、存在问题及原因: the lead-in to the table of shortfalls. */
  problems: string[];
  /** 四、下一步建议（十五五）: one line per missed target. */
  proposals: string[];
}

export interface EquityPath {
  id: string;
  name: string;
  stage: "primary" | "junior";
  measure: "maxCoefficient" | "classShare";
  values: Array<number | null>;
  /** The national threshold for coefficients (0.50 / 0.45), null for the class-size share. */
  national: number | null;
  target: string;
}

export interface ContradictionReading {
  id: string;
  summary: string;
  readings: Array<{
    text: string;
    line: number;
    value: number | null;
    /** The row this reading is a target of (or, for another reading of it, the contradiction's first row). */
    ref: string | null;
    actual: number | null;
    unit: RowAssessment["unit"];
    /** A figure the plan states as a starting point, not a target: nothing to reach. */
    baseline: boolean;
    met: boolean | null;
  }>;
}

export interface FinalModel {
  language: Language;
  sheetName: string;
  title: string;
  period: { baseYear: number; startYear: number; targetYear: number };
  years: number[];
  /** The target year's annual model: header, data problems, funding, building, balance. */
  annual: ReportModel;
  indicators: FinalLine[];
  tasks: FinalLine[];
  milestones: RowAssessment[];
  groups: Array<{ name: string; counts: Record<Status, number> }>;
  overall: Record<Status, number>;
  taskCounts: Record<Status, number>;
  milestoneCounts: Record<Status, number>;
  equity: EquityPath[];
  /** Funding over the whole period (every reported year). */
  funding: FundingAssessment | null;
  fundingTotal: FundingTotal | null;
  contradictions: ContradictionReading[];
  /** The cover block: the plan and the body that issued it (the evaluating body and date are the bureau's to fill). */
  cover: { plan: string; issuer: string };
  /** Missed and late indicators, tasks and milestones, in that order. */
  shortfalls: Shortfall[];
  /** Whether any indicator or task carries 约束性 / 预期性 (the annexes show the column only then). */
  attributes: boolean;
  sections: FinalSections;
}

export interface Block {
  row: number;
  col: number;
  values: Cell[][];
  numberFormats?: string[][];
  bold?: boolean;
  fill?: string;
  fontColor?: string;
  wrap?: boolean;
  size?: number;
  /** Per column of a one-row block: right-aligned where the column below holds numbers (set by alignHeaders). */
  align?: Array<"right" | undefined>;
}

export interface ReportSheet {
  name: string;
  /** Column widths in characters. */
  widths: number[];
  blocks: Block[];
  /** In-cell data bars over values between 0 and 1. */
  bars: Array<{ address: string; color: string }>;
  chart: { title: string; dataAddress: string; anchor: string; bottomRight: string } | null;
  /** Paragraphs across the printed width: merged blocks with their row height. */
  merges: Array<{ address: string; rowHeight: number }>;
  /** Rows (0-based) a printed page starts at: major sections begin on a page of their own. */
  breaks: number[];
  /** Explicit heights of wrapped header rows, so a second line is never hidden. */
  rowHeights: Array<{ row: number; points: number }>;
  print: { titleRows: string; header: string; footer: string; printArea?: string; gridlines?: boolean };
}
