/**
 * The building programme (domain notes §9): a ledger of projects rolled up by part (stage) and kind
 * against the plan's parts, by monitoring year. A project counts as under way from its start year
 * once it is no longer 未开工; its places count as delivered once it is 已交付使用 and its completion
 * year has come; it is late when its completion year has passed and it is not finished.
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
  completion: number | null;
  state: ProjectState;
}

export const underWay = (p: Project, year: number) => p.state !== "notStarted" && p.start !== null && p.start <= year;
export const delivered = (p: Project, year: number) => p.state === "inUse" && p.completion !== null && p.completion <= year;
export const late = (p: Project, year: number) => p.completion !== null && year > p.completion && (p.state === "notStarted" || p.state === "building");

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
  let placesDelivered = 0;
  let overdue = 0;
  for (const p of projects) {
    ledger.projects++;
    ledger.places += p.places;
    if (p.kind === "new") ledger.newSchools++;
    else ledger.expanded++;
    if (underWay(p, year)) going++;
    if (delivered(p, year)) placesDelivered += p.places;
    if (late(p, year)) overdue++;
  }
  return { ledger, underWay: going, delivered: placesDelivered, late: overdue };
}

export function rollup(building: Building, projects: readonly Project[], year: number, plannedTotal: { projects: number; places: number }): Rollup {
  const parts = building.parts.map((part): PartRollup => ({
    id: part.id,
    names: part.names,
    stages: part.stages,
    plan: { newSchools: part.newSchools, expanded: part.expanded, projects: part.newSchools + part.expanded, places: part.places },
    ...tally(projects.filter((p) => part.stages.includes(p.stage)), year),
    projectsTask: part.projectsTask,
    placesTask: part.placesTask,
  }));
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
    delivered: add((p) => p.delivered),
    late: add((p) => p.late),
  };
  const total: PartRollup = {
    id: "BLD-TOTAL",
    names: ROLLUP_NAMES.total,
    stages: [...SCHOOL_STAGES],
    plan: { newSchools: sum.plan.newSchools, expanded: sum.plan.expanded, projects: plannedTotal.projects, places: plannedTotal.places },
    ...tally(projects, year),
    projectsTask: building.projectsTask,
    placesTask: building.placesTask,
  };
  return { parts, sum, total };
}
