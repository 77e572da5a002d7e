/*
 * PLAN.* custom functions: thin wrappers over the pure core. The JSDoc below is the single source of
 * the formula-bar text: English from the description and @param lines (read by
 * custom-functions-metadata into functions.json), Chinese from the @zh and @zhparam lines (read by
 * scripts/functions-locale.mjs into functions.zh-CN.json). Function IDs are frozen once shipped.
 *
 * Every value argument accepts plan-style text (`19.62:1`, `＜0.40`, `92.52%`). Ranges arrive as 2D
 * arrays (a column, a row or a block). In a values range a blank cell skips its row on purpose.
 */
import { pace, type Period } from "../core/calc/progress";
import { completionFor, expectedFor, gapTo, verdict, type YearValue } from "../core/calc/verdict";
import { bandAccepted, directionFromText, readBaseline, readTarget, type Baseline, type DirectionHint, type Target } from "../core/calc/target";
import { achievedBy, basisFromText } from "../core/calc/achieved";
import { checkedUnitValue, countsThings } from "../core/calc/units";
import { milestoneStatus, stateFromText } from "../core/calc/milestone";
import { classShare, meetsBalance } from "../core/calc/balance";
import { measure, readArg, readNumber, readOptionalNumber, readSample, isBlank, flatten, type MeasureName } from "../core/calc/samples";
import { err, ok, type Calc } from "../core/calc/errors";
import { calcMessages } from "../core/messages";
import { STATUS_LABELS as statusLabels } from "../core/calc/status";
import { type Language } from "../core/i18n";
import { defaultPeriod, displayLanguage, unwrap } from "./runtime";
import { FUNDING_LABELS, fasterCall, growthCall, notBelow, readFigure, risesCall, type FundingVerdict } from "../core/calc/funding";

function period(baseYear: unknown, targetYear: unknown): Calc<Period> {
  const b = readOptionalNumber(baseYear, "baseYear", defaultPeriod().baseYear);
  if (!b.ok) return b;
  const t = readOptionalNumber(targetYear, "targetYear", defaultPeriod().targetYear);
  if (!t.ok) return t;
  return { ok: true, value: { baseYear: b.value, targetYear: t.value } };
}

function readDirection(arg: unknown): Calc<DirectionHint> {
  const hint = directionFromText(flatten(arg)[0]);
  return hint === undefined ? err("value", calcMessages.unknownDirection(String(flatten(arg)[0]))) : ok(hint);
}

/**
 * Optional relative band for about (左右) targets: blank gives the default ±5 %. A number only, as
 * the data check wants it: a band typed as text ("10%") is what the check rejects and the report
 * calls 数据有误, so the sheet must not judge with it either.
 */
function readBand(arg: unknown): Calc<number | null> {
  const cell = flatten(arg)[0];
  if (isBlank(cell)) return ok(null);
  if (typeof cell !== "number") return err("value", calcMessages.badArgument("band", undefined, calcMessages.bandNotNumber(String(cell))));
  return ok(cell);
}

/** Baseline: blank means the plan states none. */
function readBaselineArg(arg: unknown): Calc<Baseline | null> {
  const cell = flatten(arg)[0];
  if (isBlank(cell)) return ok(null);
  const read = readBaseline(cell);
  return read.ok ? read : err("value", calcMessages.badArgument("baseline", undefined, read.error.message));
}

function readTargetArg(target: unknown, baseline: Baseline | null, direction: unknown, band: unknown, unit?: unknown): Calc<Target> {
  const d = readDirection(direction);
  if (!d.ok) return d;
  const b = readBand(band);
  if (!b.ok) return b;
  const t = readTarget(flatten(target)[0], { baseline, direction: d.value, band: b.value, counts: countsThings(flatten(unit)[0]) });
  return t.ok ? t : err(t.error.kind, calcMessages.badArgument("target", undefined, t.error.message));
}

/**
 * The actual value. With the row's unit given (the template's own calls), a value STATUS calls
 * Invalid data is #N/A with that reason, so the gap and completion columns show no figure where the
 * status column and the report say 数据有误.
 */
function readActual(actual: unknown, unit: unknown): Calc<number> {
  const cell = flatten(actual)[0];
  const unitLabel = flatten(unit)[0];
  if (!isBlank(unitLabel) && !isBlank(cell) && checkedUnitValue(cell, unitLabel) === "invalid") {
    return err("na", calcMessages.invalidActual(String(cell), String(unitLabel)));
  }
  return readNumber(cell, "actual");
}

function readLanguage(arg: unknown): Calc<Language> {
  if (isBlank(arg)) return { ok: true, value: displayLanguage() };
  const text = String(arg).trim().toLowerCase();
  if (text === "zh" || text === "zh-cn" || text === "中文") return { ok: true, value: "zh" };
  if (text === "en" || text === "en-us" || text === "english") return { ok: true, value: "en" };
  return err("value", calcMessages.unknownLanguage(String(arg)));
}

/**
 * Reads a number from plan-style text: 19.62:1 → 19.62, ＜0.40 → 0.4, 92.52% → 0.9252, 11. 65 → 11.65.
 * @customfunction PARSE
 * @param text A value as plans print it, e.g. "19.62:1", "＜0.40", "92.52%", "65%以上".
 * @returns The number (percentages as fractions).
 * @zh 按规划文本的写法读取数值：19.62:1 → 19.62，＜0.40 → 0.4，92.52% → 0.9252，11. 65 → 11.65。
 * @zhparam text 规划中印刷的数值，如 "19.62:1"、"＜0.40"、"92.52%"、"65%以上"。
 */
export function parse(text: any): number {
  return unwrap(() => readNumber(text, "text"));
}

/**
 * Distance still to go to the target, in its units: target − actual when higher is better, actual − target when lower is better; for a band (左右) or range, the distance to its nearest end. 0 or less means reached (a strict bound such as <0.40 is not reached at equality: 0).
 * @customfunction GAP
 * @param actual The actual value.
 * @param target The target, a number or plan text: "<0.40", "1100人左右", "2-3项".
 * @param [direction] "up"/1 if higher is better, "down"/-1 if lower is better, or the template's direction label. Default: from the target's bound, else from baseline to target, else higher.
 * @param [baseline] The baseline, to tell which way is better when the direction is blank.
 * @param [band] Half-width of an about (左右) target's band, relative (default 5%).
 * @param [unit] The row's unit label, as in STATUS: an actual typed as text, or a percent out of range, is Invalid data and gives #N/A.
 * @returns The gap, in the target's units.
 * @zh 距目标尚差多少（按目标的单位）：越高越好时为 目标−实际，越低越好时为 实际−目标；左右或区间目标为距区间最近一端的距离。小于等于 0 表示已实现（严格界限如 ＜0.40 在相等时为 0，但未实现）。
 * @zhparam actual 实际值。
 * @zhparam target 目标值，可为数字或规划文本，如 "＜0.40"、"1100人左右"、"2-3项"。
 * @zhparam direction "up"/1 表示越高越好，"down"/-1 表示越低越好，也可填模板中的方向文字。默认：按目标界限判断，否则按基期到目标的方向，否则越高越好。
 * @zhparam baseline 基期值，方向留空时用于判断哪个方向更好。
 * @zhparam band 左右类目标的允许幅度（相对值，默认 5%）。
 * @zhparam unit 该行的单位，与 STATUS 相同：以文本形式填写的实际值或超出范围的百分比为数据有误，返回 #N/A。
 */
export function gapFunction(actual: any, target: any, direction?: any, baseline?: any, band?: any, unit?: any): number {
  return unwrap(() => {
    // As in STATUS: in the template's own call a band the data check rejects is Invalid data (#N/A).
    const bandCell = flatten(band)[0];
    if (!isBlank(flatten(unit)[0]) && !bandAccepted(bandCell)) {
      return err("na", typeof bandCell === "number" ? calcMessages.badBand(bandCell) : calcMessages.bandNotNumber(String(bandCell)));
    }
    const a = readActual(actual, unit);
    if (!a.ok) return a;
    const b = readBaselineArg(baseline);
    if (!b.ok) return b;
    const t = readTargetArg(target, b.value, direction, band, unit);
    if (!t.ok) return t;
    return ok(gapTo(a.value, t.value));
  });
}

/**
 * 序时进度值: the value on the straight path from the baseline (base year) to the target (target year). #N/A with the reason where the plan defines none: a baseline that is itself a bound, a baseline already at the target, a range, a target due every year.
 * @customfunction EXPECTED
 * @param baseline The baseline value (in the base year).
 * @param target The target value (in the target year).
 * @param year The monitoring year.
 * @param [baseYear] The plan's base year. Default: the workbook's PM_BaseYear, else 2020.
 * @param [targetYear] The plan's target year. Default: the workbook's PM_TargetYear, else 2025.
 * @returns The expected value for the year.
 * @zh 序时进度值：从基期值（基期年）到目标值（目标年）直线路径上该年应达到的值。规划未定义时（基期值本身是界限、基期已达到目标、区间目标、每年目标）返回 #N/A 并说明原因。
 * @zhparam baseline 基期值（基期年的数值）。
 * @zhparam target 目标值（目标年的数值）。
 * @zhparam year 监测年度。
 * @zhparam baseYear 规划基期年，默认取工作簿的 PM_BaseYear，否则 2020。
 * @zhparam targetYear 规划目标年，默认取工作簿的 PM_TargetYear，否则 2025。
 */
export function expected(baseline: any, target: any, year: any, baseYear?: any, targetYear?: any): number {
  return unwrap(() => {
    const b = readBaselineArg(baseline);
    if (!b.ok) return b;
    const t = readTargetArg(target, b.value, null, null);
    if (!t.ok) return t;
    const y = readNumber(flatten(year)[0], "year");
    if (!y.ok) return y;
    const p = period(baseYear, targetYear);
    if (!p.ok) return p;
    return expectedFor(b.value, t.value, y.value, p.value);
  });
}

/**
 * Completion (actual − baseline) / (target − baseline), not clamped; works when lower is better; 1 or more exactly when the target is reached. #N/A with the reason where the plan defines none (maintain targets, a baseline that is itself a bound or already at the target).
 * @customfunction PROGRESS
 * @param baseline The baseline value.
 * @param actual The actual value.
 * @param target The target value.
 * @param [unit] The row's unit label, as in STATUS: an actual typed as text, or a percent out of range, is Invalid data and gives #N/A.
 * @returns The share of the planned change achieved (1 = 100%).
 * @zh 完成率 (实际−基期)/(目标−基期)，不截断；越低越好的指标同样适用；恰在实现目标时不小于 1。规划未定义时（保持类目标、基期值本身是界限或已达到目标）返回 #N/A 并说明原因。
 * @zhparam baseline 基期值。
 * @zhparam actual 实际值。
 * @zhparam target 目标值。
 * @zhparam unit 该行的单位，与 STATUS 相同：以文本形式填写的实际值或超出范围的百分比为数据有误，返回 #N/A。
 */
export function progress(baseline: any, actual: any, target: any, unit?: any): number {
  return unwrap(() => {
    const b = readBaselineArg(baseline);
    if (!b.ok) return b;
    const a = readActual(actual, unit);
    if (!a.ok) return a;
    const t = readTargetArg(target, b.value, null, null, unit);
    if (!t.ok) return t;
    return completionFor(b.value, t.value, a.value);
  });
}

/**
 * Earlier years for STATUS, as the report builds them: a duty every year judges each typed value;
 * with a task's basis, what it had achieved by each year. Without a basis the values are not
 * read (an older template's call), so no lateness is claimed from raw yearly increments.
 */
function yearlyHistory(yearly: unknown, basisArg: unknown, unit: unknown, year: number, p: Period, perYear: boolean): YearValue[] | "invalid" {
  if (isBlank(yearly)) return [];
  const cells = flatten(yearly);
  const values: Array<number | null> = [];
  const years: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    // Years after the monitoring year do not count, as in the report.
    const at = p.baseYear + 1 + i;
    if (at > year) break;
    const v = checkedUnitValue(cells[i], flatten(unit)[0]);
    if (v === "invalid") return "invalid";
    values.push(v);
    years.push(at);
  }
  const basis = basisFromText(flatten(basisArg)[0]) ?? (perYear ? "eachYear" : null);
  if (basis === null) return [];
  return years.map((at, i) => ({ year: at, value: perYear ? values[i]! : achievedBy(values, basis, i) }));
}

/**
 * Verdict for a year: Reached early, Reached, Reached late, On track, Behind, Regressing, Missed, No data, or Invalid data (an unreadable value, or 98.5 in a percent row). Targets due every year, and levels to maintain, are On track while held, never Reached early.
 * @customfunction STATUS
 * @param baseline The baseline, a number or plan text such as "<0.42"; blank if the plan states none.
 * @param actual The value for the year; blank gives No data.
 * @param target The target, a number or plan text: "<0.40", "1100人左右", "2-3项", "每年至少15个".
 * @param year The monitoring year.
 * @param [baseYear] The plan's base year. Default: the workbook's PM_BaseYear, else 2020.
 * @param [targetYear] The target's deadline. Default: the workbook's PM_TargetYear, else 2025.
 * @param [language] "zh" or "en". Default: Excel's display language.
 * @param [direction] "up", "down", "maintain" or the template's direction label. Default: from the figures.
 * @param [band] Half-width of an about (左右) target's band, relative (default 5%).
 * @param [unit] The row's unit label ("%", "%（毛率）"): a percent above 150%, or above 100% unless gross, is Invalid data.
 * @param [yearly] The values from the first plan year on, in order: every one is judged for a target due every year; with basis, they show a task reached late.
 * @param [basis] A task's basis ("累计", "最新", "每年"): what the yearly values add up to by each year, to tell a target reached after its deadline (Reached late).
 * @returns The status label.
 * @zh 该年的判定：提前实现、已实现、逾期实现、符合预期、滞后、倒退、未实现、无数据，或数据有误（无法读取的数值，或百分比行中填了 98.5）。每年须达到的目标和保持类目标在保持期间为“符合预期”，不判“提前实现”。
 * @zhparam baseline 基期值，可为数字或规划文本，如 "＜0.42"；规划未给出时留空。
 * @zhparam actual 该年数值；留空为“无数据”。
 * @zhparam target 目标值，可为数字或规划文本，如 "＜0.40"、"1100人左右"、"2-3项"、"每年至少15个"。
 * @zhparam year 监测年度。
 * @zhparam baseYear 规划基期年，默认取工作簿的 PM_BaseYear，否则 2020。
 * @zhparam targetYear 目标的完成期限，默认取工作簿的 PM_TargetYear，否则 2025。
 * @zhparam language "zh" 或 "en"，默认跟随 Excel 显示语言。
 * @zhparam direction "up"、"down"、"maintain" 或模板中的方向文字；默认由数值判断。
 * @zhparam band 左右类目标的允许幅度（相对值，默认 5%）。
 * @zhparam unit 该行的单位（"%"、"%（毛率）"）：百分比超过 150%，或非毛率超过 100%，判为数据有误。
 * @zhparam yearly 从规划第一年起各年的数值，按年份顺序：每年须达到的目标逐年判定；给出口径时用于判断是否逾期实现。
 * @zhparam basis 任务的口径（"累计"、"最新"、"每年"）：据此算出到各年为止的完成值，以判断是否在期限后才实现（逾期实现）。
 */
export function status(
  baseline: any,
  actual: any,
  target: any,
  year: any,
  baseYear?: any,
  targetYear?: any,
  language?: any,
  direction?: any,
  band?: any,
  unit?: any,
  yearly?: any[][],
  basis?: any,
): string {
  return unwrap(() => {
    const lang = readLanguage(language);
    if (!lang.ok) return lang;
    const label = (s: keyof typeof statusLabels) => ok(statusLabels[s][lang.value]);
    // With the row's unit given (the template's own call), a band the data check rejects makes the
    // row Invalid data, as in the report, rather than an error in the status column.
    if (!isBlank(flatten(unit)[0]) && !bandAccepted(flatten(band)[0])) return label("invalid");
    const b = readBaselineArg(baseline);
    if (!b.ok) return b;
    const t = readTargetArg(target, b.value, direction, band, unit);
    if (!t.ok) return t;
    const y = readNumber(flatten(year)[0], "year");
    if (!y.ok) return y;
    const p = period(baseYear, targetYear);
    if (!p.ok) return p;
    const a = checkedUnitValue(flatten(actual)[0], flatten(unit)[0]);
    if (a === "invalid") return label("invalid");
    const earlier = yearlyHistory(yearly, basis, unit, y.value, p.value, t.value.perYear);
    if (earlier === "invalid") return label("invalid");
    const v = verdict({ baseline: b.value, target: t.value, actual: a, year: y.value, period: p.value, earlier });
    return v.ok ? label(v.value.status) : v;
  });
}

/**
 * Verdict for a qualitative milestone: done by the year → Reached (Reached early before the planned year, Reached late after it); not done in or after the planned year → Missed; before it, In progress is On track and Not started is Behind once half the time has passed. Blank state → No data; any other text → Invalid data.
 * @customfunction MILESTONE
 * @param state "未开始"/"Not started", "进行中"/"In progress" or "已完成"/"Done".
 * @param plannedYear The year the plan wants it done.
 * @param year The monitoring year.
 * @param [doneYear] The year it was done, if recorded.
 * @param [baseYear] The plan's base year. Default: the workbook's PM_BaseYear, else 2020.
 * @param [language] "zh" or "en". Default: Excel's display language.
 * @returns The status label.
 * @zh 里程碑类任务的判定：当年已完成为“已实现”（早于计划年度为“提前实现”，晚于计划年度为“逾期实现”）；到计划年度仍未完成为“未实现”；此前“进行中”为“符合预期”，“未开始”在时间过半后为“滞后”。进展为空为“无数据”，其他文字为“数据有误”。
 * @zhparam state "未开始"、"进行中" 或 "已完成"。
 * @zhparam plannedYear 规划要求完成的年份。
 * @zhparam year 监测年度。
 * @zhparam doneYear 实际完成的年份（如已记录）。
 * @zhparam baseYear 规划基期年，默认取工作簿的 PM_BaseYear，否则 2020。
 * @zhparam language "zh" 或 "en"，默认跟随 Excel 显示语言。
 */
export function milestone(state: any, plannedYear: any, year: any, doneYear?: any, baseYear?: any, language?: any): string {
  return unwrap(() => {
    const lang = readLanguage(language);
    if (!lang.ok) return lang;
    const planned = readNumber(flatten(plannedYear)[0], "plannedYear");
    if (!planned.ok) return planned;
    const y = readNumber(flatten(year)[0], "year");
    if (!y.ok) return y;
    const base = readOptionalNumber(flatten(baseYear)[0], "baseYear", defaultPeriod().baseYear);
    if (!base.ok) return base;
    const s = stateFromText(flatten(state)[0]);
    const doneCell = flatten(doneYear)[0];
    // A year done of 0 is a blank cell passed as 0.
    const done = isBlank(doneCell) || doneCell === 0 ? ok(null) : readNumber(doneCell, "doneYear");
    if (s === undefined || !done.ok) return ok(statusLabels.invalid[lang.value]);
    return ok(statusLabels[milestoneStatus({ state: s, doneYear: done.value, plannedYear: planned.value, year: y.value, baseYear: base.value })][lang.value]);
  });
}

/**
 * What a task has achieved by the year, by its basis: counts add up (累计), levels take the latest year entered (最新), targets due every year take that year's value (每年). Blank when nothing is entered yet.
 * @customfunction ACHIEVED
 * @param values The task's values, one per plan year from the first plan year, in order.
 * @param basis "累计"/"cumulative", "最新"/"latest" or "每年"/"each year" (the template's basis label works).
 * @param year The monitoring year.
 * @param [firstYear] The year of the first value. Default: the year after the workbook's PM_BaseYear, else 2021.
 * @param [unit] The task's unit label, as in STATUS: a value up to the year typed as text, or a percent out of range, is Invalid data and gives #N/A.
 * @returns The achieved value, or blank.
 * @zh 任务到该年已完成的数值，按口径：累计类相加，水平类取最近填写的年份，每年类取该年数值。尚未填写时为空。
 * @zhparam values 任务各年的数值，从规划第一年起按年份顺序。
 * @zhparam basis "累计"、"最新" 或 "每年"（也可直接引用模板的口径单元格）。
 * @zhparam year 监测年度。
 * @zhparam firstYear 第一个数值所属的年份，默认为工作簿 PM_BaseYear 的下一年，否则 2021。
 * @zhparam unit 任务的单位，与 STATUS 相同：到该年为止以文本形式填写的数值或超出范围的百分比为数据有误，返回 #N/A。
 */
export function achieved(values: any[][], basis: any, year: any, firstYear?: any, unit?: any): any {
  return unwrap((): Calc<number | string> => {
    const kind = basisFromText(flatten(basis)[0]);
    if (!kind) return err("value", calcMessages.unknownBasis(String(flatten(basis)[0] ?? "")));
    const y = readNumber(flatten(year)[0], "year");
    if (!y.ok) return y;
    const first = readOptionalNumber(flatten(firstYear)[0], "firstYear", defaultPeriod().baseYear + 1);
    if (!first.ok) return first;
    const cells = flatten(values);
    const unitLabel = flatten(unit)[0];
    const numbers: Array<number | null> = [];
    for (let i = 0; i < cells.length; i++) {
      if (isBlank(cells[i])) {
        numbers.push(null);
        continue;
      }
      // With the unit given (the template's call), a value the data check rejects up to the year
      // leaves nothing achieved, as in the report (STATUS calls the row Invalid data).
      if (!isBlank(unitLabel) && first.value + i <= y.value && checkedUnitValue(cells[i], unitLabel) === "invalid") {
        return err("na", calcMessages.invalidValue(String(cells[i]), String(unitLabel), first.value + i));
      }
      const read = readArg(cells[i], "values", i + 1);
      if (!read.ok) return read;
      numbers.push(read.value.value);
    }
    const result = achievedBy(numbers, kind, Math.min(cells.length - 1, y.value - first.value));
    return ok(y.value < first.value || result === null ? "" : result);
  });
}

/**
 * Pace: actual compound annual growth rate divided by the rate required to reach the target (Open SDG method; zeros count as 0.001). 0.95 or more is on track, 0.60–0.95 needs acceleration, 0–0.60 limited progress, below 0 deterioration.
 * @customfunction PACE
 * @param baseline The baseline value.
 * @param actual The actual value.
 * @param target The target value.
 * @param year The year of the actual value.
 * @param [baseYear] The plan's base year. Default: the workbook's PM_BaseYear, else 2020.
 * @param [targetYear] The plan's target year. Default: the workbook's PM_TargetYear, else 2025.
 * @returns The ratio of actual to required growth.
 * @zh 进度比：实际年均复合增长率 ÷ 达成目标所需的年均增长率（Open SDG 方法，0 按 0.001 计）。≥0.95 符合进度，0.60–0.95 需加快，0–0.60 进展有限，＜0 倒退。
 * @zhparam baseline 基期值。
 * @zhparam actual 实际值。
 * @zhparam target 目标值。
 * @zhparam year 实际值所属年份。
 * @zhparam baseYear 规划基期年，默认取工作簿的 PM_BaseYear，否则 2020。
 * @zhparam targetYear 规划目标年，默认取工作簿的 PM_TargetYear，否则 2025。
 */
export function paceFunction(baseline: any, actual: any, target: any, year: any, baseYear?: any, targetYear?: any): number {
  return unwrap(() => {
    const b = readNumber(baseline, "baseline");
    if (!b.ok) return b;
    const a = readNumber(actual, "actual");
    if (!a.ok) return a;
    const t = readNumber(target, "target");
    if (!t.ok) return t;
    const y = readNumber(year, "year");
    if (!y.ok) return y;
    const p = period(baseYear, targetYear);
    if (!p.ok) return p;
    return pace(b.value, a.value, t.value, y.value, p.value);
  });
}

function equity(name: MeasureName, values: unknown, weights: unknown): number {
  return unwrap(() => {
    const sample = readSample(values, weights, { values: "values", weights: "weights" });
    if (!sample.ok) return sample;
    return measure(name, sample.value, "values");
  });
}

/**
 * Difference coefficient (差异系数): the coefficient of variation, population form (S / mean). With enrolment as weights it is the official inter-school difference coefficient, the student-weighted CV. Blank values skip their row; give groups and a group to use only those rows (e.g. the stage column and "小学").
 * @customfunction DIFFCOEF
 * @param values One value per school (per-student or per-100-student figures).
 * @param [weights] Enrolment per school, same size as values. Omit for the unweighted CV.
 * @param [groups] A column of group labels (such as the stage), same size as values.
 * @param [group] The group to keep, e.g. "小学".
 * @returns The difference coefficient.
 * @zh 差异系数（变异系数，总体形式：标准差 ÷ 平均数）。给出权重（各校在校生数）时即官方的校际差异系数（按学生数加权）。数值为空的行被跳过；给出分组列和组名时只计算该组（如学段列和 "小学"）。
 * @zhparam values 每校一个数值（生均或每百名学生指标）。
 * @zhparam weights 各校在校生数，与 values 大小相同；省略则不加权。
 * @zhparam groups 分组列（如学段），与 values 大小相同。
 * @zhparam group 要计算的组，如 "小学"。
 */
export function diffCoef(values: any[][], weights?: any[][], groups?: any[][], group?: any): number {
  return unwrap(() => {
    const key = flatten(group)[0];
    if (!isBlank(groups) && isBlank(key)) return err("value", calcMessages.missingGroup());
    const filter = isBlank(groups) ? undefined : { groups, key: String(key) };
    const sample = readSample(values, weights, { values: "values", weights: "weights" }, filter);
    if (!sample.ok) return sample;
    return measure("cv", sample.value, "values");
  });
}

/**
 * Gini coefficient, weighted by enrolment when weights are given (0 = equal, 1 = all in one school). Values must not be negative.
 * @customfunction GINI
 * @param values One value per school.
 * @param [weights] Enrolment per school, same size as values.
 * @returns The Gini coefficient.
 * @zh 基尼系数；给出权重（在校生数）时按学生加权（0 为完全均等）。数值不能为负。
 * @zhparam values 每校一个数值。
 * @zhparam weights 各校在校生数，与 values 大小相同。
 */
export function giniFunction(values: any[][], weights?: any[][]): number {
  return equity("gini", values, weights);
}

/**
 * Theil T index, weighted by enrolment when weights are given (0 = equal). Values must not be negative.
 * @customfunction THEIL
 * @param values One value per school.
 * @param [weights] Enrolment per school, same size as values.
 * @returns The Theil T index.
 * @zh 泰尔指数 T；给出权重（在校生数）时按学生加权（0 为完全均等）。数值不能为负。
 * @zhparam values 每校一个数值。
 * @zhparam weights 各校在校生数，与 values 大小相同。
 */
export function theilFunction(values: any[][], weights?: any[][]): number {
  return equity("theil", values, weights);
}

/**
 * McLoone index: what the schools below the (weighted) median have, relative to bringing them all to the median (1 = the lower half is at the median).
 * @customfunction MCLOONE
 * @param values One value per school.
 * @param [weights] Enrolment per school, same size as values.
 * @returns The McLoone index, between 0 and 1.
 * @zh 麦克朗指数：中位数以下学校的实际总量与把它们都提高到中位数所需总量之比（1 表示下半部分都达到中位数）。
 * @zhparam values 每校一个数值。
 * @zhparam weights 各校在校生数，与 values 大小相同。
 */
export function mclooneFunction(values: any[][], weights?: any[][]): number {
  return equity("mcloone", values, weights);
}

/**
 * Verstegen index: what the schools above the (weighted) median have, relative to the median (1 or more).
 * @customfunction VERSTEGEN
 * @param values One value per school.
 * @param [weights] Enrolment per school, same size as values.
 * @returns The Verstegen index, 1 or more.
 * @zh 维斯特根指数：中位数以上学校的实际总量与按中位数计算的总量之比（不小于 1）。
 * @zhparam values 每校一个数值。
 * @zhparam weights 各校在校生数，与 values 大小相同。
 */
export function verstegenFunction(values: any[][], weights?: any[][]): number {
  return equity("verstegen", values, weights);
}

/**
 * Federal range ratio (P95 − P5) / P5, with percentiles over students when weights are given.
 * @customfunction RANGERATIO
 * @param values One value per school.
 * @param [weights] Enrolment per school, same size as values.
 * @returns The range ratio.
 * @zh 联邦极差率 (P95 − P5) / P5；给出权重时按学生计算百分位数。
 * @zhparam values 每校一个数值。
 * @zhparam weights 各校在校生数，与 values 大小相同。
 */
export function rangeRatioFunction(values: any[][], weights?: any[][]): number {
  return equity("rangeRatio", values, weights);
}

/**
 * Share of classes at or under the standard size. Blank cells are skipped.
 * @customfunction CLASSSHARE
 * @param classSizes Students per class, one cell per class.
 * @param standard The standard size, or a stage: "小学"/"primary" (45) or "初中"/"junior" (50).
 * @returns The share of standard-size classes (1 = 100%).
 * @zh 标准班额比例：班额不超过标准的班级所占比例。空单元格被跳过。
 * @zhparam classSizes 各班学生数，每班一个单元格。
 * @zhparam standard 标准班额，或学段："小学"/"primary"（45 人）、"初中"/"junior"（50 人）。
 */
export function classShareFunction(classSizes: any[][], standard: any): number {
  return unwrap(() => classShare(classSizes, standard));
}

/**
 * TRUE when a school meets the 2017 balance rule: every resource indicator at its standard, or all but one with that one at 85% of its standard or more.
 * @customfunction BALANCE
 * @param values The school's seven indicator values, in the order of the 2017 method.
 * @param standards The seven standards, or a stage: "小学"/"primary" or "初中"/"junior" for the built-in standards.
 * @returns TRUE if the school meets the rule.
 * @zh 学校是否达到 2017 年优质均衡标准：各项资源配置指标均达标，或仅一项未达标且该项不低于标准的 85%。
 * @zhparam values 该校七项指标值，按 2017 年办法的顺序。
 * @zhparam standards 七项标准值，或学段："小学"/"primary"、"初中"/"junior" 使用内置标准。
 */
export function balance(values: any[][], standards: any[][]): boolean {
  return unwrap(() => meetsBalance(values, standards));
}

function fundingLabel(v: FundingVerdict | "", language: unknown): Calc<string> {
  const lang = readLanguage(language);
  if (!lang.ok) return lang;
  return ok(v === "" ? "" : FUNDING_LABELS[v][lang.value]);
}

/**
 * Year-over-year growth of a row or column (0.05 = +5%). With a position, the growth into that year (blank for the first year or a blank figure); without, the growth of every year, spilled in the shape of the range.
 * @customfunction GROWTH
 * @param values Yearly figures, one row or one column, earliest first; blank where not known.
 * @param [position] Which year (1 = the first): gives one growth, e.g. ROW()-ROW(Table[[#Headers],[Year]]) inside a table.
 * @returns The growth rate, or a row/column of them.
 * @zh 逐年增长率（0.05 即 +5%）。给出 position 时返回该年相对上一年的增长率（第一年或数值为空时为空）；不给时按原区间形状返回每年的增长率。
 * @zhparam values 逐年数值，一行或一列，按年份从早到晚；未知的年份留空。
 * @zhparam position 第几年（第 1 年为起始年），在表格中可写 ROW()-ROW(表[[#Headers],[年度]])。
 */
export function growth(values: any[][], position?: any): number | string | (number | string)[][] {
  return unwrap(() => growthCall(values, position));
}

/**
 * Met when every series grows from one year to the next (strictly: a flat year is not growth) — 三个增长's "逐年增长". Blank figures give No data, text or negative figures Invalid data.
 * @customfunction GROWS
 * @param values Yearly figures: one row or column, or a block with one column per stage.
 * @param [position] Which year to check (1 = the first, which has nothing to compare with); blank checks every year with data.
 * @param [counts] Enrolment in the same shape: a stage with no students in either year is left out.
 * @param [language] "zh" or "en". Default: Excel's display language.
 * @returns 落实 / 未落实 / 无数据 / 数据有误 (Met / Not met / No data / Invalid data).
 * @zh 每组数值逐年增长（持平不算增长）即“落实”，用于“三个增长”。数值为空为“无数据”，文字或负数为“数据有误”。
 * @zhparam values 逐年数值：一行或一列，或每学段一列的区域。
 * @zhparam position 检查第几年（第 1 年无上一年可比）；留空则检查有数据的每一年。
 * @zhparam counts 同样形状的在校生数：两年都没有学生的学段不参与检查。
 * @zhparam language "zh" 或 "en"，默认跟随 Excel 显示语言。
 */
export function grows(values: any[][], position?: any, counts?: any[][], language?: any): string {
  return unwrap(() => {
    const v = risesCall(values, position, counts, true);
    return v.ok ? fundingLabel(v.value, language) : v;
  });
}

/**
 * Met when no series falls from one year to the next (equal is fine) — 两个只增不减. Blank figures give No data, text or negative figures Invalid data.
 * @customfunction NOFALL
 * @param values Yearly figures: one row or column, or a block with one column per stage.
 * @param [position] Which year to check (1 = the first, which has nothing to compare with); blank checks every year with data.
 * @param [counts] Enrolment in the same shape: a stage with no students in either year is left out.
 * @param [language] "zh" or "en". Default: Excel's display language.
 * @returns 落实 / 未落实 / 无数据 / 数据有误 (Met / Not met / No data / Invalid data).
 * @zh 每组数值逐年不下降（持平可以）即“落实”，用于“两个只增不减”。数值为空为“无数据”，文字或负数为“数据有误”。
 * @zhparam values 逐年数值：一行或一列，或每学段一列的区域。
 * @zhparam position 检查第几年（第 1 年无上一年可比）；留空则检查有数据的每一年。
 * @zhparam counts 同样形状的在校生数：两年都没有学生的学段不参与检查。
 * @zhparam language "zh" 或 "en"，默认跟随 Excel 显示语言。
 */
export function noFall(values: any[][], position?: any, counts?: any[][], language?: any): string {
  return unwrap(() => {
    const v = risesCall(values, position, counts, false);
    return v.ok ? fundingLabel(v.value, language) : v;
  });
}

/**
 * Met when the first series grows faster than the second from one year to the next — appropriations against regular fiscal revenue (三个增长). A falling reference with a growing series is met.
 * @customfunction FASTER
 * @param values Yearly figures of the series that must grow faster (one row or column).
 * @param reference Yearly figures to compare with, over the same years.
 * @param [position] Which year to check (1 = the first); blank checks every year with data.
 * @param [language] "zh" or "en". Default: Excel's display language.
 * @returns 落实 / 未落实 / 无数据 / 数据有误 (Met / Not met / No data / Invalid data).
 * @zh 第一组数值的增长率高于第二组即“落实”，如财政教育拨款增长高于财政经常性收入增长。收入下降而拨款增长也为“落实”。
 * @zhparam values 须增长更快的逐年数值（一行或一列）。
 * @zhparam reference 用于比较的逐年数值，年份相同。
 * @zhparam position 检查第几年（第 1 年无上一年可比）；留空则检查有数据的每一年。
 * @zhparam language "zh" 或 "en"，默认跟随 Excel 显示语言。
 */
export function faster(values: any[][], reference: any[][], position?: any, language?: any): string {
  return unwrap(() => {
    const v = fasterCall(values, reference, position);
    return v.ok ? fundingLabel(v.value, language) : v;
  });
}

/**
 * Met when a level is at least another — compulsory-school teachers' average pay against local civil servants'.
 * @customfunction NOTBELOW
 * @param value The level that must not be lower.
 * @param reference The level to compare with.
 * @param [language] "zh" or "en". Default: Excel's display language.
 * @returns 落实 / 未落实 / 无数据 / 数据有误 (Met / Not met / No data / Invalid data).
 * @zh 前者不低于后者即“落实”，如义务教育教师平均工资不低于当地公务员平均工资。
 * @zhparam value 不得低于对比值的数值。
 * @zhparam reference 对比值。
 * @zhparam language "zh" 或 "en"，默认跟随 Excel 显示语言。
 */
export function notBelowFunction(value: any, reference: any, language?: any): string {
  return unwrap(() => fundingLabel(notBelow(readFigure(flatten(value)[0]), readFigure(flatten(reference)[0])), language));
}
