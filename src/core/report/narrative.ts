/**
 * The report's summary paragraph (综述), written from the report model in the report's language the
 * way a bureau writes it, stating only facts the model holds: counts by status, what was reached
 * early, the worst misses with their gaps, the school equity verdict, the data problems. The report
 * holds values, so the planner can edit it afterwards.
 */
import { STATUS_LABELS } from "../calc/status";
import { formatFigure, grouped } from "../format";
import { labels } from "../messages";
import type { FinalLine, FinalModel, FinalSections, FundingTotal, ReportModel } from "./types";
import type { RowAssessment } from "../workbook/assess";
import { fundingText } from "../workbook/text";
import { pick } from "../i18n";
import { finalText, reportText } from "./text";
import type { BuildingAssessment } from "../workbook/building";

const list = (items: string[], zh: boolean) => (zh ? items.join("、") : items.join(", "));

/**
 * The main indicators as the plan counts them (§7a.8): "18 项主要指标（23 行）" where stage splits
 * make more rows than items; the counts that follow are of rows.
 */
function indicatorCount(items: number | undefined, rows: number, zh: boolean): string {
  const split = items !== undefined && items !== rows;
  if (zh) return split ? `${items} 项主要指标（${rows} 行）` : `${rows} 项主要指标`;
  return split ? `${items} main indicators (${rows} rows)` : `${rows} main indicators`;
}

export function narrative(model: ReportModel): string[] {
  const zh = model.language === "zh";
  const c = model.overall;
  const total = model.indicators.length;
  const elapsed = model.indicators[0]?.elapsed ?? 0;
  const pct = `${Math.round(elapsed * 100)}%`;
  const out: string[] = [];
  const reached = c.reachedEarly + c.reached + c.reachedLate;
  const parts = zh
    ? [`已实现（含提前实现）${reached} 项`, `符合预期 ${c.onTrack} 项`, `滞后 ${c.behind} 项`, `倒退 ${c.regressing} 项`, `未实现 ${c.missed} 项`]
    : [`${reached} reached (early included)`, `${c.onTrack} on track`, `${c.behind} behind`, `${c.regressing} regressing`, `${c.missed} missed`];
  if (c.noData) parts.push(zh ? `无数据 ${c.noData} 项` : `${c.noData} without data`);
  if (c.invalid) parts.push(zh ? `数据有误 ${c.invalid} 项` : `${c.invalid} with invalid data`);
  out.push(
    zh
      ? `${model.year}年为规划实施的监测年度，时间进度 ${pct}。${indicatorCount(model.itemCount, total, true)}中，${list(parts, true)}。`
      : `${model.year} is the monitoring year, ${pct} of the plan period elapsed. Of ${indicatorCount(model.itemCount, total, false)}, ${list(parts, false)}.`,
  );
  const marked = finalText.marksLine(model.marks ?? {});
  if (marked) out.push(pick(marked, model.language));
  const early = model.indicators.filter((l) => l.status === "reachedEarly").map((l) => l.name);
  if (early.length) {
    const shown = early.slice(0, 5);
    out.push(zh ? `提前实现目标的有：${list(shown, true)}${early.length > 5 ? " 等" : ""}。` : `Reached early: ${list(shown, false)}${early.length > 5 ? ", and others" : ""}.`);
  }
  const worst = model.misses.filter((m) => m.status !== "invalid").slice(0, 3);
  if (worst.length) {
    const items = worst.map((m) => {
      const gap = m.gap !== null && m.gap > 0 ? formatFigure(m.gap, m.unit, "gap")[model.language] : null;
      const label = STATUS_LABELS[m.status][model.language];
      return zh ? `${m.name}（${label}${gap ? `，尚差 ${gap}` : ""}）` : `${m.name} (${label}${gap ? `, ${gap} to go` : ""})`;
    });
    out.push(zh ? `需重点关注的是：${list(items, true)}。` : `Needing most attention: ${list(items, false)}.`);
  }
  for (const b of model.balance) {
    if (b.max === null) continue;
    const stage = labels.stage[b.stage][model.language];
    const national = b.rows.every((r) => r.national !== false);
    const plan = b.rows.every((r) => r.plan !== false);
    const bound = b.planBound ? `${b.planBound.comparator === "<" ? (zh ? "低于" : "below ") : zh ? "不高于" : "at most "}${b.planBound.value.toFixed(2)}` : null;
    // The schools data has its own year: say which, when it is not the report's (§7a.7).
    const from = model.schoolYear === model.year ? "" : model.schoolYear === null ? (zh ? "（学校数据未注明年度）" : " (schools data of no stated year)") : zh ? `（${model.schoolYear}年学校数据）` : ` (schools data of ${model.schoolYear})`;
    out.push(
      zh
        ? `${stage}${from}七项校际差异系数最大为 ${b.max.toFixed(3)}，${national ? "均达到" : "未全部达到"}国家标准${bound ? `，${plan ? "均达到" : "未全部达到"}规划目标（${bound}）` : ""}；${reportText.schoolRule(b.schools, b.failing.length, b.incomplete ?? 0).zh}。`
        : `${stage}${from}: the largest of the seven difference coefficients is ${b.max.toFixed(3)}; ${national ? "all meet" : "not all meet"} the national standard${bound ? `, ${plan ? "all meet" : "not all meet"} the plan's target (${bound})` : ""}; ${reportText.schoolRule(b.schools, b.failing.length, b.incomplete ?? 0).en}.`,
    );
  }
  const funding = model.funding;
  if (funding?.checks.length) {
    const failed = funding.checks.filter((x) => x.verdict === "notMet").map((x) => `${x.year}${zh ? "年" : ": "}${pick(fundingText.checks[x.check], model.language)}`);
    const n = funding.checks.length;
    out.push(
      zh
        ? `教育经费 ${n} 项年度检查中落实 ${funding.counts.met} 项${failed.length ? `，未落实 ${failed.length} 项：${list(failed.slice(0, 3), true)}${failed.length > 3 ? " 等" : ""}` : ""}${funding.counts.noData ? `，无数据 ${funding.counts.noData} 项` : ""}。`
        : `Education funding: ${funding.counts.met} of ${n} yearly checks met${failed.length ? `; not met: ${list(failed.slice(0, 3), false)}${failed.length > 3 ? ", …" : ""}` : ""}${funding.counts.noData ? `; ${funding.counts.noData} without data` : ""}.`,
    );
  }
  if (model.building?.projects.length) out.push(buildingLine(model.building, zh));
  if (model.problems.length) {
    const cells = model.problems.slice(0, 5).map((p) => `${p.sheet}!${p.address}`);
    out.push(
      zh
        ? `另有 ${model.problems.length} 处数据问题（${list(cells, true)}${model.problems.length > 5 ? " 等" : ""}），相关指标暂判为“数据有误”，请核实更正后重新生成报告。`
        : `There are ${model.problems.length} data problem(s) (${list(cells, false)}${model.problems.length > 5 ? ", …" : ""}); the rows concerned are marked Invalid data: correct them and regenerate the report.`,
    );
  }
  return out;
}

/** The final evaluation's 综述: how the period ended, in the way a final evaluation is written. */
/** The Five-Year Plan a period belongs to (2021–2025: 14), or null for a period that is not one. */
export function fiveYearPlan(startYear: number, targetYear: number): number | null {
  const n = (startYear - 2006) / 5 + 11;
  return Number.isInteger(n) && n > 0 && targetYear === startYear + 4 ? n : null;
}

/** 十五五, 十六五 … in Chinese; "the 15th Five-Year Plan" in English; a neutral phrase for other periods. */
export function nextPlanName(period: { startYear: number; targetYear: number }, zh: boolean): string {
  const n = fiveYearPlan(period.startYear, period.targetYear);
  if (n === null) return zh ? "下一规划期" : "the next plan period";
  const digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
  const next = n + 1;
  const cn = next < 10 ? digits[next]! : next < 20 ? `十${digits[next - 10]}` : `${digits[Math.floor(next / 10)]}十${digits[next % 10]}`;
  const ord = next % 10 === 1 && next !== 11 ? "st" : next % 10 === 2 && next !== 12 ? "nd" : next % 10 === 3 && next !== 13 ? "rd" : "th";
  return zh ? `“${cn}五”` : `the ${next}${ord} Five-Year Plan`;
}

/** A value in its unit for running text. */
const figure = (v: number | null, unit: RowAssessment["unit"], zh: boolean) => (v === null ? "—" : formatFigure(v, unit)[zh ? "zh" : "en"]);
/** A target cell for running text: a number in its unit (0.9 → 90.00%), text as printed. */
const targetText = (r: RowAssessment, zh: boolean) => (typeof r.target === "number" ? figure(r.target, r.unit, zh) : r.target === null || r.target === undefined ? "" : String(r.target));

/**
 * The final evaluation's draft text, section by section, as a bureau writes one (一 how the evaluation
 * was done, 二 what was achieved, 三 what fell short and why, 四 what to carry into the next plan).
 * Every sentence comes from the model; tests pin them word for word.
 */
export function finalSections(model: FinalModel): FinalSections {
  const zh = model.language === "zh";
  const { startYear, targetYear } = model.period;
  const c = model.overall;
  const total = model.indicators.length;
  const reached = c.reached + c.reachedEarly + c.reachedLate;
  const items = indicatorCount(model.annual.itemCount, total, zh);

  // 一、评估工作开展情况
  const evaluation: string[] = [];
  // Requested before the period has ended, or with the target year still blank, it says so first (§7a.6).
  const made = Number(/^(\d{4})/.exec(model.annual.generatedAt)?.[1] ?? NaN);
  const over = !(made <= targetYear);
  const withTarget = model.indicators.some((l) => l.values[l.values.length - 1] !== null && l.values[l.values.length - 1] !== undefined);
  if (!over) {
    evaluation.push(
      zh
        ? `本评估生成于 ${made} 年，${startYear}—${targetYear}年规划期尚未结束（至 ${targetYear} 年底）：以下为截至目前的数据，不是终期结论。`
        : `This evaluation was made in ${made}, before the ${startYear}–${targetYear} plan period ends (end of ${targetYear}): it shows the data so far, not the final outcome.`,
    );
  }
  if (!withTarget && model.indicators.length) {
    evaluation.push(
      zh
        ? `目标年度（${targetYear}年）尚无主要指标数据，各项终期判定为“无数据”；各年已有数值及其走势见附件。`
        : `No main indicator has a value for the target year (${targetYear}) yet, so every final verdict is No data; the values of the years so far and their trend are in the annexes.`,
    );
  }
  evaluation.push(
    zh
      ? `评估范围：${model.cover.plan}（${startYear}—${targetYear}年）的实施情况，包括${items}、第三章任务目标 ${model.tasks.length} 项、里程碑任务 ${model.milestones.length} 项，以及教育经费保障和学校建设项目。`
      : `Scope: how the plan "${model.cover.plan}" (${startYear}–${targetYear}) was carried out: ${items}, ${model.tasks.length} chapter-3 task targets, ${model.milestones.length} milestones, education funding and the building programme.`,
  );
  const schoolYear = model.annual.schoolYear;
  evaluation.push(
    zh
      ? `数据来源：各年度监测数据（规划指标、任务目标、里程碑进展、教育经费和建设项目台账）${typeof schoolYear === "number" ? `，校际均衡为 ${schoolYear} 年学校数据` : ""}，均取自本工作簿。`
      : `Data: the yearly monitoring figures (indicators, task targets, milestone progress, funding and the project ledger)${typeof schoolYear === "number" ? `, school equity from the ${schoolYear} schools data` : ""}, all from this workbook.`,
  );
  const marked = finalText.marksLine(model.annual.marks ?? {});
  evaluation.push(marked ? pick(marked, model.language) : zh ? "各年度数据均未标注为预计数或初步数。" : "No year's figures are marked as estimated or preliminary.");
  evaluation.push(
    zh
      ? `评估方法：以目标年（${targetYear}年）数值对照规划目标，判定各项指标和任务是否实现；目标年前已达到并保持至目标年的为“提前实现”，逾期达到的为“逾期实现”，任一年度数据有误的为“数据有误”。校际均衡以差异系数对照国家标准和规划目标，教育经费按“三个增长”“两个只增不减”逐年检查。`
      : `Method: each indicator and task is judged by its target-year (${targetYear}) value against the plan's target; reached before the target year and held through it is Reached early, reached after its deadline Reached late, and any year with invalid data makes it Invalid data. School equity is read from the difference coefficients against the national standard and the plan's targets; funding is checked year by year against the statutory growth rules.`,
  );
  if (model.annual.problems.length) {
    evaluation.push(
      zh
        ? `数据检查发现 ${model.annual.problems.length} 处问题，相关指标判为“数据有误”，须核实更正后再定稿（见附件“数据问题”）。`
        : `The data check found ${model.annual.problems.length} problem(s); the rows concerned are marked Invalid data and must be corrected before this evaluation is final (see the annex Data problems).`,
    );
  }

  // 二、主要成效
  const achievements: string[] = [];
  achievements.push(
    zh
      ? `${over ? `${startYear}—${targetYear}年规划期已经结束。` : "截至目前，"}${items}中，已实现 ${reached} 项（其中提前实现 ${c.reachedEarly} 项${c.reachedLate ? `、逾期实现 ${c.reachedLate} 项` : ""}），未实现 ${c.missed} 项${c.noData ? `，无数据 ${c.noData} 项` : ""}${c.invalid ? `，数据有误 ${c.invalid} 项` : ""}。`
      : `${over ? `The ${startYear}–${targetYear} plan period is over. Of` : "So far, of"} ${items}, ${reached} were reached (${c.reachedEarly} early${c.reachedLate ? `, ${c.reachedLate} late` : ""}) and ${c.missed} missed${c.noData ? `; ${c.noData} have no data` : ""}${c.invalid ? `; ${c.invalid} have invalid data` : ""}.`,
  );
  const withFigures = (l: FinalLine) => {
    const r = l.row;
    const value = figure(r.actual, r.unit, zh);
    const when = r.firstReached !== null && r.status === "reachedEarly" ? (zh ? `${r.firstReached}年达到，` : `reached in ${r.firstReached}, `) : "";
    return zh ? `${r.name}（${when}${targetYear}年 ${value}，目标 ${targetText(r, zh)}）` : `${r.name} (${when}${value} in ${targetYear}; target ${targetText(r, zh)})`;
  };
  const early = model.indicators.filter((l) => l.row.status === "reachedEarly");
  if (early.length) achievements.push(zh ? `提前实现的指标：${list(early.map(withFigures), true)}。` : `Reached early: ${list(early.map(withFigures), false)}.`);
  const onTime = model.indicators.filter((l) => l.row.status === "reached");
  if (onTime.length) achievements.push(zh ? `如期实现的指标：${list(onTime.map(withFigures), true)}。` : `Reached: ${list(onTime.map(withFigures), false)}.`);
  const t = model.taskCounts;
  const m = model.milestoneCounts;
  achievements.push(
    zh
      ? `第三章任务目标 ${model.tasks.length} 项中已实现 ${t.reached + t.reachedEarly + t.reachedLate} 项${t.reachedLate ? `（其中逾期实现 ${t.reachedLate} 项）` : ""}、未实现 ${t.missed} 项${t.noData ? `、无数据 ${t.noData} 项` : ""}${t.invalid ? `、数据有误 ${t.invalid} 项` : ""}；里程碑 ${model.milestones.length} 项中完成 ${m.reached + m.reachedEarly + m.reachedLate} 项${m.reachedLate ? `（其中逾期完成 ${m.reachedLate} 项）` : ""}${m.missed ? `，未完成 ${m.missed} 项` : ""}${m.noData ? `，无数据 ${m.noData} 项` : ""}。`
      : `Of ${model.tasks.length} task targets, ${t.reached + t.reachedEarly + t.reachedLate} were reached${t.reachedLate ? ` (${t.reachedLate} late)` : ""} and ${t.missed} missed${t.noData ? `, ${t.noData} without data` : ""}${t.invalid ? `, ${t.invalid} with invalid data` : ""}; of ${model.milestones.length} milestones, ${m.reached + m.reachedEarly + m.reachedLate} were delivered${m.reachedLate ? ` (${m.reachedLate} late)` : ""}${m.missed ? `, ${m.missed} not` : ""}${m.noData ? `, ${m.noData} without data` : ""}.`,
  );
  for (const e of model.equity.filter((x) => x.measure === "maxCoefficient")) {
    const values = e.values.filter((v): v is number => v !== null);
    if (!values.length) continue;
    const first = values[0]!;
    const lastValue = values[values.length - 1]!;
    achievements.push(
      zh
        ? `${e.name}由 ${first.toFixed(3)} 变为 ${lastValue.toFixed(3)}（国家标准不高于 ${e.national?.toFixed(2)}，规划目标 ${e.target}）。`
        : `${e.name}: from ${first.toFixed(3)} to ${lastValue.toFixed(3)} (national standard at most ${e.national?.toFixed(2)}; plan target ${e.target}).`,
    );
  }
  const funding = model.funding;
  if (funding?.checks.length) {
    const failed = funding.checks.filter((x) => x.verdict === "notMet").map((x) => `${x.year}${zh ? "年" : ": "}${pick(fundingText.checks[x.check], model.language)}`);
    achievements.push(
      zh
        ? `教育经费规划期内 ${funding.checks.length} 项年度检查中落实 ${funding.counts.met} 项${failed.length ? `，未落实：${list(failed.slice(0, 4), true)}${failed.length > 4 ? " 等" : ""}` : "，全部落实"}。`
        : `Education funding over the period: ${funding.counts.met} of ${funding.checks.length} yearly checks met${failed.length ? `; not met: ${list(failed.slice(0, 4), false)}${failed.length > 4 ? ", …" : ""}` : ", all of them"}.`,
    );
  }
  const sum = model.fundingTotal ? fundingTotalLine(model.fundingTotal, zh) : null;
  if (sum) achievements.push(sum);
  if (model.annual.building?.projects.length) achievements.push(buildingLine(model.annual.building, zh));

  // 三、存在问题及原因
  const problems: string[] = [];
  const falls = model.shortfalls;
  const missedCount = falls.filter((f) => f.row.status === "missed").length;
  const lateCount = falls.length - missedCount;
  problems.push(
    falls.length
      ? zh
        ? `未实现 ${missedCount} 项${lateCount ? `、逾期实现 ${lateCount} 项` : ""}（主要指标、任务目标和里程碑），逐项列于下表。“原因说明”取自各数据表“说明”栏中规划人员填写的内容；未填写的，请在数据表中补充后重新生成本报告。`
        : `${missedCount} missed${lateCount ? ` and ${lateCount} reached late` : ""} (indicators, task targets and milestones), each in the table below. The reasons are the planners' own notes from the Note columns of the data sheets; where none is written, add it there and regenerate this report.`
      : zh
        ? "主要指标、任务目标和里程碑没有未实现或逾期实现的。"
        : "No indicator, task target or milestone was missed or reached late.",
  );

  // 四、下一步建议
  const next = nextPlanName(model.period, zh);
  const proposals = falls
    .filter((f) => f.row.status === "missed")
    .map(({ row: r }) => {
      if (r.kind === "milestone") return zh ? `“${r.name}”未完成，建议列入${next}规划继续推进。` : `"${r.name}" was not delivered: carry it into ${next}.`;
      const gap = r.gap !== null && r.gap > 0 ? formatFigure(r.gap, r.unit, "gap")[zh ? "zh" : "en"] : null;
      const where = r.actual === null ? "" : zh ? `${targetYear}年 ${figure(r.actual, r.unit, zh)}，` : `${figure(r.actual, r.unit, zh)} in ${targetYear}, `;
      return zh
        ? `“${r.name}”未实现（${where}目标 ${targetText(r, zh)}${gap ? `，尚差 ${gap}` : ""}），建议列入${next}规划继续推进。`
        : `"${r.name}" was missed (${where}target ${targetText(r, zh)}${gap ? `, ${gap} short` : ""}): carry it into ${next}.`;
    });
  if (!proposals.length) proposals.push(zh ? `规划目标均已实现，建议在${next}规划中巩固提升。` : `Every target was reached: build on them in ${next}.`);
  return { evaluation, achievements, problems, proposals };
}

/** The period's budget education spending against the previous period's figure (the plan's own words). */
export function fundingTotalLine(f: FundingTotal, zh: boolean): string | null {
  const yi = (v: number) => (v / 10000).toFixed(2);
  const span = zh ? `${f.from}—${f.to}年` : `${f.from}–${f.to}`;
  if (f.total === null) {
    if (f.missing.length === f.to - f.from + 1) return null;
    return zh
      ? `规划期一般公共预算教育支出合计暂无法计算（${f.missing.map((y) => `${y}年`).join("、")}数据缺失或有误）。`
      : `The period's budget education spending cannot be added up yet (${f.missing.join(", ")}: missing or invalid).`;
  }
  const previous = f.previous;
  const against = previous && f.change !== null
    ? zh
      ? `；规划文本载${previous.period.zh}全区各级各类教育投入 ${previous.text}（第${previous.source.line}行，统计口径不完全相同），${f.change >= 0 ? "增长" : "下降"} ${(Math.abs(f.change) * 100).toFixed(1)}%`
      : `; the plan gives ${previous.text} (${(previous.value / 100000).toFixed(2)} billion yuan) of total education investment in ${previous.period.en} (line ${previous.source.line}; not quite the same measure), ${f.change >= 0 ? "up" : "down"} ${(Math.abs(f.change) * 100).toFixed(1)}%`
    : "";
  return zh
    ? `规划期（${span}）一般公共预算教育支出合计 ${yi(f.total)} 亿元${against}。`
    : `Budget education spending over the period (${span}): ${(f.total / 100000).toFixed(2)} billion yuan${against}.`;
}

/** The building programme in one sentence: counted against the split, places in use, lateness (§9). */
function buildingLine(building: BuildingAssessment, zh: boolean): string {
  const { total: t, sum } = building.rollup;
  const lateZh = `${t.late ? `，逾期未完成 ${t.late} 个` : ""}${t.finishedLate ? `，逾期完成 ${t.finishedLate} 个` : ""}`;
  const lateEn = `${t.late ? `, ${t.late} late and unfinished` : ""}${t.finishedLate ? `, ${t.finishedLate} finished late` : ""}`;
  return zh
    ? `学校建设台账 ${t.ledger.projects} 个项目（规划原文 ${t.plan.projects} 个，分项合计 ${sum.plan.projects} 个），已实施 ${t.underWay} 个（新建 ${t.underWayNew} 个、改扩建 ${t.underWayExpanded} 个，按分项计 ${sum.counted} 个），已交付学位 ${grouped(t.delivered)} 个（规划 ${grouped(t.plan.places)} 个）${lateZh}。`
    : `Building programme: ${t.ledger.projects} projects in the ledger (${t.plan.projects} as printed, ${sum.plan.projects} in the parts), ${t.underWay} under way or done (${t.underWayNew} new, ${t.underWayExpanded} expansions; ${sum.counted} counted against the split), ${grouped(t.delivered)} places in use (plan: ${grouped(t.plan.places)})${lateEn}.`;
}
