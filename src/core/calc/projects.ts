/**
 * The building programme (domain notes §9): a ledger of projects rolled up by part (stage) and kind
 * against the plan's parts, by monitoring year. A project counts as 实施 (under way) from its start
 * year once it is no longer 未开工; its places count as delivered once it is 已交付使用 and its actual
 * completion year has come. The planned and the actual completion year are kept apart so that
 * recording when a project was really finished never erases that it was late: a project is late in
 * a year after its planned year while it is not finished by then, and finished late when its actual
 * year is after the planned one. A part's projects are counted against the plan's new/expansion
 * split: a fourteenth new kindergarten does not stand in for the one expansion the plan names.
 */
import type { Bilingual } from "../i18n";
import type { Building, SchoolStage } from "../plan/schema";

export const SCHOOL_STAGES: readonly SchoolStage[] = ["preschool", "primary", "junior", "senior", "vocational"];

export const SCHOOL_STAGE_LABELS: Record<SchoolStage, Bilingual> = {
  preschool: { zh: "学前", en: "Pre-school" },
  primary: { zh: "小学", en: "Primary" },
  junior: { zh: "初中", en: "Junior secondary" },
  senior: { zh: "普通高中", en: "Senior secondary" },
  vocational: { zh: "中职", en: "Vocational" },
};

export const PROJECT_KINDS = ["new", "expanded"] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];
export const PROJECT_KIND_LABELS: Record<ProjectKind, Bilingual> = {
  new: { zh: "新建", en: "New" },
  expanded: { zh: "改扩建", en: "Expansion" },
};

export const PROJECT_STATES = ["notStarted", "building", "completed", "inUse"] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];
export const PROJECT_STATE_LABELS: Record<ProjectState, Bilingual> = {
  notStarted: { zh: "未开工", en: "Not started" },
  building: { zh: "在建", en: "Under construction" },
  completed: { zh: "已竣工", en: "Completed" },
  inUse: { zh: "已交付使用", en: "In use" },
};

/** A label in either language back to its key; null when blank, undefined when it is none of them. */
export function fromLabel<K extends string>(labels: Record<K, Bilingual>, cell: unknown): K | null | undefined {
  const text = String(cell ?? "").trim().toLowerCase();
  if (text === "" || cell === 0) return null;
  return (Object.keys(labels) as K[]).find((k) => labels[k].zh === text || labels[k].en.toLowerCase() === text);
}

export const ROLLUP_NAMES = {
  sum: { zh: "分项合计", en: "Sum of the parts" },
  total: { zh: "规划总数（原文）", en: "Programme total as printed" },
} as const satisfies Record<string, Bilingual>;

export interface Project {
  name: string;
  stage: SchoolStage;
  kind: ProjectKind;
  places: number;
  start: number | null;
  /** The completion year the programme set for it. */
  planned: number | null;
  /** The year it was really completed (竣工, or put in use), once it is. */
  actual: number | null;
  state: ProjectState;
}

const isFinished = (p: Project) => p.state === "completed" || p.state === "inUse";
/** Finished by the year: a finished state whose actual year (when recorded) has come. */
const finishedBy = (p: Project, year: number) => isFinished(p) && (p.actual === null || p.actual <= year);

export const underWay = (p: Project, year: number) => p.state !== "notStarted" && p.start !== null && p.start <= year;
export const delivered = (p: Project, year: number) => p.state === "inUse" && p.actual !== null && p.actual <= year;
export const late = (p: Project, year: number) => p.planned !== null && year > p.planned && !finishedBy(p, year);
/** Finished by the year, but after its planned year (逾期完成). */
export const finishedLate = (p: Project, year: number) => finishedBy(p, year) && p.actual !== null && p.planned !== null && p.actual > p.planned;

export interface Tally {
  newSchools: number;
  expanded: number;
  projects: number;
  places: number;
}

export interface PartRollup {
  id: string;
  names: Bilingual;
  stages: SchoolStage[];
  plan: Tally;
  ledger: Tally;
  /** Projects under way or finished by the year. */
  underWay: number;
  /** Places of projects in use by the year. */
  delivered: number;
  late: number;
  /** Projects finished by the year after their planned year. */
  finishedLate: number;
  /** New schools and expansions under way or done by the year. */
  underWayNew: number;
  underWayExpanded: number;
  /**
   * Projects under way counted against the plan's split: each kind up to the part's figure for it
   * (the programme total, which has no split, counts every project under way).
   */
  counted: number;
  projectsTask?: string;
  placesTask?: string;
}

export interface Rollup {
  parts: PartRollup[];
  /** The parts added up (the plan's parts: 57 projects in Wujin's plan). */
  sum: PartRollup;
  /** The programme as printed (58 projects), against every project in the ledger. */
  total: PartRollup;
}

function tally(projects: readonly Project[], year: number) {
  const ledger: Tally = { newSchools: 0, expanded: 0, projects: 0, places: 0 };
  let going = 0;
  let goingNew = 0;
  let placesDelivered = 0;
  let overdue = 0;
  let doneLate = 0;
  for (const p of projects) {
    ledger.projects++;
    ledger.places += p.places;
    if (p.kind === "new") ledger.newSchools++;
    else ledger.expanded++;
    if (underWay(p, year)) {
      going++;
      if (p.kind === "new") goingNew++;
    }
    if (delivered(p, year)) placesDelivered += p.places;
    if (late(p, year)) overdue++;
    if (finishedLate(p, year)) doneLate++;
  }
  return { ledger, underWay: going, underWayNew: goingNew, underWayExpanded: going - goingNew, delivered: placesDelivered, late: overdue, finishedLate: doneLate };
}

/** Under way counted against a split: each kind up to its planned figure. */
export const countedAgainst = (plan: Pick<Tally, "newSchools" | "expanded">, newSchools: number, expanded: number) =>
  Math.min(newSchools, plan.newSchools) + Math.min(expanded, plan.expanded);

export function rollup(building: Building, projects: readonly Project[], year: number, plannedTotal: { projects: number; places: number }): Rollup {
  const parts = building.parts.map((part): PartRollup => {
    const plan = { newSchools: part.newSchools, expanded: part.expanded, projects: part.newSchools + part.expanded, places: part.places };
    const t = tally(projects.filter((p) => part.stages.includes(p.stage)), year);
    return {
      id: part.id,
      names: part.names,
      stages: part.stages,
      plan,
      ...t,
      counted: countedAgainst(plan, t.underWayNew, t.underWayExpanded),
      projectsTask: part.projectsTask,
      placesTask: part.placesTask,
    };
  });
  const add = (f: (p: PartRollup) => number) => parts.reduce((s, p) => s + f(p), 0);
  const sumTally = (g: (p: PartRollup) => Tally): Tally => ({
    newSchools: add((p) => g(p).newSchools),
    expanded: add((p) => g(p).expanded),
    projects: add((p) => g(p).projects),
    places: add((p) => g(p).places),
  });
  const sum: PartRollup = {
    id: "BLD-SUM",
    names: ROLLUP_NAMES.sum,
    stages: [...new Set(parts.flatMap((p) => p.stages))],
    plan: sumTally((p) => p.plan),
    ledger: sumTally((p) => p.ledger),
    underWay: add((p) => p.underWay),
    underWayNew: add((p) => p.underWayNew),
    underWayExpanded: add((p) => p.underWayExpanded),
    counted: add((p) => p.counted),
    delivered: add((p) => p.delivered),
    late: add((p) => p.late),
    finishedLate: add((p) => p.finishedLate),
  };
  const all = tally(projects, year);
  const total: PartRollup = {
    id: "BLD-TOTAL",
    names: ROLLUP_NAMES.total,
    stages: [...SCHOOL_STAGES],
    plan: { newSchools: sum.plan.newSchools, expanded: sum.plan.expanded, projects: plannedTotal.projects, places: plannedTotal.places },
    ...all,
    counted: all.underWay,
    projectsTask: building.projectsTask,
    placesTask: building.placesTask,
  };
  return { parts, sum, total };
}
