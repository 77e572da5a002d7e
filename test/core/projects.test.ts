/**
 * The building roll-up (domain notes §9) on a small ledger, every figure worked out by hand: under
 * way from the start year once no longer 未开工, places delivered once 已交付使用 and the completion
 * year has come, late when the completion year has passed unfinished; parts by stage, their sum, and
 * the programme total over every project.
 */
import { delivered, fromLabel, late, PROJECT_STATE_LABELS, rollup, underWay, type Project } from "../../src/core/calc/projects";
import type { Building } from "../../src/core/plan/schema";

const building = {
  parts: [
    { id: "P-KG", names: { zh: "幼儿园", en: "Kindergartens" }, stages: ["preschool"], newSchools: 2, expanded: 1, places: 900 },
    { id: "P-CMP", names: { zh: "义务教育", en: "Compulsory" }, stages: ["primary", "junior"], newSchools: 1, expanded: 2, places: 3000 },
  ],
  projectsTask: "T-PROJ",
  placesTask: "T-PLACES",
} as unknown as Building;

const p = (name: string, stage: Project["stage"], kind: Project["kind"], places: number, start: number | null, completion: number | null, state: Project["state"]): Project => ({
  name,
  stage,
  kind,
  places,
  start,
  completion,
  state,
});

const LEDGER: Project[] = [
  p("幼1", "preschool", "new", 300, 2021, 2022, "inUse"), // under way from 2021; 300 places from 2022
  p("幼2", "preschool", "new", 300, 2023, 2024, "building"), // under way from 2023; late from 2025
  p("幼3", "preschool", "expanded", 200, 2024, 2025, "notStarted"), // never under way; late in 2026
  p("小1", "primary", "new", 1000, 2021, 2023, "completed"), // under way from 2021; completed, not in use: no places
  p("初1", "junior", "expanded", 800, 2022, 2022, "inUse"), // under way and 800 places from 2022
  p("高1", "senior", "new", 1500, 2021, 2021, "inUse"), // in no part: only in the total
];

describe("one project", () => {
  test("under way, delivered, late at the edges of their years", () => {
    const [kg1, kg2, kg3, pri] = LEDGER as [Project, Project, Project, Project];
    expect([2020, 2021].map((y) => underWay(kg1, y))).toEqual([false, true]);
    expect([2021, 2022].map((y) => delivered(kg1, y))).toEqual([false, true]);
    expect([2024, 2025].map((y) => late(kg2, y))).toEqual([false, true]);
    expect([2024, 2025, 2026].map((y) => [underWay(kg3, y), late(kg3, y)])).toEqual([
      [false, false],
      [false, false],
      [false, true],
    ]);
    expect([underWay(pri, 2023), delivered(pri, 2023), late(pri, 2030)]).toEqual([true, false, false]);
  });

  test("a year left blank decides nothing: no start year, not under way; no completion year, neither delivered nor late", () => {
    const noStart = p("无开工年", "primary", "new", 500, null, 2022, "building");
    const noEnd = p("无竣工年", "primary", "new", 500, 2021, null, "inUse");
    const noEndBuilding = p("在建无竣工年", "primary", "new", 500, 2021, null, "building");
    expect([underWay(noStart, 2030), delivered(noEnd, 2030), late(noEndBuilding, 2030)]).toEqual([false, false, false]);
    // The same projects with their years: under way, delivered, late.
    expect([underWay({ ...noStart, start: 2021 }, 2030), delivered({ ...noEnd, completion: 2022 }, 2030), late({ ...noEndBuilding, completion: 2022 }, 2030)]).toEqual([true, true, true]);
  });

  test("states read in either language; blank is none; other text is not a state", () => {
    expect(fromLabel(PROJECT_STATE_LABELS, "已交付使用")).toBe("inUse");
    expect(fromLabel(PROJECT_STATE_LABELS, " Under construction ")).toBe("building");
    expect(fromLabel(PROJECT_STATE_LABELS, "")).toBeNull();
    expect(fromLabel(PROJECT_STATE_LABELS, 0)).toBeNull();
    expect(fromLabel(PROJECT_STATE_LABELS, "快完工了")).toBeUndefined();
  });
});

describe("the roll-up", () => {
  const at = (year: number) => rollup(building, LEDGER, year, { projects: 7, places: 4400 });

  test("2023: parts, their sum and the total, by hand", () => {
    const { parts, sum, total } = at(2023);
    const [kg, cmp] = parts as [(typeof parts)[0], (typeof parts)[0]];
    expect(kg.plan).toEqual({ newSchools: 2, expanded: 1, projects: 3, places: 900 });
    expect(kg.ledger).toEqual({ newSchools: 2, expanded: 1, projects: 3, places: 800 });
    expect([kg.underWay, kg.delivered, kg.late]).toEqual([2, 300, 0]);
    expect(cmp.ledger).toEqual({ newSchools: 1, expanded: 1, projects: 2, places: 1800 });
    expect([cmp.underWay, cmp.delivered, cmp.late]).toEqual([2, 800, 0]);
    expect(sum.plan).toEqual({ newSchools: 3, expanded: 3, projects: 6, places: 3900 });
    expect(sum.ledger).toEqual({ newSchools: 3, expanded: 2, projects: 5, places: 2600 });
    expect([sum.underWay, sum.delivered, sum.late]).toEqual([4, 1100, 0]);
    // The total counts the senior school too, against the programme as printed.
    expect(total.plan).toEqual({ newSchools: 3, expanded: 3, projects: 7, places: 4400 });
    expect(total.ledger).toEqual({ newSchools: 4, expanded: 2, projects: 6, places: 4100 });
    expect([total.underWay, total.delivered, total.late]).toEqual([5, 2600, 0]);
    expect([sum.id, total.id, total.projectsTask, total.placesTask]).toEqual(["BLD-SUM", "BLD-TOTAL", "T-PROJ", "T-PLACES"]);
  });

  test("2026: the unfinished kindergartens are late", () => {
    const { parts, total } = at(2026);
    expect(parts[0]!.late).toBe(2);
    expect(total.late).toBe(2);
    expect(parts[0]!.underWay).toBe(2);
  });
});
