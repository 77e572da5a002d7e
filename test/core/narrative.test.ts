/**
 * The report's 综述 word for word (issue 16): a planner signs these paragraphs, so every count, name,
 * gap and clause is pinned here on small report models written by hand, with each expected sentence
 * worked out from those figures in the comments, not by the product.
 */
import { finalSections, fiveYearPlan, narrative, nextPlanName } from "../../src/core/report/narrative";
import { emptyCounts, type Status } from "../../src/core/calc/status";
import type { ReportModel } from "../../src/core/report/model";
import { reportText } from "../../src/core/report/text";
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
      "初中七项校际差异系数最大为 0.300，均达到国家标准；全部 10 所学校均达到 2017 年校级标准。",
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
      "Junior secondary: the largest of the seven difference coefficients is 0.300; all meet the national standard; all 10 schools meet the 2017 school rule.",
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
      "小学七项校际差异系数最大为 0.520，未全部达到国家标准，均达到规划目标（不高于0.55）；全部 10 所学校均达到 2017 年校级标准。",
      "教育经费 1 项年度检查中落实 1 项。",
    ]);
    const en = narrative({ ...model, language: "en" });
    expect(en[2]).toBe("Primary: the largest of the seven difference coefficients is 0.520; not all meet the national standard, all meet the plan's target (at most 0.55); all 10 schools meet the 2017 school rule.");
    expect(en[3]).toBe("Education funding: 1 of 1 yearly checks met.");
    // Schools data of another year, or of none stated, is said to be so (§7a.7).
    expect(narrative({ ...model, schoolYear: 2022 })[2]).toBe("小学（2022年学校数据）七项校际差异系数最大为 0.520，未全部达到国家标准，均达到规划目标（不高于0.55）；全部 10 所学校均达到 2017 年校级标准。");
    expect(narrative({ ...model, schoolYear: null, language: "en" })[2]).toMatch(/^Primary \(schools data of no stated year\): /);
    // Nothing elapsed without an indicator: 0 %.
    expect(narrative({ ...model, indicators: [], overall: emptyCounts(), balance: [], funding: null, building: null })).toEqual([
      "2023年为规划实施的监测年度，时间进度 0%。0 项主要指标中，已实现（含提前实现）0 项、符合预期 0 项、滞后 0 项、倒退 0 项、未实现 0 项。",
    ]);
  });
});

/** A row of the final evaluation with what the sections read from it. */
const row = (name: string, status: Status, kind: RowAssessment["kind"], extra: Partial<RowAssessment> = {}) =>
  ({ name, status, kind, gap: null, unit: null, actual: null, target: null, firstReached: null, elapsed: 1, ...extra }) as RowAssessment;

// Seven indicators: 甲 reached early (95 % against 90 %, first in 2023), 乙 reached (12 against "12所"),
// 丙 丁 戊 missed, 壬 without data, 癸 invalid. Shortfalls: the three missed indicators' first two, a
// missed task, a task reached late and a missed milestone.
const ROWS = [
  row("甲", "reachedEarly", "indicator", { unit: "percent", actual: 0.95, target: 0.9, firstReached: 2023 }),
  row("乙", "reached", "indicator", { unit: "count", actual: 12, target: "12所", firstReached: 2025 }),
  row("丙", "missed", "indicator", { unit: "percent", actual: 0.85, target: 0.9, gap: 0.05 }),
  row("丁", "missed", "indicator", { unit: "count", actual: 10, target: "10个左右", gap: -0.1 }),
  row("戊", "missed", "indicator", { unit: "count" }),
  row("壬", "noData", "indicator"),
  row("癸", "invalid", "indicator"),
];
const SHORTFALLS = [
  { row: ROWS[2]!, reason: "2024年：生源减少；2025年：教师调出" },
  { row: ROWS[3]!, reason: "" },
  { row: row("子", "missed", "task", { unit: "count", target: 5 }), reason: "" },
  { row: row("丑", "reachedLate", "task", { unit: "count", actual: 3, target: "3所" }), reason: "征地延误" },
  { row: row("寅", "missed", "milestone"), reason: "" },
];

function final(language: "zh" | "en", extra: Partial<FinalModel> = {}): FinalModel {
  return {
    language,
    period: { baseYear: 2020, startYear: 2021, targetYear: 2025 },
    cover: { plan: "某区教育规划", issuer: "某区人民政府" },
    overall: counts(ROWS),
    indicators: ROWS.map((r) => ({ row: r, values: [null, null, null, null, r.status === "noData" ? null : 1], notes: [], attribute: null })),
    tasks: new Array(50),
    milestones: new Array(8),
    taskCounts: { ...emptyCounts(), reachedEarly: 10, reached: 30, reachedLate: 1, missed: 5, noData: 3, invalid: 1 },
    milestoneCounts: { ...emptyCounts(), reached: 6, missed: 1, noData: 1 },
    equity: [
      { id: "E1", name: "小学综合差异系数", stage: "primary", measure: "maxCoefficient", values: [null, 0.4567, 0.41, null, 0.3891], national: 0.5, target: "＜0.40" },
      { id: "E2", name: "初中综合差异系数", stage: "junior", measure: "maxCoefficient", values: [null, null, null, null, null], national: 0.45, target: "＜0.35" },
      { id: "E3", name: "班额达标率", stage: "primary", measure: "classShare", values: [0.9, 0.95, 1, 1, 1], national: null, target: "100%" },
    ],
    funding: fundingOf([check(2021, "budget", "notMet"), check(2022, "budget", "notMet"), check(2023, "budget", "notMet"), check(2024, "budget", "notMet"), check(2025, "budget", "notMet"), check(2025, "spending", "met")]),
    // 3,033,000 (10k yuan) over the period against 1,617,800: 3033000 / 1617800 − 1 = 0.8748 → 87.5 %.
    fundingTotal: { from: 2021, to: 2025, total: 3033000, missing: [], change: 3033000 / 1617800 - 1, previous: { value: 1617800, text: "161.78亿元", period: { zh: "“十三五”期间", en: "the 13th Five-Year Plan period" }, source: { chapter: 1, line: 44, quote: "q" } } },
    shortfalls: SHORTFALLS,
    annual: { building: buildingOf(2), problems: [{}, {}], schoolYear: 2024, marks: {} },
    ...extra,
  } as unknown as FinalModel;
}

describe("the final evaluation's sections, word for word", () => {
  test("made before the period ends, or with the target year blank: 一 says so first (§7a.6)", () => {
    const early = final("zh", { annual: { building: null, problems: [], generatedAt: "2025-06-30 09:00", marks: {} } } as unknown as Partial<FinalModel>);
    const s = finalSections(early);
    expect(s.evaluation[0]).toBe("本评估生成于 2025 年，2021—2025年规划期尚未结束（至 2025 年底）：以下为截至目前的数据，不是终期结论。");
    expect(s.achievements[0]!.startsWith("截至目前，7 项主要指标中，已实现 2 项")).toBe(true);
    const blank = final("en", { annual: { building: null, problems: [], generatedAt: "2026-01-10 09:00", marks: {} }, indicators: early.indicators.map((l) => ({ ...l, values: [1, null, null, null, null] })) } as unknown as Partial<FinalModel>);
    const en = finalSections(blank);
    expect(en.evaluation[0]).toBe("No main indicator has a value for the target year (2025) yet, so every final verdict is No data; the values of the years so far and their trend are in the annexes.");
    expect(en.achievements[0]!.startsWith("The 2021–2025 plan period is over. Of 7 main indicators")).toBe(true);
    // 18 items in 23 rows, as the plan counts them (§7a.8); estimates named (§7a.6).
    const items = finalSections({ ...early, annual: { ...early.annual, itemCount: 5, marks: { 2025: "estimate" } } } as unknown as FinalModel);
    expect(items.achievements[0]!.startsWith("截至目前，5 项主要指标（7 行）中，")).toBe(true);
    expect(items.evaluation[3]).toBe("其中 2025年数据为预计数（见规划指标表“数据性质”一行），定稿前须以正式统计数据核实。");
  });

  test("in Chinese: 一 how it was done, 二 achievements with figures, 三 the lead-in, 四 one line per missed target", () => {
    const s = finalSections(final("zh"));
    expect(s.evaluation).toEqual([
      "评估范围：某区教育规划（2021—2025年）的实施情况，包括7 项主要指标、第三章任务目标 50 项、里程碑任务 8 项，以及教育经费保障和学校建设项目。",
      "数据来源：各年度监测数据（规划指标、任务目标、里程碑进展、教育经费和建设项目台账），校际均衡为 2024 年学校数据，均取自本工作簿。",
      "各年度数据均未标注为预计数或初步数。",
      "评估方法：以目标年（2025年）数值对照规划目标，判定各项指标和任务是否实现；目标年前已达到并保持至目标年的为“提前实现”，逾期达到的为“逾期实现”，任一年度数据有误的为“数据有误”。校际均衡以差异系数对照国家标准和规划目标，教育经费按“三个增长”“两个只增不减”逐年检查。",
      "数据检查发现 2 处问题，相关指标判为“数据有误”，须核实更正后再定稿（见附件“数据问题”）。",
    ]);
    expect(s.achievements).toEqual([
      // 1 + 1 = 2 reached, 3 missed, 1 without data, 1 invalid.
      "2021—2025年规划期已经结束。7 项主要指标中，已实现 2 项（其中提前实现 1 项），未实现 3 项，无数据 1 项，数据有误 1 项。",
      "提前实现的指标：甲（2023年达到，2025年 95.00%，目标 90.00%）。",
      "如期实现的指标：乙（2025年 12，目标 12所）。",
      // Tasks: 10 + 30 + 1 = 41 reached of 50; milestones 6 of 8.
      "第三章任务目标 50 项中已实现 41 项（其中逾期实现 1 项）、未实现 5 项、无数据 3 项、数据有误 1 项；里程碑 8 项中完成 6 项，未完成 1 项，无数据 1 项。",
      // From the first year with a value to the last; a path without values and the class-size share are left out.
      "小学综合差异系数由 0.457 变为 0.389（国家标准不高于 0.50，规划目标 ＜0.40）。",
      "教育经费规划期内 6 项年度检查中落实 1 项，未落实：2021年一般公共预算教育支出只增不减、2022年一般公共预算教育支出只增不减、2023年一般公共预算教育支出只增不减、2024年一般公共预算教育支出只增不减 等。",
      // 3,033,000 万元 = 303.30 亿元.
      "规划期（2021—2025年）一般公共预算教育支出合计 303.30 亿元；规划文本载“十三五”期间全区各级各类教育投入 161.78亿元（第44行，统计口径不完全相同），增长 87.5%。",
      "学校建设台账 60 个项目（规划原文 58 个，分项合计 57 个），已实施 41 个（新建 24 个、改扩建 17 个，按分项计 39 个），已交付学位 12,345 个（规划 20,000 个），逾期未完成 2 个。",
    ]);
    // 丙, 丁, 子 and 寅 missed; 丑 late.
    expect(s.problems).toEqual([
      "未实现 4 项、逾期实现 1 项（主要指标、任务目标和里程碑），逐项列于下表。“原因说明”取自各数据表“说明”栏中规划人员填写的内容；未填写的，请在数据表中补充后重新生成本报告。",
    ]);
    // A gap only when positive; no value, no year; a milestone is not delivered; the late task is done.
    expect(s.proposals).toEqual([
      "“丙”未实现（2025年 85.00%，目标 90.00%，尚差 5.00 个百分点），建议列入“十五五”规划继续推进。",
      "“丁”未实现（2025年 10，目标 10个左右），建议列入“十五五”规划继续推进。",
      "“子”未实现（目标 5），建议列入“十五五”规划继续推进。",
      "“寅”未完成，建议列入“十五五”规划继续推进。",
    ]);
  });

  test("in English, the same", () => {
    const s = finalSections(final("en"));
    expect(s.evaluation).toEqual([
      'Scope: how the plan "某区教育规划" (2021–2025) was carried out: 7 main indicators, 50 chapter-3 task targets, 8 milestones, education funding and the building programme.',
      "Data: the yearly monitoring figures (indicators, task targets, milestone progress, funding and the project ledger), school equity from the 2024 schools data, all from this workbook.",
      "No year's figures are marked as estimated or preliminary.",
      "Method: each indicator and task is judged by its target-year (2025) value against the plan's target; reached before the target year and held through it is Reached early, reached after its deadline Reached late, and any year with invalid data makes it Invalid data. School equity is read from the difference coefficients against the national standard and the plan's targets; funding is checked year by year against the statutory growth rules.",
      "The data check found 2 problem(s); the rows concerned are marked Invalid data and must be corrected before this evaluation is final (see the annex Data problems).",
    ]);
    expect(s.achievements).toEqual([
      "The 2021–2025 plan period is over. Of 7 main indicators, 2 were reached (1 early) and 3 missed; 1 have no data; 1 have invalid data.",
      "Reached early: 甲 (reached in 2023, 95.00% in 2025; target 90.00%).",
      "Reached: 乙 (12 in 2025; target 12所).",
      "Of 50 task targets, 41 were reached (1 late) and 5 missed, 3 without data, 1 with invalid data; of 8 milestones, 6 were delivered, 1 not, 1 without data.",
      "小学综合差异系数: from 0.457 to 0.389 (national standard at most 0.50; plan target ＜0.40).",
      "Education funding over the period: 1 of 6 yearly checks met; not met: 2021: Budget education spending never falls, 2022: Budget education spending never falls, 2023: Budget education spending never falls, 2024: Budget education spending never falls, ….",
      // 3,033,000 × 10,000 yuan = 30.33 billion; 1,617,800 × 10,000 = 16.18 billion.
      "Budget education spending over the period (2021–2025): 30.33 billion yuan; the plan gives 161.78亿元 (16.18 billion yuan) of total education investment in the 13th Five-Year Plan period (line 44; not quite the same measure), up 87.5%.",
      "Building programme: 60 projects in the ledger (58 as printed, 57 in the parts), 41 under way or done (24 new, 17 expansions; 39 counted against the split), 12,345 places in use (plan: 20,000), 2 late and unfinished.",
    ]);
    expect(s.problems).toEqual([
      "4 missed and 1 reached late (indicators, task targets and milestones), each in the table below. The reasons are the planners' own notes from the Note columns of the data sheets; where none is written, add it there and regenerate this report.",
    ]);
    expect(s.proposals).toEqual([
      '"丙" was missed (85.00% in 2025, target 90.00%, 5.00 pp short): carry it into the 15th Five-Year Plan.',
      '"丁" was missed (10 in 2025, target 10个左右): carry it into the 15th Five-Year Plan.',
      '"子" was missed (target 5): carry it into the 15th Five-Year Plan.',
      '"寅" was not delivered: carry it into the 15th Five-Year Plan.',
    ]);
  });

  test("a clean end: all reached, all funding met, no late project, no problem, nothing to carry over", () => {
    const rows = [row("甲", "reached", "indicator", { unit: "count", actual: 3, target: 3 })];
    const model = final("zh", {
      overall: counts(rows),
      indicators: rows.map((r) => ({ row: r, values: [null, null, null, null, 3], notes: [], attribute: null })),
      taskCounts: { ...emptyCounts(), reached: 50 },
      milestoneCounts: { ...emptyCounts(), reached: 8 },
      equity: [],
      funding: fundingOf([check(2025, "budget", "met")]),
      fundingTotal: { from: 2021, to: 2025, total: null, missing: [2021, 2022, 2023, 2024], change: null, previous: null },
      shortfalls: [],
      annual: { building: { ...buildingOf(0) }, problems: [], schoolYear: null, marks: {} },
    } as unknown as Partial<FinalModel>);
    const s = finalSections(model);
    expect(s.achievements).toEqual([
      "2021—2025年规划期已经结束。1 项主要指标中，已实现 1 项（其中提前实现 0 项），未实现 0 项。",
      "如期实现的指标：甲（2025年 3，目标 3）。",
      "第三章任务目标 50 项中已实现 50 项、未实现 0 项；里程碑 8 项中完成 8 项。",
      "教育经费规划期内 1 项年度检查中落实 1 项，全部落实。",
      "规划期一般公共预算教育支出合计暂无法计算（2021年、2022年、2023年、2024年数据缺失或有误）。",
      "学校建设台账 60 个项目（规划原文 58 个，分项合计 57 个），已实施 41 个（新建 24 个、改扩建 17 个，按分项计 39 个），已交付学位 12,345 个（规划 20,000 个）。",
    ]);
    // No schools data year stated: the sources say nothing about it; no problems: no sentence.
    expect(s.evaluation[1]).toBe("数据来源：各年度监测数据（规划指标、任务目标、里程碑进展、教育经费和建设项目台账），均取自本工作簿。");
    expect(s.evaluation).toHaveLength(4);
    expect(s.problems).toEqual(["主要指标、任务目标和里程碑没有未实现或逾期实现的。"]);
    expect(s.proposals).toEqual(["规划目标均已实现，建议在“十五五”规划中巩固提升。"]);
    expect(finalSections({ ...model, language: "en" }).proposals).toEqual(["Every target was reached: build on them in the 15th Five-Year Plan."]);
    // Every year blank: no total sentence at all.
    expect(finalSections({ ...model, fundingTotal: { ...model.fundingTotal!, missing: [2021, 2022, 2023, 2024, 2025] } }).achievements).toHaveLength(5);
  });

  test("the next plan's name follows the period: 十五五 after 2021–2025, 十六五 after 2026–2030, a neutral phrase otherwise", () => {
    expect([fiveYearPlan(2021, 2025), fiveYearPlan(2026, 2030), fiveYearPlan(2006, 2010), fiveYearPlan(2022, 2026), fiveYearPlan(2021, 2035)]).toEqual([14, 15, 11, null, null]);
    expect([nextPlanName({ startYear: 2021, targetYear: 2025 }, true), nextPlanName({ startYear: 2026, targetYear: 2030 }, true), nextPlanName({ startYear: 2021, targetYear: 2035 }, true)]).toEqual(["“十五五”", "“十六五”", "下一规划期"]);
    expect([nextPlanName({ startYear: 2026, targetYear: 2030 }, false), nextPlanName({ startYear: 2021, targetYear: 2035 }, false)]).toEqual(["the 16th Five-Year Plan", "the next plan period"]);
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

  test("the final evaluation: four funding checks not met: no 等; no funding or ledger, no sentence", () => {
    const model = final("zh", {
      funding: fundingOf([2021, 2022, 2023, 2024].map((y) => check(y, "budget", "notMet"))),
      fundingTotal: null,
      annual: { building: null, problems: [], schoolYear: 2024, marks: {} },
    } as unknown as Partial<FinalModel>);
    const zh = finalSections(model).achievements;
    expect(zh[zh.length - 1]).toBe("教育经费规划期内 4 项年度检查中落实 0 项，未落实：2021年一般公共预算教育支出只增不减、2022年一般公共预算教育支出只增不减、2023年一般公共预算教育支出只增不减、2024年一般公共预算教育支出只增不减。");
    const en = finalSections({ ...model, language: "en" }).achievements;
    expect(en[en.length - 1]).toBe("Education funding over the period: 0 of 4 yearly checks met; not met: 2021: Budget education spending never falls, 2022: Budget education spending never falls, 2023: Budget education spending never falls, 2024: Budget education spending never falls.");
    expect(finalSections({ ...model, funding: null }).achievements).toHaveLength(zh.length - 1);
    expect(finalSections({ ...model, funding: fundingOf([]) as unknown as FinalModel["funding"] }).achievements).toHaveLength(zh.length - 1);
  });
});

describe("the 2017 school rule in words: judged, failing, not judged, none at all", () => {
  test("by hand over 10 schools", () => {
    const rule = (schools: number, failing: number, incomplete: number) => reportText.schoolRule(schools, failing, incomplete);
    expect(rule(10, 0, 0)).toEqual({ zh: "全部 10 所学校均达到 2017 年校级标准", en: "all 10 schools meet the 2017 school rule" });
    // Two without all seven figures: the eight judged pass, and the two are named as not judged.
    expect(rule(10, 0, 2)).toEqual({ zh: "有完整数据的 8 所学校均达到 2017 年校级标准，2 所学校数据不全、未作判断", en: "all 8 schools with all figures meet the 2017 school rule; 2 school(s) with incomplete figures not judged" });
    expect(rule(10, 3, 2).zh).toBe("3 所学校未达到 2017 年校级标准，2 所学校数据不全、未作判断");
    expect(rule(1, 0, 0).en).toBe("the one school meets the 2017 school rule");
    // No school of the stage: no claim about them at all; every school incomplete: none judged.
    expect(rule(0, 0, 0).zh).toBe("本学段没有学校数据");
    expect(rule(4, 0, 4).zh).toBe("4 所学校数据均不全，未作 2017 年校级标准判断");
  });
});
