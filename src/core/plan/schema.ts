/**
 * The plan model. The zod schemas are the single source of truth: types come from `z.infer`.
 * Cross-field rules that need the whole plan (unique IDs, references) live in `load.ts`.
 */
import { z } from "zod";
import { COMPARATORS } from "../values";

export const BilingualSchema = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

export const ComparatorSchema = z.enum(COMPARATORS);

/** A figure as printed: its value (percent as a fraction), comparator and the exact text. */
export const FigureSchema = z.strictObject({
  value: z.number().finite(),
  comparator: ComparatorSchema,
  text: z.string().min(1),
});

export const StageSchema = z.enum(["primary", "junior", "senior"]);
export const UnitSchema = z.enum(["percent", "ratio", "years", "coefficient", "count", "persons", "money", "area"]);
/** `bound`: the target is a bound (＜0.40); which way is better follows from its comparator. */
export const DirectionSchema = z.enum(["higher", "lower", "maintain", "bound"]);
export const GroupIdSchema = z.string().regex(/^[a-z][a-z0-9-]*$/);
export const IdSchema = z.string().regex(/^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/, "IDs are upper-case words joined by '-'");

/** Where a figure stands in the plan text (1-based line of the seed text). */
export const SourceSchema = z.strictObject({
  chapter: z.number().int().min(1),
  section: z.string().min(1).optional(),
  line: z.number().int().min(1),
  quote: z.string().min(1),
});

/** 约束性 (binding) or 预期性 (expected), where a plan's table prints the attribute (属性). */
export const AttributeSchema = z.enum(["binding", "expected"]);

export const IndicatorSchema = z.strictObject({
  id: IdSchema,
  group: GroupIdSchema,
  /** The item number as printed in its group (5 for "5. 生师比"). */
  item: z.number().int().min(1),
  names: BilingualSchema,
  stage: StageSchema.optional(),
  unit: UnitSchema,
  direction: DirectionSchema,
  baseline: FigureSchema,
  target: FigureSchema,
  /** A gross ratio (毛入园率, 毛入学率) may exceed 100 %; net rates and shares cannot. */
  canExceed100: z.boolean().optional(),
  /** A cohort ratio (巩固率): may exceed 100 % with pupils moving in; a year above it asks for a note. */
  cohort: z.boolean().optional(),
  /** A value the workbook computes from the schools table, recorded per year (domain notes §7.6). */
  computed: z.strictObject({ measure: z.enum(["maxCoefficient", "classShare"]), stage: z.enum(["primary", "junior"]) }).optional(),
  attribute: AttributeSchema.optional(),
  source: SourceSchema,
});

export const UnitLabelSchema = BilingualSchema;

const TaskBase = {
  id: IdSchema,
  attribute: AttributeSchema.optional(),
  /** Chapter-3 section heading, e.g. "（一）学前教育公益普惠发展". */
  section: z.string().min(1),
  names: BilingualSchema,
  unit: UnitSchema,
  unitLabel: UnitLabelSchema,
  /** Years the target spans; `perYear` means the figure is due every year of that span. */
  period: z.strictObject({ from: z.number().int(), to: z.number().int() }),
  perYear: z.boolean().default(false),
  /** Part of a larger target whose figure should equal the sum of its parts. */
  partOf: IdSchema.optional(),
  /** An indicator of the main table that this task restates. */
  indicator: IdSchema.optional(),
  /** How the target was read where the text allows more than one reading. */
  note: BilingualSchema.optional(),
  source: SourceSchema,
};

/**
 * Task targets from the plan's body text:
 * - `level`: reach a figure (a count, a share, a years value), with its comparator (以上 ≥, 左右 ~);
 * - `range`: a figure between min and max (5–7 个);
 * - `change`: from a stated starting figure to a target (15.5 年 → 16 年).
 */
export const TaskTargetSchema = z.discriminatedUnion("kind", [
  z.strictObject({ ...TaskBase, kind: z.literal("level"), target: FigureSchema }),
  z.strictObject({ ...TaskBase, kind: z.literal("range"), min: FigureSchema, max: FigureSchema }),
  z.strictObject({
    ...TaskBase,
    kind: z.literal("change"),
    from: FigureSchema,
    target: FigureSchema,
    /** Where the starting figure is printed when not in the target's own sentence (chapter 1's baselines). */
    fromSource: SourceSchema.optional(),
  }),
]);

/**
 * A qualitative milestone (创建…区, …全覆盖): no figure, only a state — 未开始 / 进行中 / 已完成 —
 * entered through list validation, due in its planned year.
 */
export const MilestoneSchema = z.strictObject({
  id: IdSchema,
  section: z.string().min(1),
  names: BilingualSchema,
  plannedYear: z.number().int(),
  source: SourceSchema,
  /**
   * What "done" rests on, as indicator rows must read in the year it is marked done (创建优质均衡区:
   * every class within 45 / 50, coefficients within 0.50 / 0.45). A reviewer's cross-check, not a verdict.
   */
  standards: z
    .array(z.strictObject({ indicator: IdSchema, comparator: ComparatorSchema, value: z.number().finite(), text: BilingualSchema }))
    .optional(),
});

export const ContradictionSchema = z.strictObject({
  id: IdSchema,
  /** `timing`: a deadline the plan's own figures cannot meet; `definition`: two wordings of one thing. */
  kind: z.enum(["table-vs-text", "sum-of-parts", "definition", "timing"]),
  /** Indicators and task targets involved. */
  refs: z.array(IdSchema).min(1),
  summary: BilingualSchema,
  /** Each conflicting statement, quoted with where it stands. */
  statements: z
    .array(z.strictObject({ text: z.string().min(1), value: z.number().finite().optional(), source: SourceSchema }))
    .min(2),
});

/** School stages as the funding statistics and the building programme name them (domain notes §8, §9). */
export const SchoolStageSchema = z.enum(["preschool", "primary", "junior", "senior", "vocational"]);

/** A building programme: its parts by stage, with the task targets the project ledger feeds. */
export const BuildingSchema = z.strictObject({
  /** The programme's totals as printed (which may differ from the sum of the parts). */
  projectsTask: IdSchema,
  placesTask: IdSchema,
  parts: z
    .array(
      z.strictObject({
        id: IdSchema,
        names: BilingualSchema,
        stages: z.array(SchoolStageSchema).min(1),
        newSchools: z.number().int().min(0),
        expanded: z.number().int().min(0),
        places: z.number().int().min(0),
        projectsTask: IdSchema.optional(),
        placesTask: IdSchema.optional(),
      }),
    )
    .min(1),
});

export const PlanSchema = z.strictObject({
  schemaVersion: z.literal(1),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** Semantic version of this template; stored in workbooks to drive upgrades. */
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  names: BilingualSchema,
  issuer: BilingualSchema,
  region: BilingualSchema,
  period: z.strictObject({
    baseYear: z.number().int(),
    startYear: z.number().int(),
    targetYear: z.number().int(),
  }),
  groups: z.array(z.strictObject({ id: GroupIdSchema, names: BilingualSchema })).min(1),
  indicators: z.array(IndicatorSchema).min(1),
  tasks: z.array(TaskTargetSchema),
  milestones: z.array(MilestoneSchema).default([]),
  contradictions: z.array(ContradictionSchema),
  building: BuildingSchema.optional(),
  /**
   * What the plan says was spent in the previous period (Wujin: "十三五"期间全区各级各类教育投入
   * 161.78亿元, line 44), in 10k yuan like the funding sheet; the final evaluation sets the period's
   * total against it.
   */
  previousFunding: z
    .strictObject({ value: z.number().positive(), text: z.string().min(1), period: BilingualSchema, source: SourceSchema })
    .optional(),
  source: z.strictObject({ title: z.string().min(1), file: z.string().min(1) }),
});

export type Figure = z.infer<typeof FigureSchema>;
export type Stage = z.infer<typeof StageSchema>;
export type Unit = z.infer<typeof UnitSchema>;
export type Direction = z.infer<typeof DirectionSchema>;
export type Indicator = z.infer<typeof IndicatorSchema>;
export type TaskTarget = z.infer<typeof TaskTargetSchema>;
export type Contradiction = z.infer<typeof ContradictionSchema>;
export type Milestone = z.infer<typeof MilestoneSchema>;
export type SchoolStage = z.infer<typeof SchoolStageSchema>;
export type Building = z.infer<typeof BuildingSchema>;
export type Plan = z.infer<typeof PlanSchema>;
export type Attribute = z.infer<typeof AttributeSchema>;
export type PlanInput = z.input<typeof PlanSchema>;
