/**
 * The report's 综述 word for word (issue 16): a planner signs these paragraphs, so every count, name,
 * gap and clause is pinned here on small report models written by hand, with each expected sentence
 * worked out from those figures in the comments, not by the product.
 */
import { narrative, finalNarrative } from "../../src/core/report/narrative";
import { emptyCounts, type Status } from "../../src/core/calc/status";
import type { ReportModel } from "../../src/core/report/model";
import type { FinalModel } from "../../src/core/report/final";
import type { RowAssessment } from "../../src/core/workbook/assess";

type Line = Pick<RowAssessment, "name" | "status" | "gap" | "unit" | "elapsed">;
const line = (name: string, status: Status, gap: number | null = null, unit: RowAssessment["unit"] = null): Line => ({ name, status, gap, unit, elapsed: 0.6 });
const counts = (lines: Array<{ status: Status }>) => {
  const c = emptyCounts();
  for (const l of lines) c[l.status]++;
  return c;
};
const bal = (stage: "primary" | "junior", max: number | null, national: boolean[], plan: Array<boolean | null>, bound: { comparator: "<" | "<="; value: number } | null, failing: number) => ({
  stage,
  schools: 10,
  rows: national.map((n, k) => ({ label: `r${k}`, cv: 0.3, error: null, national: n, plan: plan[k] ?? null })),
  max,
  mean: 0.3,
  classShare: 0.1,
  planBound: bound,
  failing: Array.from({ length: failing }, (_, k) => ({ school: `S${k}`, met: 5, missed: ["x"] })),
});
const check = (year: number, check: string, verdict: "met" | "notMet" | "noData") => ({ year, check, verdict, compared: [] });
const fundingOf = (checks: ReturnType<typeof check>[]) => ({ checks, counts: { met: checks.filter((c) => c.verdict === "met").length, notMet: checks.filter((c) => c.verdict === "notMet").length, noData: checks.filter((c) => c.verdict === "noData").length, invalid: 0 } });
// 41 under way: 24 new and 17 expansions, 39 of them within the parts' split (two new schools beyond it).
const buildingOf = (late: number, finishedLate = 0) => ({
  projects: [{}],
  rollup: { total: { ledger: { projects: 60 }, plan: { projects: 58, places: 20000 }, underWay: 41, underWayNew: 24, underWayExpanded: 17, delivered: 12345.4, late, finishedLate }, sum: { plan: { projects: 57 }, counted: 39 } },
});

// Twelve indicators: six reached early (one more than the sentence lists), one reached, one on track,
// one behind, one regressing, one without data, one invalid.
const INDICATORS: Line[] = [
  ...["甲", "乙", "丙", "丁", "戊", "己"].map((n) => line(n, "reachedEarly")),
  line("庚", "reached"),
  line("辛", "onTrack"),
  line("壬", "behind", 0.0123, "percent"),
  line("癸", "regressing", 2.5, "count"),
  line("子", "noData"),
  line("丑", "invalid"),
];
// Worst first: the invalid row is left out of the sentence, then three of the rest; a negative or
// absent gap is not printed.
const MISSES: Line[] = [line("丑", "invalid"), line("癸", "regressing", 2.5, "count"), line("壬", "behind", 0.0123, "percent"), line("寅", "missed", -1, "count"), line("卯", "behind", 3, "count")];

function annual(language: "zh" | "en", extra: Partial<ReportModel> = {}): ReportModel {
  return {
    language,
    year: 2023,
    schoolYear: 2023,
    overall: counts(INDICATORS),
    indicators: INDICATORS,
    misses: MISSES,
    balance: [bal("primary", 0.4123, [true, true], [true, false], { comparator: "<", value: 0.4 }, 2), bal("junior", 0.3, [true, true], [null, null], null, 0), bal("junior", null, [], [], null, 0)],
    funding: fundingOf([check(2021, "budget", "notMet"), check(2022, "teacherPay", "notMet"), check(2022, "spending", "notMet"), check(2023, "payParity", "notMet"), check(2023, "budget", "met"), check(2023, "publicFunds", "noData")]),
    building: buildingOf(3, 1),
    problems: Array.from({ length: 6 }, (_, k) => ({ sheet: "规划指标", address: `G${6 + k}`, key: "INT-01", message: "" })),
    ...extra,
  } as unknown as ReportModel;
}

describe("the annual report's 综述", () => {
  test("in Chinese, every sentence of a busy year", () => {
    expect(narrative(annual("zh"))).toEqual([
      // 60 % elapsed; 6 + 1 = 7 reached; no data and invalid appear because each is non-zero.
      "2023年为规划实施的监测年度，时间进度 60%。12 项主要指标中，已实现（含提前实现）7 项、符合预期 1 项、滞后 1 项、倒退 1 项、未实现 0 项、无数据 1 项、数据有误 1 项。",
      // Five names listed, 等 for the sixth.
      "提前实现目标的有：甲、乙、丙、丁、戊 等。",
      // 0.0123 of a share is 1.23 percentage points; 2.5 in a count; 寅's negative gap is not printed; 卯 is the fourth.
      "需重点关注的是：癸（倒退，尚差 2.5）、壬（滞后，尚差 1.23 个百分点）、寅（未实现）。",
      // Primary: one plan verdict false → 未全部达到 the plan's strict bound, printed 低于0.40; two failing schools.
      "小学七项校际差异系数最大为 0.412，均达到国家标准，未全部达到规划目标（低于0.40）；2 所学校未达到 2017 年校级标准。",
      // Junior without a plan bound: no plan clause; no failing school. The stage without data is left out.
      "初中七项校际差异系数最大为 0.300，均达到国家标准；所有学校均达到 2017 年校级标准。",
      // Six checks: one met, four not met (three named, 等), one without data.
      "教育经费 6 项年度检查中落实 1 项，未落实 4 项：2021年一般公共预算教育支出只增不减、2022年教师工资逐年增长、2022年生均教育经费逐年增长（各学段） 等，无数据 1 项。",
      // 12,345.4 places rounds to 12,345.
      "学校建设台账 60 个项目（规划原文 58 个，分项合计 57 个），已实施 41 个（新建 24 个、改扩建 17 个，按分项计 39 个），已交付学位 12,345 个（规划 20,000 个），逾期未完成 3 个，逾期完成 1 个。",
      "另有 6 处数据问题（规划指标!G6、规划指标!G7、规划指标!G8、规划指标!G9、规划指标!G10 等），相关指标暂判为“数据有误”，请核实更正后重新生成报告。",
    ]);
  });

  test("in English, the same year", () => {
    expect(narrative(annual("en"))).toEqual([
      "2023 is the monitoring year, 60% of the plan period elapsed. Of 12 main indicators, 7 reached (early included), 1 on track, 1 behind, 1 regressing, 0 missed, 1 without data, 1 with invalid data.",
      "Reached early: 甲, 乙, 丙, 丁, 戊, and others.",
      "Needing most attention: 癸 (Regressing, 2.5 to go), 壬 (Behind, 1.23 pp to go), 寅 (Missed).",
      "Primary: the largest of the seven difference coefficients is 0.412; all meet the national standard, not all meet the plan's target (below 0.40); 2 school(s) fail the 2017 school rule.",
      "Junior secondary: the largest of the seven difference coefficients is 0.300; all meet the national standard; every school meets the 2017 school rule.",
      "Education funding: 1 of 6 yearly checks met; not met: 2021: Budget education spending never falls, 2022: Teachers' pay grows, 2022: Spending per student grows (each stage), …; 1 without data.",
      "Building programme: 60 projects in the ledger (58 as printed, 57 in the parts), 41 under way or done (24 new, 17 expansions; 39 counted against the split), 12,345 places in use (plan: 20,000), 3 late and unfinished, 1 finished late.",
      "There are 6 data problem(s) (规划指标!G6, 规划指标!G7, 规划指标!G8, 规划指标!G9, 规划指标!G10, …); the rows concerned are marked Invalid data: correct them and regenerate the report.",
    ]);
  });

  test("a quiet year: only what happened is said", () => {
    const quiet = [line("甲", "reachedEarly"), line("乙", "onTrack")];
    const model = annual("zh", {
      overall: counts(quiet),
      indicators: quiet as RowAssessment[],
      misses: [line("丙", "invalid")] as RowAssessment[],
      // The national standard missed in one row; a ≤ bound, all met.
      balance: [bal("primary", 0.52, [false, true], [true, true], { comparator: "<=", value: 0.55 }, 0)],
      funding: fundingOf([check(2023, "budget", "met")]),
      building: { ...buildingOf(0), projects: [] },
      problems: [],
    } as unknown as Partial<ReportModel>);
    expect(narrative(model)).toEqual([
      "2023年为规划实施的监测年度，时间进度 60%。2 项主要指标中，已实现（含提前实现）1 项、符合预期 1 项、滞后 0 项、倒退 0 项、未实现 0 项。",
      "提前实现目标的有：甲。",
      "小学七项校际差异系数最大为 0.520，未全部达到国家标准，均达到规划目标（不高于0.55）；所有学校均达到 2017 年校级标准。",
      "教育经费 1 项年度检查中落实 1 项。",
    ]);
    const en = narrative({ ...model, language: "en" });
    expect(en[2]).toBe("Primary: the largest of the seven difference coefficients is 0.520; not all meet the national standard, all meet the plan's target (at most 0.55); every school meets the 2017 school rule.");
    expect(en[3]).toBe("Education funding: 1 of 1 yearly checks met.");
    // Schools data of another year, or of none stated, is said to be so (§7a.7).
    expect(narrative({ ...model, schoolYear: 2022 })[2]).toBe("小学（2022年学校数据）七项校际差异系数最大为 0.520，未全部达到国家标准，均达到规划目标（不高于0.55）；所有学校均达到 2017 年校级标准。");
    expect(narrative({ ...model, schoolYear: null, language: "en" })[2]).toMatch(/^Primary \(schools data of no stated year\): /);
    // Nothing elapsed without an indicator: 0 %.
    expect(narrative({ ...model, indicators: [], overall: emptyCounts(), balance: [], funding: null, building: null })).toEqual([
      "2023年为规划实施的监测年度，时间进度 0%。0 项主要指标中，已实现（含提前实现）0 项、符合预期 0 项、滞后 0 项、倒退 0 项、未实现 0 项。",
    ]);
  });
});

function final(language: "zh" | "en", extra: Partial<FinalModel> = {}): FinalModel {
  const rows = [line("甲", "reachedEarly"), line("乙", "reached"), ...["丙", "丁", "戊", "己", "庚"].map((n, k) => line(n, "missed", k === 0 ? 0.05 : k === 1 ? -0.1 : k === 2 ? null : 4, k === 0 ? "percent" : "count")), line("辛", "missed", 1, "count"), line("壬", "noData"), line("癸", "invalid")];
  return {
    language,
    period: { baseYear: 2020, startYear: 2021, targetYear: 2025 },
    overall: counts(rows),
    indicators: rows.map((row) => ({ row, values: [null, null, null, null, row.status === "noData" ? null : 1] })),
    tasks: new Array(50),
    milestones: new Array(8),
    taskCounts: { ...emptyCounts(), reachedEarly: 10, reached: 30, missed: 6, noData: 3, invalid: 1 },
    milestoneCounts: { ...emptyCounts(), reached: 6, missed: 1, noData: 1 },
    equity: [
      { id: "E1", name: "小学综合差异系数", stage: "primary", measure: "maxCoefficient", values: [null, 0.4567, 0.41, null, 0.3891], national: 0.5, target: "＜0.40" },
      { id: "E2", name: "初中综合差异系数", stage: "junior", measure: "maxCoefficient", values: [null, null, null, null, null], national: 0.45, target: "＜0.35" },
      { id: "E3", name: "班额达标率", stage: "primary", measure: "classShare", values: [0.9, 0.95, 1, 1, 1], national: null, target: "100%" },
    ],
    funding: fundingOf([check(2021, "budget", "notMet"), check(2022, "budget", "notMet"), check(2023, "budget", "notMet"), check(2024, "budget", "notMet"), check(2025, "budget", "notMet"), check(2025, "spending", "met")]),
    annual: { building: buildingOf(2), problems: [{}, {}] },
    ...extra,
  } as unknown as FinalModel;
}

describe("the final evaluation's 综述", () => {
  test("made before the period ends, or with the target year blank: it says so first (§7a.6)", () => {
    const early = final("zh", { annual: { building: null, problems: [], generatedAt: "2025-06-30 09:00" } } as unknown as Partial<FinalModel>);
    const text = finalNarrative(early);
    expect(text[0]).toBe("本评估生成于 2025 年，2021—2025年规划期尚未结束（至 2025 年底）：以下为截至目前的数据，不是终期结论。");
    expect(text[1]!.startsWith("截至目前，10 项主要指标中，已实现 2 项")).toBe(true);
    const blank = final("en", { annual: { building: null, problems: [], generatedAt: "2026-01-10 09:00" }, indicators: early.indicators.map((l) => ({ ...l, values: [1, null, null, null, null] })) } as unknown as Partial<FinalModel>);
    const en = finalNarrative(blank);
    expect(en[0]).toBe("No main indicator has a value for the target year (2025) yet, so every final verdict is No data; the values of the years so far and their trend are in the tables.");
    expect(en[1]!.startsWith("The 2021–2025 plan period is over. Of 10 main indicators")).toBe(true);
    // 18 items in 23 rows, as the plan counts them (§7a.8).
    const items = finalNarrative({ ...early, annual: { ...early.annual, itemCount: 8 } });
    expect(items[1]!.startsWith("截至目前，8 项主要指标（10 行）中，")).toBe(true);
  });

  test("in Chinese, every sentence", () => {
    expect(finalNarrative(final("zh"))).toEqual([
      // Ten indicators: 1 + 1 = 2 reached, 6 missed, 1 without data, 1 invalid.
      "2021—2025年规划期已经结束。10 项主要指标中，已实现 2 项（其中提前实现 1 项），未实现 6 项，无数据 1 项，数据有误 1 项。",
      // Five of six missed named, 等; a gap printed only when positive (0.05 → 5.00 个百分点, 4 in a count).
      "未实现的指标：丙（尚差 5.00 个百分点）、丁、戊、己（尚差 4）、庚（尚差 4） 等。",
      // Tasks: 10 + 30 = 40 reached of 50; milestones 6 of 8.
      "第三章任务目标 50 项中已实现 40 项、未实现 6 项、无数据 3 项、数据有误 1 项；里程碑 8 项中完成 6 项，未完成 1 项，无数据 1 项。",
      // From the first year with a value to the last; a path without values and the class-size share are left out.
      "小学综合差异系数由 0.457 变为 0.389（国家标准不高于 0.50，规划目标 ＜0.40）。",
      "教育经费规划期内 6 项年度检查中落实 1 项，未落实：2021年一般公共预算教育支出只增不减、2022年一般公共预算教育支出只增不减、2023年一般公共预算教育支出只增不减、2024年一般公共预算教育支出只增不减 等。",
      "学校建设台账 60 个项目（规划原文 58 个，分项合计 57 个），已实施 41 个（新建 24 个、改扩建 17 个，按分项计 39 个），已交付学位 12,345 个（规划 20,000 个），逾期未完成 2 个。",
      "数据检查发现 2 处问题，相关指标判为“数据有误”，须核实更正后再定稿（见“数据问题”一节）。",
    ]);
  });

  test("in English, every sentence", () => {
    expect(finalNarrative(final("en"))).toEqual([
      "The 2021–2025 plan period is over. Of 10 main indicators, 2 were reached (1 early) and 6 missed; 1 have no data; 1 have invalid data.",
      "Missed: 丙 (5.00 pp short), 丁, 戊, 己 (4 short), 庚 (4 short), and others.",
      "Of 50 task targets, 40 were reached and 6 missed, 3 without data, 1 with invalid data; of 8 milestones, 6 were delivered, 1 not, 1 without data.",
      "小学综合差异系数: from 0.457 to 0.389 (national standard at most 0.50; plan target ＜0.40).",
      "Education funding over the period: 1 of 6 yearly checks met; not met: 2021: Budget education spending never falls, 2022: Budget education spending never falls, 2023: Budget education spending never falls, 2024: Budget education spending never falls, ….",
      "Building programme: 60 projects in the ledger (58 as printed, 57 in the parts), 41 under way or done (24 new, 17 expansions; 39 counted against the split), 12,345 places in use (plan: 20,000), 2 late and unfinished.",
      "The data check found 2 problem(s); the rows concerned are marked Invalid data and must be corrected before this evaluation is final (see Data problems).",
    ]);
  });

  test("a clean end: all reached, all funding met, no late project, no problem", () => {
    const rows = [line("甲", "reached")];
    const model = final("zh", {
      overall: counts(rows),
      indicators: rows.map((row) => ({ row, values: [null, null, null, null, 1] })),
      taskCounts: { ...emptyCounts(), reached: 50 },
      milestoneCounts: { ...emptyCounts(), reached: 8 },
      equity: [],
      funding: fundingOf([check(2025, "budget", "met")]),
      annual: { building: { ...buildingOf(0) }, problems: [] },
    } as unknown as Partial<FinalModel>);
    expect(finalNarrative(model)).toEqual([
      "2021—2025年规划期已经结束。1 项主要指标中，已实现 1 项（其中提前实现 0 项），未实现 0 项。",
      "第三章任务目标 50 项中已实现 50 项、未实现 0 项；里程碑 8 项中完成 8 项。",
      "教育经费规划期内 1 项年度检查中落实 1 项，全部落实。",
      "学校建设台账 60 个项目（规划原文 58 个，分项合计 57 个），已实施 41 个（新建 24 个、改扩建 17 个，按分项计 39 个），已交付学位 12,345 个（规划 20,000 个）。",
    ]);
    expect(finalNarrative({ ...model, language: "en" }).slice(1, 3)).toEqual([
      "Of 50 task targets, 50 were reached and 0 missed; of 8 milestones, 8 were delivered.",
      "Education funding over the period: 1 of 1 yearly checks met, all of them.",
    ]);
  });
});

describe("the 综述 at its boundaries: lists of exactly the shown length, a gap of exactly 0", () => {
  test("the annual report: five early, three funding checks not met, five problems: no 等; a zero gap not printed; no late project", () => {
    const five = ["甲", "乙", "丙", "丁", "戊"].map((n) => line(n, "reachedEarly"));
    const model = annual("zh", {
      overall: counts(five),
      indicators: five as RowAssessment[],
      misses: [line("己", "behind", 0, "count")] as RowAssessment[],
      balance: [],
      funding: fundingOf([check(2021, "budget", "notMet"), check(2022, "budget", "notMet"), check(2023, "budget", "notMet")]),
      building: buildingOf(0),
      problems: Array.from({ length: 5 }, (_, k) => ({ sheet: "S", address: `A${k + 1}`, key: "", message: "" })),
    } as unknown as Partial<ReportModel>);
    expect(narrative(model).slice(1)).toEqual([
      "提前实现目标的有：甲、乙、丙、丁、戊。",
      "需重点关注的是：己（滞后）。",
      "教育经费 3 项年度检查中落实 0 项，未落实 3 项：2021年一般公共预算教育支出只增不减、2022年一般公共预算教育支出只增不减、2023年一般公共预算教育支出只增不减。",
      "学校建设台账 60 个项目（规划原文 58 个，分项合计 57 个），已实施 41 个（新建 24 个、改扩建 17 个，按分项计 39 个），已交付学位 12,345 个（规划 20,000 个）。",
      "另有 5 处数据问题（S!A1、S!A2、S!A3、S!A4、S!A5），相关指标暂判为“数据有误”，请核实更正后重新生成报告。",
    ]);
    expect(narrative({ ...model, language: "en" }).slice(1)).toEqual([
      "Reached early: 甲, 乙, 丙, 丁, 戊.",
      "Needing most attention: 己 (Behind).",
      "Education funding: 0 of 3 yearly checks met; not met: 2021: Budget education spending never falls, 2022: Budget education spending never falls, 2023: Budget education spending never falls.",
      "Building programme: 60 projects in the ledger (58 as printed, 57 in the parts), 41 under way or done (24 new, 17 expansions; 39 counted against the split), 12,345 places in use (plan: 20,000).",
      "There are 5 data problem(s) (S!A1, S!A2, S!A3, S!A4, S!A5); the rows concerned are marked Invalid data: correct them and regenerate the report.",
    ]);
  });

  test("the final evaluation: five missed, four funding checks not met: no 等; milestones done early count as done; no funding or ledger, no sentence", () => {
    const rows = ["甲", "乙", "丙", "丁", "戊"].map((n) => line(n, "missed", 0, "count"));
    const model = final("zh", {
      overall: counts(rows),
      indicators: rows.map((row) => ({ row, values: [null, null, null, null, 1] })),
      milestoneCounts: { ...emptyCounts(), reachedEarly: 2, reached: 5, missed: 1 },
      equity: [],
      funding: fundingOf([2021, 2022, 2023, 2024].map((y) => check(y, "budget", "notMet"))),
      annual: { building: null, problems: [] },
    } as unknown as Partial<FinalModel>);
    const zh = finalNarrative(model);
    // 2 + 5 = 7 milestones delivered.
    expect(zh.slice(1)).toEqual([
      "未实现的指标：甲、乙、丙、丁、戊。",
      "第三章任务目标 50 项中已实现 40 项、未实现 6 项、无数据 3 项、数据有误 1 项；里程碑 8 项中完成 7 项，未完成 1 项。",
      "教育经费规划期内 4 项年度检查中落实 0 项，未落实：2021年一般公共预算教育支出只增不减、2022年一般公共预算教育支出只增不减、2023年一般公共预算教育支出只增不减、2024年一般公共预算教育支出只增不减。",
    ]);
    const en = finalNarrative({ ...model, language: "en" });
    expect(en[0]).toBe("The 2021–2025 plan period is over. Of 5 main indicators, 0 were reached (0 early) and 5 missed.");
    expect(en.slice(1)).toEqual([
      "Missed: 甲, 乙, 丙, 丁, 戊.",
      "Of 50 task targets, 40 were reached and 6 missed, 3 without data, 1 with invalid data; of 8 milestones, 7 were delivered, 1 not.",
      "Education funding over the period: 0 of 4 yearly checks met; not met: 2021: Budget education spending never falls, 2022: Budget education spending never falls, 2023: Budget education spending never falls, 2024: Budget education spending never falls.",
    ]);
    expect(finalNarrative({ ...model, funding: null })).toHaveLength(3);
    expect(finalNarrative({ ...model, funding: fundingOf([]) as unknown as FinalModel["funding"] })).toHaveLength(3);
  });
});
