/**
 * The building roll-up (domain notes §9) on a small ledger, every figure worked out by hand: under
 * way (实施) from the start year once no longer 未开工, places delivered once 已交付使用 and the actual
 * completion year has come, late while the planned year has passed unfinished, finished late when the
 * actual year is after the planned one; parts by stage counted against their new/expansion split,
 * their sum, and the programme total over every project.
 */
import { countedAgainst, delivered, finishedLate, fromLabel, late, PROJECT_STATE_LABELS, rollup, underWay, type Project } from "../../src/core/calc/projects";
import type { Building } from "../../src/core/plan/schema";

const building = {
  parts: [
    { id: "P-KG", names: { zh: "幼儿园", en: "Kindergartens" }, stages: ["preschool"], newSchools: 2, expanded: 1, places: 900 },
    { id: "P-CMP", names: { zh: "义务教育", en: "Compulsory" }, stages: ["primary", "junior"], newSchools: 1, expanded: 2, places: 3000 },
  ],
  projectsTask: "T-PROJ",
  placesTask: "T-PLACES",
} as unknown as Building;

/** A project; a finished one was finished in its planned year unless an actual year is given. */
const p = (
  name: string,
  stage: Project["stage"],
  kind: Project["kind"],
  places: number,
  start: number | null,
  planned: number | null,
  state: Project["state"],
  actual: number | null = state === "completed" || state === "inUse" ? planned : null,
): Project => ({ name, stage, kind, places, start, planned, actual, state });

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
    expect([underWay({ ...noStart, start: 2021 }, 2030), delivered({ ...noEnd, actual: 2022 }, 2030), late({ ...noEndBuilding, planned: 2022 }, 2030)]).toEqual([true, true, true]);
  });

  test("planned and actual years apart: due 2023, put in use 2024 (§7a.4, §9)", () => {
    const kg = p("幼迟", "preschool", "new", 450, 2022, 2023, "inUse", 2024);
    // 2023: not yet in use, not yet late (the planned year itself); 2024: in use, finished late; late never after it is finished.
    expect([2023, 2024, 2025].map((y) => [delivered(kg, y), late(kg, y), finishedLate(kg, y)])).toEqual([
      [false, false, false],
      [true, false, true],
      [true, false, true],
    ]);
    // Due 2022 and finished 2024: in 2023 the project was late, though it is finished now.
    const early = { ...kg, planned: 2022 };
    expect([2022, 2023, 2024].map((y) => [late(early, y), finishedLate(early, y)])).toEqual([
      [false, false],
      [true, false],
      [false, true],
    ]);
    // Finished in its planned year, or before: never late.
    expect([late({ ...kg, actual: 2023 }, 2025), finishedLate({ ...kg, actual: 2023 }, 2025), finishedLate({ ...kg, actual: 2022 }, 2025)]).toEqual([false, false, false]);
    // Finished with no actual year recorded: not late (the data check asks for the year), not finished late, places not counted.
    const noActual = { ...kg, actual: null };
    expect([late(noActual, 2026), finishedLate(noActual, 2026), delivered(noActual, 2026)]).toEqual([false, false, false]);
    // No planned year: lateness is unknown, whatever the actual year.
    expect([late({ ...kg, planned: null }, 2026), finishedLate({ ...kg, planned: null }, 2026)]).toEqual([false, false]);
  });

  test("counted against the split: each kind up to the plan's figure", () => {
    // 新建13所、改扩建1所: 14 new and no expansion count 13; 13 + 1 count 14; 12 + 3 count 13.
    const plan = { newSchools: 13, expanded: 1 };
    expect([countedAgainst(plan, 14, 0), countedAgainst(plan, 13, 1), countedAgainst(plan, 12, 3), countedAgainst(plan, 0, 0)]).toEqual([13, 14, 13, 0]);
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
    // Under way by kind and counted against the split: kindergartens 幼1, 幼2 new (plan 2 new, 1 expansion) → 2;
    // compulsory 小1 new, 初1 expansion (plan 1 + 2) → 2; the sum adds the parts; the total counts all 5.
    expect([kg.underWayNew, kg.underWayExpanded, kg.counted]).toEqual([2, 0, 2]);
    expect([cmp.underWayNew, cmp.underWayExpanded, cmp.counted]).toEqual([1, 1, 2]);
    expect([sum.underWayNew, sum.underWayExpanded, sum.counted]).toEqual([3, 1, 4]);
    expect([total.underWayNew, total.underWayExpanded, total.counted]).toEqual([4, 1, 5]);
  });

  test("a new school beyond the plan's new ones does not stand in for a missing expansion", () => {
    const extra = [...LEDGER, p("幼4", "preschool", "new", 300, 2022, 2023, "building")];
    const kg = rollup(building, extra, 2023, { projects: 7, places: 4400 }).parts[0]!;
    // Under way: 幼1, 幼2, 幼4 — three new against the plan's two; 幼3 not started. Counted: min(3,2) + min(0,1) = 2.
    expect([kg.underWay, kg.underWayNew, kg.counted]).toEqual([3, 3, 2]);
  });

  test("finished late counted by the year it was finished", () => {
    const ledger = [p("初迟", "junior", "expanded", 800, 2022, 2023, "inUse", 2024), p("初准", "junior", "new", 600, 2022, 2023, "inUse")];
    const cmp = (y: number) => rollup(building, ledger, y, { projects: 7, places: 4400 }).parts[1]!;
    // 2023: the late one is neither in use nor late yet; 2024: in use, finished late.
    expect([cmp(2023).delivered, cmp(2023).late, cmp(2023).finishedLate]).toEqual([600, 0, 0]);
    expect([cmp(2024).delivered, cmp(2024).late, cmp(2024).finishedLate]).toEqual([1400, 0, 1]);
    // The parts' sum and the programme total count it too.
    const all = rollup(building, ledger, 2024, { projects: 7, places: 4400 });
    expect([all.sum.finishedLate, all.total.finishedLate]).toEqual([1, 1]);
  });

  test("2026: the unfinished kindergartens are late", () => {
    const { parts, total } = at(2026);
    expect(parts[0]!.late).toBe(2);
    expect(total.late).toBe(2);
    expect(parts[0]!.underWay).toBe(2);
  });
});
