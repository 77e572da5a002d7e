/** Messages and labels of the core: value reading, the template loader, the calculations. */
import { quoted as q, type Bilingual } from "./i18n";

/** Messages of the value reader (`core/values`). Each quotes the input it could not read. */
export const valueMessages = {
  blank: (): Bilingual => ({
    zh: "单元格为空：请填写数值。",
    en: "The cell is blank: enter a number.",
  }),
  excelError: (input: string): Bilingual => ({
    zh: `单元格含 Excel 错误值 ${input}：请先修正产生该错误的公式或数据。`,
    en: `The cell holds the Excel error ${input}: fix the formula or data that produces it first.`,
  }),
  notNumber: (input: string): Bilingual => ({
    zh: `无法把 ${q(input)} 读作数值：请只填写数字，例如 92.52%、19.62:1 或 ＜0.40。`,
    en: `Cannot read ${q(input)} as a number: enter a number such as 92.52%, 19.62:1 or <0.40.`,
  }),
  notFinite: (input: string): Bilingual => ({
    zh: `${q(input)} 不是有限数值：请填写普通数字。`,
    en: `${q(input)} is not a finite number: enter an ordinary number.`,
  }),
  boolean: (input: string): Bilingual => ({
    zh: `逻辑值 ${input} 不是数值：请填写数字。`,
    en: `The logical value ${input} is not a number: enter a number.`,
  }),
  ratioDenominator: (input: string): Bilingual => ({
    zh: `比值 ${q(input)} 的后项为 0：请按“学生数:1”的形式填写，例如 19.62:1。`,
    en: `The ratio ${q(input)} has 0 after the colon: write it as students:1, e.g. 19.62:1.`,
  }),
  conflictingComparators: (input: string): Bilingual => ({
    zh: `${q(input)} 同时含有多个比较词（如“＜”和“以上”）：请只保留一个。`,
    en: `${q(input)} carries more than one comparison (e.g. "<" and "or more"): keep only one.`,
  }),
} as const;

/** Where a plan comes from: the template shipped with the tool, or a plan file a planner gives. */
export type PlanSource = "template" | "file";

/** Messages of the template loader (`core/plan/load`). */
export const templateMessages = {
  atField: (where: string, detail: Bilingual, source: PlanSource = "template"): Bilingual =>
    source === "file"
      ? { zh: `规划文件有误：${where}：${detail.zh}`, en: `Plan file error: ${where}: ${detail.en}` }
      : { zh: `模板有误：${where}：${detail.zh}`, en: `Template error: ${where}: ${detail.en}` },
  notJson: (detail: string): Bilingual => ({
    zh: `模板不是有效的 JSON：${detail}`,
    en: `The template is not valid JSON: ${detail}`,
  }),
  expected: (expected: string, received: string): Bilingual => ({
    zh: `应为 ${expected}，实际为 ${received}`,
    en: `expected ${expected}, received ${received}`,
  }),
  required: (): Bilingual => ({ zh: "缺少此字段", en: "this field is missing" }),
  oneOf: (options: string): Bilingual => ({ zh: `只能是 ${options} 之一`, en: `must be one of ${options}` }),
  tooSmall: (min: string): Bilingual => ({ zh: `不能小于 ${min}`, en: `must not be less than ${min}` }),
  tooBig: (max: string): Bilingual => ({ zh: `不能大于 ${max}`, en: `must not be greater than ${max}` }),
  tooShort: (min: string): Bilingual => ({ zh: `至少需要 ${min} 项/字符`, en: `needs at least ${min} item(s)/character(s)` }),
  unknownKey: (keys: string): Bilingual => ({ zh: `含未知字段 ${keys}`, en: `has unknown field(s) ${keys}` }),
  other: (zodMessage: string): Bilingual => ({ zh: `格式不符（${zodMessage}）`, en: zodMessage }),
  duplicateId: (id: string): Bilingual => ({
    zh: `编号 ${id} 重复：每个指标、任务和矛盾条目的编号必须唯一`,
    en: `ID ${id} is used twice: every indicator, task and contradiction needs its own ID`,
  }),
  unknownGroup: (group: string): Bilingual => ({
    zh: `指标组 ${group} 未在 groups 中定义`,
    en: `group ${group} is not defined in groups`,
  }),
  unknownRef: (ref: string): Bilingual => ({
    zh: `引用的编号 ${ref} 不存在`,
    en: `refers to ${ref}, which does not exist`,
  }),
  printedMismatch: (text: string, value: number): Bilingual => ({
    zh: `原文 ${q(text)} 读出的数值与 value ${value} 不一致`,
    en: `the printed text ${q(text)} does not read as value ${value}`,
  }),
  // A share written in points where the model keeps a fraction: say what to write.
  percentAsPoints: (text: string, value: number, fraction: string): Bilingual => ({
    zh: `原文 ${q(text)} 读出的数值与 value ${value} 不一致：百分比的 value 应写成小数 ${fraction}（原文写 ${q(text)} 或带 % 均可）`,
    en: `the printed text ${q(text)} does not read as value ${value}: a percentage's value is a fraction, write ${fraction} (the text may stay ${q(text)} or carry a %)`,
  }),
  // Named by the labels a planner picks in the definition sheet, never by the plan file's keys.
  directionMismatch: (direction: keyof typeof labels.direction): Bilingual => {
    const d = labels.direction;
    return {
      zh: `基期值与目标值不符合方向“${d[direction].zh}”（${d.higher.zh}须目标大于基期，${d.lower.zh}须目标小于基期，${d.maintain.zh}须两者相等，${d.bound.zh}须目标为界限，如＜0.40）`,
      en: `baseline and target do not fit the direction "${d[direction].en}" (${d.higher.en}: target above baseline; ${d.lower.en}: target below; ${d.maintain.en}: equal; ${d.bound.en}: a bounded target such as <0.40)`,
    };
  },
  periodOrder: (): Bilingual => ({
    zh: "规划期不合理：须 基期年 < 起始年 ≤ 目标年，且起始年 = 基期年 + 1",
    en: "the period is inconsistent: needs baseYear < startYear ≤ targetYear and startYear = baseYear + 1",
  }),
  rangeOrder: (): Bilingual => ({ zh: "区间下限大于上限", en: "the range's minimum is above its maximum" }),
  yearOutsidePeriod: (year: number, from: number, to: number): Bilingual => ({
    zh: `年份 ${year} 不在规划期 ${from}–${to} 内`,
    en: `the year ${year} is outside the plan period ${from}–${to}`,
  }),
} as const;

/** Labels of the plan model's enumerations. */
export const labels = {
  stage: {
    primary: { zh: "小学", en: "Primary" },
    junior: { zh: "初中", en: "Junior secondary" },
    senior: { zh: "高中", en: "Senior secondary" },
  },
  direction: {
    higher: { zh: "越高越好", en: "Higher is better" },
    lower: { zh: "越低越好", en: "Lower is better" },
    maintain: { zh: "保持", en: "Maintain" },
    bound: { zh: "控制上限", en: "Upper limit" },
  },
  unit: {
    percent: { zh: "%", en: "%" },
    ratio: { zh: "比值（N:1）", en: "Ratio (N:1)" },
    years: { zh: "年", en: "Years" },
    coefficient: { zh: "系数", en: "Coefficient" },
    count: { zh: "个数", en: "Count" },
    persons: { zh: "人数", en: "Persons" },
    money: { zh: "金额", en: "Amount" },
    area: { zh: "面积", en: "Area" },
  },
} as const satisfies Record<string, Record<string, Bilingual>>;

const item = (position: number | undefined): Bilingual =>
  position === undefined ? { zh: "", en: "" } : { zh: `第 ${position} 项`, en: ` (item ${position})` };

/** Messages of the calculations; each names the argument and says what to do. */
export const calcMessages = {
  badArgument: (name: string, position: number | undefined, detail: Bilingual): Bilingual => ({
    zh: `参数 ${name}${item(position).zh}：${detail.zh}`,
    en: `Argument ${name}${item(position).en}: ${detail.en}`,
  }),
  yearNotInteger: (): Bilingual => ({
    zh: "基期年和目标年须为整数年份，例如 2020 和 2025。",
    en: "baseYear and targetYear must be whole years, e.g. 2020 and 2025.",
  }),
  periodOrder: (base: number, target: number): Bilingual => ({
    zh: `目标年 ${target} 须晚于基期年 ${base}。`,
    en: `targetYear ${target} must come after baseYear ${base}.`,
  }),
  yearBeforeBase: (year: number, base: number): Bilingual => ({
    zh: `年份 ${year} 早于基期年 ${base}：请填写 ${base} 年或之后的年份。`,
    en: `Year ${year} is before the base year ${base}: use ${base} or later.`,
  }),
  paceAtBaseYear: (base: number): Bilingual => ({
    zh: `基期年 ${base} 尚无增长可言：请填写之后的年份。`,
    en: `There is no growth yet in the base year ${base}: use a later year.`,
  }),
  paceNegative: (): Bilingual => ({
    zh: "增速法要求基期值、实际值和目标值都不为负数。",
    en: "The growth-rate method needs baseline, actual and target that are not negative.",
  }),
  paceMaintain: (): Bilingual => ({
    zh: "目标值等于基期值（保持类目标），所需增速为 0，无法计算进度比：请改用 PLAN.STATUS。",
    en: "The target equals the baseline (a maintain target), so the required growth is 0: use PLAN.STATUS instead.",
  }),
  sizeMismatch: (a: string, n: number, b: string, m: number): Bilingual => ({
    zh: `${a} 有 ${n} 个单元格而 ${b} 有 ${m} 个：请选择行数相同的两个区域。`,
    en: `${a} has ${n} cells but ${b} has ${m}: select two ranges of the same size.`,
  }),
  missingWeight: (name: string, position: number): Bilingual => ({
    zh: `${name} 第 ${position} 项为空，而对应的数值不为空：请填写该校在校生数，或清空该行数值。`,
    en: `${name} is blank at item ${position} although its value is not: enter the school's enrolment, or clear that value.`,
  }),
  negativeWeight: (name: string, position: number, w: number): Bilingual => ({
    zh: `${name} 第 ${position} 项为负数 ${w}：在校生数不能为负。`,
    en: `${name} is negative at item ${position} (${w}): enrolment cannot be negative.`,
  }),
  emptyRange: (name: string): Bilingual => ({
    zh: `${name} 中没有任何数值：请选择含数据的区域。`,
    en: `${name} holds no values: select a range that contains data.`,
  }),
  zeroWeights: (name: string): Bilingual => ({
    zh: `${name} 合计为 0：至少要有一所学校的在校生数大于 0。`,
    en: `${name} adds up to 0: at least one school needs enrolment above 0.`,
  }),
  negativeValue: (name: string, v: number): Bilingual => ({
    zh: `${name} 含负数 ${v}：该指标要求数值不为负。`,
    en: `${name} contains the negative value ${v}: this measure needs values of 0 or more.`,
  }),
  zeroMean: (name: string): Bilingual => ({
    zh: `${name} 的（加权）平均值为 0，系数无法计算：请检查数据是否全为 0。`,
    en: `The (weighted) mean of ${name} is 0, so the coefficient is undefined: check whether all values are 0.`,
  }),
  negativeMean: (name: string): Bilingual => ({
    zh: `${name} 的（加权）平均值为负，差异系数无意义：请检查数据。`,
    en: `The (weighted) mean of ${name} is negative, so the coefficient is meaningless: check the data.`,
  }),
  zeroMedian: (name: string): Bilingual => ({
    zh: `${name} 的（加权）中位数为 0，无法计算：请检查数据。`,
    en: `The (weighted) median of ${name} is 0, so the measure is undefined: check the data.`,
  }),
  zeroP5: (name: string): Bilingual => ({
    zh: `${name} 的第 5 百分位数为 0，极差率无法计算：请检查数据。`,
    en: `The 5th percentile of ${name} is 0, so the range ratio is undefined: check the data.`,
  }),
  unknownStage: (arg: string, text: string): Bilingual => ({
    zh: `参数 ${arg} 的学段 ${q(text)} 无法识别：请填写“小学”或“初中”（或 primary / junior），或直接填写数值。`,
    en: `Argument ${arg}: the stage ${q(text)} is not known: use "小学" or "初中" (primary / junior), or a number.`,
  }),
  nonPositiveStandard: (position: number, v: number): Bilingual => ({
    zh: `标准值第 ${position} 项为 ${v}：标准须大于 0。`,
    en: `Standard ${position} is ${v}: a standard must be above 0.`,
  }),
  blankBalanceValue: (position: number): Bilingual => ({
    zh: `values 第 ${position} 项为空：七项指标都须有值才能判断是否达标。`,
    en: `values is blank at item ${position}: all seven indicators need a value to judge the school.`,
  }),
  badClassSize: (position: number, v: number): Bilingual => ({
    zh: `classSizes 第 ${position} 项为 ${v}：班额须为正整数（每班学生数）。`,
    en: `classSizes item ${position} is ${v}: a class size must be a whole number above 0 (students per class).`,
  }),
  unknownDirection: (text: string): Bilingual => ({
    zh: `方向 ${q(text)} 无法识别：请填写 1（越高越好）或 -1（越低越好），也可填 "up" / "down" 或模板中的“越高越好 / 越低越好 / 保持 / 控制上限”。`,
    en: `Direction ${q(text)} is not known: use 1 (higher is better) or -1 (lower is better), "up" / "down", or the template's "Higher is better / Lower is better / Maintain / Upper limit".`,
  }),
  unexpected: {
    zh: "计算时发生意外错误：请检查参数；若问题持续，请联系维护人员。",
    en: "Unexpected error while calculating: check the arguments; if it persists, contact support.",
  },
  missingGroup: (): Bilingual => ({
    zh: "给出了分组列 groups，但没有给出要计算的组 group：请填写组名，例如 \"小学\"。",
    en: 'groups is given but group is not: name the group to keep, e.g. "小学".',
  }),
  unknownBasis: (text: string): Bilingual => ({
    zh: `口径 ${q(text)} 无法识别：请填写“累计”、“最新”或“每年”。`,
    en: `The basis ${q(text)} is not known: use "cumulative", "latest" or "each year" (累计, 最新, 每年).`,
  }),
  invalidActual: (text: string, unit: string): Bilingual => ({
    zh: `数据有误：实际值 ${q(text)} 不是单位为 ${q(unit)} 的有效数值（以文本形式填写，或百分比超出范围）。请在该单元格重新输入数字，例如 92.52%。`,
    en: `Invalid data: the actual value ${q(text)} is not a valid number for the unit ${q(unit)} (typed as text, or a percent out of range). Type it again as a number, e.g. 92.52%.`,
  }),
  invalidValue: (text: string, unit: string, year: number): Bilingual => ({
    zh: `数据有误：${year} 年的数值 ${q(text)} 不是单位为 ${q(unit)} 的有效数值（以文本形式填写，或百分比超出范围）。请在该单元格重新输入数字。`,
    en: `Invalid data: the ${year} value ${q(text)} is not a valid number for the unit ${q(unit)} (typed as text, or a percent out of range). Type it again as a number.`,
  }),
  bandNotNumber: (text: string): Bilingual => ({
    zh: `左右幅度 ${q(text)} 是文本：请填写数字形式的比例，例如 5%（不要加引号或撇号）。`,
    en: `The band ${q(text)} is text: enter the share as a number, e.g. 5% (no quotes or apostrophe).`,
  }),
  badBand: (band: number): Bilingual => ({
    zh: `左右幅度 ${band} 无效：请填写 0 到 1 之间的比例，例如 5%（默认）。`,
    en: `The band ${band} is not valid: use a share between 0 and 1, e.g. 5% (the default).`,
  }),
  rangeOrder: (text: string): Bilingual => ({
    zh: `区间 ${q(text)} 的下限大于上限：请按“小-大”填写，例如 2-3项。`,
    en: `The range ${q(text)} has its lower end above its upper end: write it low–high, e.g. 2-3.`,
  }),
  noBaseline: (): Bilingual => ({
    zh: "规划未给出基期值，无法计算完成率和序时进度值；如有基期实测值，请填入基期值。",
    en: "The plan states no baseline, so there is no completion or expected value; enter a measured baseline if there is one.",
  }),
  baselineIsBound: (): Bilingual => ({
    zh: "基期值本身是界限（如 ＜0.42），规划未定义完成率和序时进度值；如有基期实测值，请填入基期值。",
    en: "The baseline is itself a bound (such as <0.42), so the plan defines no completion or expected value; enter a measured baseline if there is one.",
  }),
  maintainNoPath: (): Bilingual => ({
    zh: "保持类目标（目标值等于基期值）没有完成率，只看是否保持；序时进度值即目标值。",
    en: "A maintain target (target equals baseline) has no completion, only held or not; its expected value is the target.",
  }),
  perYearNoPath: (): Bilingual => ({
    zh: "每年须达到的目标没有完成率，只看各年是否达到。",
    en: "A target due every year has no completion, only whether each year reached it.",
  }),
  baselineMeetsTarget: (): Bilingual => ({
    zh: "基期值已达到目标，目标是保持，没有完成率和序时进度值。",
    en: "The baseline already meets the target, so the aim is to stay there: there is no completion or expected value.",
  }),
  oneSeries: (name: string): Bilingual => ({
    zh: `参数 ${name} 须为一行或一列（逐年的数值）。`,
    en: `Argument ${name} must be one row or one column (a value per year).`,
  }),
  sameLength: (a: number, b: number): Bilingual => ({
    zh: `两组数值的年份数不同（${a} 与 ${b}）：请选择同样年份的两行或两列。`,
    en: `The two series cover different numbers of years (${a} and ${b}): select two rows or columns over the same years.`,
  }),
  countsShape: (): Bilingual => ({
    zh: "参数 counts（在校生数）须与 values 的行列数相同，每个数值对应一个人数。",
    en: "Argument counts (enrolment) must have the same rows and columns as values, one count per figure.",
  }),
  position: (p: string, n: number): Bilingual => ({
    zh: `参数 position 为 ${p}：须为 1 到 ${n} 之间的整数（第几年，第 1 年为基期年）。`,
    en: `Argument position is ${p}: use a whole number from 1 to ${n} (which year; 1 is the first).`,
  }),
  notFigure: (name: string, position: number, text: string): Bilingual => ({
    zh: `参数 ${name} 第 ${position} 项“${text}”不是不小于 0 的数值。请填写数字。`,
    en: `Argument ${name} (item ${position}): "${text}" is not a number of 0 or more. Enter a number.`,
  }),
  growthFromZero: (position: number): Bilingual => ({
    zh: `第 ${position - 1} 项为 0，增长率无法计算（不能除以 0）。`,
    en: `Item ${position - 1} is 0, so there is no growth rate (division by zero).`,
  }),
  unknownLanguage: (text: string): Bilingual => ({
    zh: `语言 ${q(text)} 无法识别：请填写 "zh" 或 "en"，或留空以跟随 Office 显示语言。`,
    en: `Language ${q(text)} is not known: use "zh" or "en", or leave it empty to follow Office's display language.`,
  }),
} as const;
