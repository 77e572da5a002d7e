/**
 * One catalogue for every user-facing string in zh-CN and en.
 * Messages are built as `Bilingual` pairs so that the caller (pane, custom function, CLI)
 * picks the language at the edge, following Office's display language.
 */

export type Language = "zh" | "en";

export interface Bilingual {
  zh: string;
  en: string;
}

export function pick(text: Bilingual, language: Language): string {
  return text[language];
}

/** Office display languages look like "zh-CN", "zh-TW", "en-US"; anything Chinese gets zh. */
export function languageFromLocale(locale: string | null | undefined): Language {
  return typeof locale === "string" && locale.toLowerCase().startsWith("zh") ? "zh" : "en";
}

const q = (input: string): string => JSON.stringify(input);

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

/** Messages of the template loader (`core/plan/load`). */
export const templateMessages = {
  atField: (where: string, detail: Bilingual): Bilingual => ({
    zh: `模板有误：${where}：${detail.zh}`,
    en: `Template error: ${where}: ${detail.en}`,
  }),
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
  directionMismatch: (direction: string): Bilingual => ({
    zh: `基期值与目标值不符合方向 ${direction}（higher 须目标大于基期，lower 须目标小于基期，maintain 须相等，bound 须目标为界限）`,
    en: `baseline and target do not fit direction ${direction} (higher needs target > baseline, lower target < baseline, maintain equal, bound a bounded target)`,
  }),
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
    bound: { zh: "界限", en: "Bound" },
  },
  unit: {
    percent: { zh: "%", en: "%" },
    ratio: { zh: "比值（N:1）", en: "Ratio (N:1)" },
    years: { zh: "年", en: "Years" },
    coefficient: { zh: "系数", en: "Coefficient" },
    count: { zh: "个数", en: "Count" },
    persons: { zh: "人数", en: "Persons" },
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
    zh: `方向 ${q(text)} 无法识别：请填写 1（越高越好）或 -1（越低越好），也可填 "up" / "down" 或模板中的“越高越好 / 越低越好 / 保持 / 界限”。`,
    en: `Direction ${q(text)} is not known: use 1 (higher is better) or -1 (lower is better), "up" / "down", or the template's "Higher is better / Lower is better / Maintain / Bound".`,
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
  unknownLanguage: (text: string): Bilingual => ({
    zh: `语言 ${q(text)} 无法识别：请填写 "zh" 或 "en"，或留空以跟随 Office 显示语言。`,
    en: `Language ${q(text)} is not known: use "zh" or "en", or leave it empty to follow Office's display language.`,
  }),
} as const;

export { STATUS_LABELS as statusLabels } from "./calc/status";

/** The page shown when the add-in's page is opened outside Excel. */
export const outsideMessages = {
  title: { zh: "规划监测助手", en: "Plan Monitor" },
  intro: {
    zh: "规划监测助手是一个 Excel 加载项，帮助教育局财务与规划人员在 Excel 中监测五年教育规划：导入指标模板、校验数据、计算进度与校际差异系数、标记未达标指标、一键生成年度报告。",
    en: "Plan Monitor is an Excel add-in that helps an education bureau's finance and planning staff monitor a five-year education plan inside Excel: insert the indicator template, validate data, calculate progress and inter-school difference coefficients, flag indicators that miss their targets, and produce annual reports.",
  },
  notInOffice: {
    zh: "此页面需要在 Excel 中作为加载项打开，目前是在普通浏览器中打开的。",
    en: "This page runs inside Excel as an add-in; it has been opened in an ordinary browser.",
  },
  wrongHost: (host: string) => ({
    zh: `此加载项只支持 Excel，当前宿主为 ${host}。`,
    en: `This add-in works in Excel only; the current host is ${host}.`,
  }),
  howTitle: { zh: "如何加载", en: "How to load it" },
  steps: [
    {
      zh: "Windows 或 Mac 上的 Excel：在项目目录运行 npm start，会自动旁加载；或在 Excel 中选择“插入 › 加载项 › 我的加载项 › 上传我的加载项”，选择 manifest.xml。",
      en: "Excel on Windows or Mac: run npm start in the project folder, which sideloads it; or in Excel choose Insert › Add-ins › My Add-ins › Upload My Add-in and pick manifest.xml.",
    },
    {
      zh: "Excel 网页版：保持 npm start 运行，打开 Excel 网页版中的工作簿，选择“主页 › 加载项 › 更多加载项 › 我的加载项 › 上传我的加载项”，上传 manifest.xml。",
      en: "Excel on the web: keep npm start running, open a workbook in Excel on the web, choose Home › Add-ins › More Add-ins › My Add-ins › Upload My Add-in, and upload manifest.xml.",
    },
    {
      zh: "加载后，在“主页”选项卡的“规划监测”组中点击“打开规划监测助手”。",
      en: "Once loaded, click Open Plan Monitor in the Plan Monitor group on the Home tab.",
    },
  ],
  startFailed: (detail: string) => ({
    zh: `启动失败：${detail}。请刷新页面；若问题持续，请联系维护人员。`,
    en: `Start-up failed: ${detail}. Reload the page; if it persists, contact support.`,
  }),
} as const;

/** Task pane text. */
export const paneText = {
  title: { zh: "规划监测助手", en: "Plan Monitor" },
  switchLanguage: { zh: "切换为英文界面", en: "Switch to Chinese" },
  templateVersion: { zh: "模板版本", en: "Template version" },
  templateSection: { zh: "指标模板", en: "Indicator template" },
  contradictions: { zh: "规划内部不一致之处", en: "Contradictions within the plan" },
  functions: { zh: "PLAN 函数参考", en: "PLAN function reference" },
  copy: { zh: "复制", en: "Copy" },
  copied: { zh: "已复制", en: "Copied" },
  notInserted: { zh: "本工作簿尚未插入规划模板。", en: "This workbook has no plan template yet." },
  inserted: { zh: "已插入模板", en: "Template inserted" },
  upgradeAvailable: { zh: "有新版本模板可升级", en: "A newer template version is available" },
  insert: { zh: "插入模板", en: "Insert template" },
  reinsert: { zh: "重新插入 / 补全模板", en: "Re-insert / complete template" },
  upgrade: { zh: "升级模板", en: "Upgrade template" },
  working: { zh: "正在处理…", en: "Working…" },
  conflictsTitle: { zh: "以下单元格与模板不同，请选择如何处理：", en: "These cells differ from the template. Choose what to do:" },
  conflictWorkbook: { zh: "工作簿中", en: "Workbook" },
  conflictTemplate: { zh: "模板", en: "Template" },
  keepMine: { zh: "保留我的数据", en: "Keep my values" },
  replace: { zh: "替换为模板值", en: "Replace with template" },
  cancel: { zh: "取消", en: "Cancel" },
  dismiss: { zh: "关闭", en: "Dismiss" },
  protection: { zh: "保护模板工作表（仅填报单元格可编辑）", en: "Protect template sheets (only input cells editable)" },
  checkSection: { zh: "数据校验", en: "Data check" },
  runCheck: { zh: "校验数据", en: "Check data" },
  noFindings: { zh: "未发现问题。", en: "No problems found." },
  errors: { zh: "错误", en: "Errors" },
  warnings: { zh: "提示", en: "Warnings" },
  progressSection: { zh: "进度与预警", en: "Progress and flags" },
  year: { zh: "监测年度", en: "Monitoring year" },
  refresh: { zh: "刷新", en: "Refresh" },
  noMisses: { zh: "本年度没有数据有误、倒退、未实现或滞后的指标和任务。", en: "No indicator or task has invalid data, regresses, misses or lags this year." },
  noYearData: { zh: "该年度还没有填写任何指标数据，无法判断进度：请先在黄色单元格中填写该年数据。", en: "No indicator has a value for this year yet, so there is no progress to judge: fill in the year's yellow cells first." },
  misses: { zh: "需关注的指标和任务（最严重的在前，点击定位）", en: "Indicators and tasks needing attention (worst first; choose one to go to it)" },
  actual: { zh: "实际", en: "Actual" },
  expected: { zh: "序时进度值", en: "Expected" },
  gap: { zh: "差距", en: "Gap" },
  reportsSection: { zh: "年度报告", en: "Annual reports" },
  recordSchools: { zh: "记录学校数据结果", en: "Record school results" },
  recordHint: {
    zh: "把“学校数据”算出的最大差异系数和标准班额比例填入其数据年度的指标单元格（不会覆盖不同的已填数值，除非您确认）。",
    en: "Writes the largest difference coefficient and standard class-size share computed from the schools data into that year's indicator cells (a different value already there is replaced only if you confirm).",
  },
  failed: { zh: "操作失败", en: "The action failed" },
  retry: { zh: "请重试；若问题持续，请联系维护人员。", en: "Try again; if it persists, contact support." },
} as const satisfies Record<string, Bilingual>;

/** The pane's messages about recording the schools table's results. */
export const recordText = {
  written: (year: number, n: number): Bilingual => ({ zh: `已把 ${n} 个计算结果记入 ${year} 年的指标单元格。`, en: `${n} computed result(s) recorded in the ${year} indicator cells.` }),
  nothing: (year: number): Bilingual => ({ zh: `${year} 年的指标单元格已与学校数据一致，无需记录。`, en: `The ${year} indicator cells already agree with the schools data.` }),
  conflicts: (year: number, list: string): Bilingual => ({
    zh: `${year} 年以下单元格已有不同的数值：${list}。替换为学校数据的计算结果吗？`,
    en: `These ${year} cells already hold different values: ${list}. Replace them with the figures computed from the schools data?`,
  }),
} as const;

/** The pane's summary of an insert. */
export function insertSummary(r: {
  createdTables: string[];
  addedRows: { keys: string[] }[];
  addedColumns: { headers: string[] }[];
  notRestored: string[];
  preservedInputs: number;
  conflicts: unknown[];
  resolution: "replace" | "keep" | null;
}): Bilingual {
  const added = r.addedRows.reduce((n, a) => n + a.keys.length, 0);
  const columns = r.addedColumns.reduce((n, a) => n + a.headers.length, 0);
  const zh = [
    r.createdTables.length ? `新建表格 ${r.createdTables.length} 个` : "",
    added ? `新增行 ${added} 行` : "",
    columns ? `新增列 ${columns} 列` : "",
    `保留已填数据 ${r.preservedInputs} 项`,
    r.conflicts.length ? `${r.resolution === "replace" ? "替换" : "保留"}不同之处 ${r.conflicts.length} 处` : "",
    r.notRestored.length ? `已删除的 ${r.notRestored.join("、")} 未恢复` : "",
  ].filter(Boolean);
  const en = [
    r.createdTables.length ? `${r.createdTables.length} table(s) created` : "",
    added ? `${added} row(s) added` : "",
    columns ? `${columns} column(s) added` : "",
    `${r.preservedInputs} entered value(s) kept`,
    r.conflicts.length ? `${r.conflicts.length} difference(s) ${r.resolution === "replace" ? "replaced" : "kept"}` : "",
    r.notRestored.length ? `deleted rows not restored: ${r.notRestored.join(", ")}` : "",
  ].filter(Boolean);
  return { zh: `完成：${zh.join("；")}。`, en: `Done: ${en.join("; ")}.` };
}

/** Sheet names, prompts and alerts of the template inside a workbook. */
export const layoutText = {
  indicatorSheet: { zh: "规划指标", en: "Indicators" },
  taskSheet: { zh: "任务目标", en: "Task targets" },
  schoolSheet: { zh: "学校数据", en: "Schools" },
  balanceSheet: { zh: "均衡分析", en: "Balance" },
  contradictionSheet: { zh: "规划矛盾", en: "Contradictions" },
  milestoneSheet: { zh: "里程碑", en: "Milestones" },
  schoolYear: { zh: "数据年度", en: "Data year" },
  schoolYearPrompt: {
    zh: "本表学校数据所属的年度。“记录学校数据结果”把算出的差异系数和标准班额比例填入该年度的指标单元格。",
    en: "The year this schools data is for. \"Record school results\" writes the computed coefficients and class-size shares into that year's indicator cells.",
  },
  monitoringYear: { zh: "监测年度", en: "Monitoring year" },
  templateLine: (version: string): Bilingual => ({
    zh: `模板版本 ${version}。黄色单元格为填报区，灰蓝色为自动计算。`,
    en: `Template version ${version}. Yellow cells are for input; blue-grey cells are calculated.`,
  }),
  contradictionsSheetLine: (n: number): Bilingual => ({
    zh: `规划文本内部有 ${n} 处不一致，逐条列于下表，并注明原文所在行，供评估时说明采用的口径。`,
    en: `The plan contradicts itself in ${n} places, listed below with the lines they quote, so that an evaluation can say which reading it used.`,
  }),
  milestoneLine: {
    zh: "无数值的里程碑任务：选择进展（未开始 / 进行中 / 已完成），完成后填写完成年度。",
    en: "Milestones without a figure: choose the state (not started / in progress / done) and, once done, the year it was done.",
  },
  statePrompt: { zh: "请选择：未开始 / 进行中 / 已完成。", en: "Choose: Not started / In progress / Done." },
  stateError: { zh: "只能从列表中选择进展。", en: "Choose the state from the list." },
  doneYearPrompt: (from: number, to: number): Bilingual => ({ zh: `完成的年份（${from}–${to}）。`, en: `The year it was done (${from}–${to}).` }),
  doneYearError: (from: number, to: number): Bilingual => ({ zh: `请填写 ${from} 到 ${to} 之间的年份。`, en: `Enter a year from ${from} to ${to}.` }),
  contradictionsLine: (n: number): Bilingual => ({
    zh: `规划文本内部有 ${n} 处不一致，见“规划矛盾”工作表。`,
    en: `The plan contradicts itself in ${n} places: see the Contradictions sheet.`,
  }),
  balanceLine: {
    zh: "按学生数加权的校际差异系数（2017 年优质均衡办法）。可在指标表中填写 =PM_CV_Max_Primary 等名称引用结果。",
    en: "Student-weighted inter-school difference coefficients (2017 method). Indicator cells may refer to them, e.g. =PM_CV_Max_Primary.",
  },
  taskLine: {
    zh: "第三章任务目标：按年份填写完成数（累计口径逐年填写当年新增，水平口径填写当年达到的值）。",
    en: "Chapter 3 task targets: enter each year's figure (for cumulative targets the year's addition; for levels the level reached).",
  },
  schoolLine: {
    zh: "每校每学段一行：填写在校生数、班级数及七项资源原始数据，右侧自动计算生均/每百名学生指标与达标情况。",
    en: "One row per school and stage: enrolment, classes and the seven raw resource figures; per-student values and the 2017 rule are calculated on the right.",
  },
  maxOfSeven: { zh: "七项最大值（每项均须达标）", en: "Largest of the seven (each must pass)" },
  meanOfSeven: { zh: "七项平均（综合差异系数）", en: "Mean of the seven (composite coefficient)" },
  classShare: { zh: "标准班额比例", en: "Standard class-size share" },
  pass: { zh: "达标", en: "Pass" },
  fail: { zh: "未达标", en: "Fail" },
  directionPrompt: {
    zh: "请从列表选择：越高越好 / 越低越好 / 保持 / 界限。",
    en: "Choose from the list: Higher is better / Lower is better / Maintain / Bound.",
  },
  directionError: { zh: "方向只能从列表中选择。", en: "Choose the direction from the list." },
  yearPrompt: (year: number): Bilingual => ({
    zh: `填写 ${year} 年实际值。百分比请按百分数填写（如 92.52%），比值填写前项（如 18.5 表示 18.5:1）。`,
    en: `Enter the ${year} actual. Percentages as percentages (e.g. 92.52%); ratios as the first term (18.5 for 18.5:1).`,
  }),
  taskYearPrompt: (year: number): Bilingual => ({
    zh: `填写 ${year} 年完成数；百分比请按百分数填写（如 65%）。`,
    en: `Enter the ${year} figure; percentages as percentages (e.g. 65%).`,
  }),
  yearError: {
    zh: "须为不小于 0 的数字；百分比不能超过 100%（92.52 请填写为 92.52%）。",
    en: "Enter a number of 0 or more; a percentage cannot exceed 100% (type 92.52% rather than 92.52).",
  },
  stagePrompt: { zh: "选择学段：小学或初中。", en: "Choose the stage: 小学 (primary) or 初中 (junior)." },
  bandPrompt: {
    zh: "“左右”类目标的允许幅度：在目标值上下此比例内即算实现（默认 5%）。其他目标留空。",
    en: "For \"about\" (左右) targets: within this share above or below the target counts as reached (default 5%). Leave blank for other targets.",
  },
  bandError: { zh: "请填写 0% 到 99% 之间的比例，例如 5%。", en: "Enter a share from 0% to 99%, e.g. 5%." },
  stageError: { zh: "学段只能是“小学”或“初中”。", en: "The stage must be 小学 (primary) or 初中 (junior)." },
  enrolmentPrompt: { zh: "在校生人数（正整数）。", en: "Students enrolled (a whole number above 0)." },
  enrolmentError: { zh: "在校生数须为大于 0 的整数。", en: "Enrolment must be a whole number above 0." },
  countPrompt: { zh: "人数或个数（不小于 0 的整数）。", en: "A count (a whole number, 0 or more)." },
  countError: { zh: "须为不小于 0 的整数。", en: "Enter a whole number of 0 or more." },
  standardClassesPrompt: {
    zh: "班额不超过标准（小学 45 人、初中 50 人）的班级数，不能超过班级总数。",
    en: "Classes at or under the standard size (45 primary, 50 junior); no more than the number of classes.",
  },
  standardClassesError: {
    zh: "须为不小于 0 的整数，且不超过班级数。",
    en: "Enter a whole number of 0 or more, no more than the number of classes.",
  },
  amountPrompt: { zh: "面积（平方米）或金额（元），不小于 0。", en: "An area (m²) or amount (yuan), 0 or more." },
  amountError: { zh: "须为不小于 0 的数字。", en: "Enter a number of 0 or more." },
} as const;

/** Messages of the template insert / upgrade. */
export const insertMessages = {
  missingKeyColumn: (table: string, sheet: string, header: string): Bilingual => ({
    zh: `工作表“${sheet}”中的表格 ${table} 缺少列“${header}”，无法按行匹配：请恢复该列标题后再插入模板。未写入任何内容。`,
    en: `Table ${table} on sheet "${sheet}" has no column "${header}", so rows cannot be matched: restore that header, then insert again. Nothing was written.`,
  }),
  validationTitle: { zh: "规划监测助手", en: "Plan Monitor" },
  yearPrompt: (first: number, last: number): Bilingual => ({
    zh: `选择监测年份（${first}–${last}），各指标的预期值、完成度和状态随之更新。`,
    en: `Choose the monitoring year (${first}–${last}); expected values, completion and statuses follow it.`,
  }),
  yearError: (first: number, last: number): Bilingual => ({
    zh: `监测年份须在 ${first} 至 ${last} 之间。`,
    en: `The monitoring year must be between ${first} and ${last}.`,
  }),
} as const;

/** A number as a person reads it: no binary noise (0.9252 × 100 → 92.52, not 92.52000000000001). */
export function plainNumber(n: number): string {
  return String(Number(n.toPrecision(12)));
}
const pct = (n: number) => `${plainNumber(n * 100)}%`;

/** Messages of validation on demand; each names the cell and the fix. */
export const checkMessages = {
  notNumber: (where: string, text: string): Bilingual => ({
    zh: `${where}：“${text}”不是数值。请填写数字（百分比如 92.52%，比值填前项如 18.5）。`,
    en: `${where}: "${text}" is not a number. Enter a number (percentages like 92.52%, ratios as the first term, e.g. 18.5).`,
  }),
  excelError: (where: string, text: string): Bilingual => ({
    zh: `${where}：单元格为错误值 ${text}。请改正公式或重新填写数值。`,
    en: `${where}: the cell holds the error ${text}. Fix the formula or type the value again.`,
  }),
  textNumber: (where: string, text: string, value: number): Bilingual => ({
    zh: `${where}：“${text}”是文本，Excel 不会把它当作数值计算。请重新输入为数值 ${plainNumber(value)}（粘贴时请选择“只粘贴值”并确认格式）。`,
    en: `${where}: "${text}" is text, which Excel will not calculate with. Type it again as the number ${plainNumber(value)} (paste values only, then check the format).`,
  }),
  negative: (where: string, v: number): Bilingual => ({
    zh: `${where}：${plainNumber(v)} 为负数，此处不能为负。请核对数据。`,
    en: `${where}: ${plainNumber(v)} is negative, which this cell cannot be. Check the figure.`,
  }),
  percentPoints: (where: string, v: number): Bilingual => ({
    zh: `${where}：${plainNumber(v)} 像是按百分点填写的（百分比单元格中会显示为 ${pct(v)}）。若指 ${plainNumber(v)}%，请输入“${plainNumber(v)}%”或 ${plainNumber(v / 100)}。`,
    en: `${where}: ${plainNumber(v)} looks like percentage points (a percent cell shows it as ${pct(v)}). If you mean ${plainNumber(v)}%, type "${plainNumber(v)}%" or ${plainNumber(v / 100)}.`,
  }),
  percentRange: (where: string, v: number): Bilingual => ({
    zh: `${where}：${pct(v)} 超过 100%，而该指标不可能超过 100%（只有毛入园率、毛入学率等毛率可以）。请核对数据。`,
    en: `${where}: ${pct(v)} exceeds 100%, which this indicator cannot (only gross ratios such as gross enrolment can). Check the figure.`,
  }),
  coefficientRange: (where: string, v: number): Bilingual => ({
    zh: `${where}：差异系数 ${plainNumber(v)} 大于 1，极不寻常。请核对是否按学生数加权计算。`,
    en: `${where}: a difference coefficient of ${plainNumber(v)} is above 1, which is very unusual. Check that it is student-weighted.`,
  }),
  jump: (where: string, from: string, previous: number, v: number, percent: boolean): Bilingual => {
    const f = percent ? pct : plainNumber;
    return {
      zh: `${where}：与 ${from} 年的 ${f(previous)} 相比变为 ${f(v)}，变化幅度异常。请核对数据或在说明栏注明原因。`,
      en: `${where}: ${f(v)} after ${f(previous)} in ${from} is an unusual change. Check the figure or explain it in the note column.`,
    };
  },
  missingId: (where: string): Bilingual => ({
    zh: `${where}：该行有数据但没有编号。请填写唯一的指标编号，以便插入模板时匹配。`,
    en: `${where}: this row has data but no ID. Give it a unique ID so template inserts can match it.`,
  }),
  unknownUnit: (where: string): Bilingual => ({
    zh: `${where}：无法识别的单位。请选择 %、比值（N:1）、年、系数、个数或人数，以便检查数值范围。`,
    en: `${where}: unknown unit. Use %, Ratio (N:1), Years, Coefficient, Count or Persons so values can be range-checked.`,
  }),
  missingBaseline: (where: string, id: string): Bilingual => ({
    zh: `${where}：指标 ${id} 缺少基期值，无法计算进度。请按规划填写基期值。`,
    en: `${where}: indicator ${id} has no baseline, so progress cannot be calculated. Enter the plan's baseline.`,
  }),
  missingTarget: (where: string, id: string): Bilingual => ({
    zh: `${where}：指标 ${id} 缺少目标值。请按规划填写目标值。`,
    en: `${where}: indicator ${id} has no target. Enter the plan's target.`,
  }),
  missingSchool: (where: string): Bilingual => ({
    zh: `${where}：该行有数据但没有校名。请填写学校名称。`,
    en: `${where}: this row has data but no school name. Enter the school's name.`,
  }),
  stage: (where: string, stage: string): Bilingual => ({
    zh: `${where}：学段“${stage}”无效。请选择“小学”或“初中”（九年一贯制学校请分两行填写）。`,
    en: `${where}: stage "${stage}" is not valid. Choose 小学 (primary) or 初中 (junior); enter a nine-year school as two rows.`,
  }),
  duplicateSchool: (where: string, name: string, stage: string, first: string): Bilingual => ({
    zh: `${where}：${name}（${stage}）与 ${first} 重复。每校每学段只能有一行，请合并或删除重复行。`,
    en: `${where}: ${name} (${stage}) duplicates ${first}. Keep one row per school and stage: merge or delete the duplicate.`,
  }),
  missingEnrolment: (where: string, name: string): Bilingual => ({
    zh: `${where}：${name} 缺少在校生数，差异系数无法按学生加权。请填写在校生数。`,
    en: `${where}: ${name} has no enrolment, so the coefficients cannot be weighted. Enter the enrolment.`,
  }),
  zeroEnrolment: (where: string, name: string): Bilingual => ({
    zh: `${where}：${name} 在校生数为 0。无学生的学校不参与计算，请删除该行或填写实际人数。`,
    en: `${where}: ${name} has an enrolment of 0. A school without students does not count: delete the row or enter the real figure.`,
  }),
  classesOverEnrolment: (where: string, classes: number, enrolment: number): Bilingual => ({
    zh: `${where}：班级数 ${plainNumber(classes)} 多于在校生数 ${plainNumber(enrolment)}。请核对两列是否填反。`,
    en: `${where}: ${plainNumber(classes)} classes exceed the enrolment of ${plainNumber(enrolment)}. Check whether the two columns are swapped.`,
  }),
  standardOverClasses: (where: string, standard: number, classes: number): Bilingual => ({
    zh: `${where}：标准班额班级数 ${plainNumber(standard)} 多于班级总数 ${plainNumber(classes)}。请核对。`,
    en: `${where}: ${plainNumber(standard)} standard-size classes exceed the ${plainNumber(classes)} classes in total. Check the figures.`,
  }),
  notInserted: {
    zh: "工作簿中还没有规划模板：请先点击“插入模板”。",
    en: "This workbook has no plan template yet: click Insert template first.",
  },
  milestoneState: (where: string, text: string): Bilingual => ({
    zh: `${where}：进展“${text}”无法识别。请从列表选择：未开始 / 进行中 / 已完成。`,
    en: `${where}: the state "${text}" is not known. Choose from the list: Not started / In progress / Done.`,
  }),
  doneYear: (where: string, year: number, from: number, to: number): Bilingual => ({
    zh: `${where}：完成年度 ${plainNumber(year)} 不在规划期 ${from}–${to} 内。请填写实际完成的年份。`,
    en: `${where}: the year done, ${plainNumber(year)}, is outside the plan period ${from}–${to}. Enter the year it was done.`,
  }),
  doneYearNotDone: (where: string): Bilingual => ({
    zh: `${where}：填写了完成年度，但进展不是“已完成”。请核对进展。`,
    en: `${where}: a year done is entered but the state is not "Done". Check the state.`,
  }),
  noSchoolYear: {
    zh: "不知道学校数据属于哪一年：请在“学校数据”表上方的“数据年度”中选择年份（或设定监测年度）。",
    en: "The year of the schools data is not known: choose it in Data year above the schools table (or set the monitoring year).",
  },
  merged: (where: string, area: string): Bilingual => ({
    zh: `${where}：位于合并单元格 ${area} 中，Excel 只保留合并区域第一个单元格的数值。请取消合并，并在每一行分别填写。`,
    en: `${where}: part of the merged area ${area}, of which Excel keeps only the first cell's value. Unmerge it and fill in each row.`,
  }),
  tableMissing: (table: string): Bilingual => ({
    zh: `工作簿中有规划模板，但找不到表格 ${table}（可能被重命名或删除）：请在“表设计”中把表名改回 ${table}，或重新插入模板。`,
    en: `The workbook has the plan template, but the table ${table} is missing (renamed or deleted?): rename it back to ${table} under Table Design, or re-insert the template.`,
  }),
  yearColumnMissing: (table: string, header: string): Bilingual => ({
    zh: `表格 ${table} 中没有“${header}”列（可能被删除或改名）：请重新插入模板以恢复该列，已填写的数值不会改变。`,
    en: `The table ${table} has no "${header}" column (deleted or renamed?): re-insert the template to restore it; values already entered stay as they are.`,
  }),
} as const;

/** A figure in its unit for the pane and reports: 92.52%, 18.50:1, 0.385; a percent gap in points. */
export function formatFigure(value: number, unit: string | null, kind: "value" | "gap" = "value"): Bilingual {
  const fixed = (n: number, d: number) => n.toFixed(d);
  if (unit === "percent") {
    const points = fixed(value * 100, 2);
    return kind === "gap" ? { zh: `${points} 个百分点`, en: `${points} pp` } : { zh: `${points}%`, en: `${points}%` };
  }
  if (unit === "ratio") return kind === "gap" ? { zh: fixed(value, 2), en: fixed(value, 2) } : { zh: `${fixed(value, 2)}:1`, en: `${fixed(value, 2)}:1` };
  if (unit === "coefficient") return { zh: fixed(value, 3), en: fixed(value, 3) };
  const text = plainNumber(Number(value.toPrecision(6)));
  return { zh: text, en: text };
}

/** The annual report sheet. */
export const reportText = {
  sheetName: (year: number): Bilingual => ({ zh: `${year}年度监测报告`, en: `${year} Monitoring Report` }),
  title: (year: number, kind: "annual" | "midterm" | "final"): Bilingual => ({
    zh: `${year}年度规划实施监测报告${kind === "midterm" ? "（中期评估）" : ""}`,
    en: `${year} plan implementation monitoring report${kind === "midterm" ? " (mid-term evaluation)" : ""}`,
  }),
  headerLine: (generatedAt: string, version: string, c: { withValue: number; invalid: number; total: number }, year: number): Bilingual => ({
    zh: `监测年度：${year}年\u3000生成时间：${generatedAt}\u3000模板版本：${version}\u3000数据完整度：${c.total} 项指标中 ${c.withValue} 项有有效数据${c.invalid ? `，${c.invalid} 项数据有误` : ""}，${c.total - c.withValue - c.invalid} 项无数据`,
    en: `Monitoring year: ${year}   Generated ${generatedAt}   Template version ${version}   Data completeness: ${c.withValue} of ${c.total} indicators have a valid value${c.invalid ? `, ${c.invalid} have invalid data` : ""}, ${c.total - c.withValue - c.invalid} have none`,
  }),
  problems: { zh: "数据问题（须先更正，相关指标暂判为“数据有误”）", en: "Data problems (correct these first; the rows concerned are marked Invalid data)" },
  noProblems: { zh: "数据检查未发现错误。", en: "The data check found no errors." },
  problemHeaders: { zh: ["工作表", "单元格", "编号", "问题及处理"], en: ["Sheet", "Cell", "ID", "Problem and fix"] },
  problemSummary: (n: number, cells: string): Bilingual => ({
    zh: `数据问题 ${n} 处（${cells}），相关指标判为“数据有误”，详见报告“数据问题”一节`,
    en: `${n} data problem(s) (${cells}); the rows concerned are marked Invalid data, see the report's Data problems section`,
  }),
  valuesNote: {
    zh: "本表为数值快照，不含公式，可在未安装加载项的电脑上打开和打印。",
    en: "Values only, no formulas: this sheet opens and prints without the add-in.",
  },
  summary: { zh: "一、总体情况", en: "1. Summary" },
  group: { zh: "组别", en: "Group" },
  total: { zh: "合计", en: "Total" },
  indicators: { zh: "二、指标进度", en: "2. Indicators" },
  indicatorHeaders: {
    zh: ["编号", "组别", "指标", "学段", "基期值", "目标值", "本年实际", "序时进度值", "完成率", "时间进度", "差距", "状态", "说明"],
    en: ["ID", "Group", "Indicator", "Stage", "Baseline", "Target", "Actual", "Expected", "Completion", "Time elapsed", "Gap", "Status", "Note"],
  },
  misses: { zh: "三、需关注的指标和任务（数据有误、倒退、未实现、滞后，最严重的在前）", en: "3. Indicators and tasks needing attention (invalid data, regressing, missed, behind; worst first)" },
  noMisses: { zh: "本年度没有数据有误、倒退、未实现或滞后的指标和任务。", en: "No indicator or task has invalid data, regresses, misses or lags this year." },
  missHeaders: {
    zh: ["编号", "指标", "状态", "本年实际", "序时进度值", "差距", "完成率", "时间进度"],
    en: ["ID", "Indicator", "Status", "Actual", "Expected", "Gap", "Completion", "Time elapsed"],
  },
  balance: { zh: "四、县域义务教育学校资源配置校际均衡", en: "4. Inter-school resource allocation (compulsory education)" },
  stage: { primary: { zh: "小学", en: "Primary" }, junior: { zh: "初中", en: "Junior secondary" } },
  schools: (n: number): Bilingual => ({ zh: `（${n} 所学校，按在校生数加权）`, en: ` (${n} schools, weighted by enrolment)` }),
  balanceHeaders: (national: number, plan: string): Bilingual[] => [
    { zh: "指标", en: "Indicator" },
    { zh: "差异系数", en: "Coefficient" },
    { zh: `国家标准 ≤${national.toFixed(2)}`, en: `National ≤${national.toFixed(2)}` },
    { zh: `规划目标 ${plan}`, en: `Plan target ${plan}` },
  ],
  maxOfSeven: { zh: "七项最大值", en: "Largest of the seven" },
  meanOfSeven: { zh: "七项平均（综合差异系数）", en: "Mean of the seven (composite)" },
  classShare: { zh: "标准班额比例", en: "Standard class-size share" },
  pass: { zh: "达标", en: "Pass" },
  fail: { zh: "未达标", en: "Fail" },
  noSchools: { zh: "无学校数据", en: "no school data" },
  failing: { zh: "未达到 2017 年校级标准的学校：", en: "Schools failing the 2017 school rule:" },
  noneFailing: { zh: "所有学校均达到 2017 年校级标准（或数据不全）。", en: "Every school meets the 2017 school rule (or has incomplete data)." },
  failingHeaders: { zh: ["学校", "达标项数", "未达标项"], en: ["School", "Indicators met", "Indicators missed"] },
  contradictions: { zh: "五、规划内部不一致之处", en: "5. Contradictions within the plan" },
  tasks: { zh: "六、第三章任务目标进展", en: "6. Chapter 3 task targets" },
  taskHeaders: { zh: ["编号", "任务", "目标", "已完成", "完成率", "口径", "状态"], en: ["ID", "Task", "Target", "Achieved", "Completion", "Basis", "Status"] },
  milestones: { zh: "七、里程碑任务", en: "7. Milestones" },
  recordedMismatch: (id: string, address: string): Bilingual => ({
    zh: `${id}（${address}）填写的数值与同年学校数据算出的不一致（填写值 / 计算值）：`,
    en: `${id} (${address}) differs from the same year's schools data (recorded / computed):`,
  }),
  milestoneHeaders: { zh: ["编号", "里程碑", "计划年度", "进展"], en: ["ID", "Milestone", "Planned year", "State"] },
  chartTitle: { zh: "完成率与时间进度", en: "Completion against time elapsed" },
  chartHeaders: { zh: ["指标", "完成率", "时间进度"], en: ["Indicator", "Completion", "Time elapsed"] },
  footer: { zh: "第 &P 页，共 &N 页", en: "Page &P of &N" },
  exists: (name: string): Bilingual => ({
    zh: `工作表“${name}”已存在。重新生成将替换该报告工作表（其他工作表不受影响）。`,
    en: `The sheet "${name}" exists. Regenerating replaces that report sheet (no other sheet is touched).`,
  }),
} as const;

/** Messages of the ribbon commands, shown in the pane. */
export const commandText = {
  failed: (detail: string): Bilingual => {
    const d = detail.replace(/[。.]+$/, "");
    return {
      zh: `操作失败：${d}。请重试；若问题持续，请联系维护人员。`,
      en: `The action failed: ${d}. Try again; if it persists, contact support.`,
    };
  },
  reportWritten: (sheet: string): Bilingual => ({ zh: `已生成报告工作表“${sheet}”。`, en: `Report sheet "${sheet}" generated.` }),
  reportExists: (sheet: string): Bilingual => ({
    zh: `报告工作表“${sheet}”已存在，未作改动。如需重新生成，请在下方“年度报告”中确认替换。`,
    en: `The report sheet "${sheet}" exists and was left as it is. To regenerate it, confirm the replacement under Annual reports below.`,
  }),
} as const;

/** The pane's report section. */
export const reportPaneText = {
  latest: { zh: "有数据的最近年份", en: "Latest year with data" },
  generate: { zh: "生成年度报告", en: "Generate annual report" },
  replace: { zh: "替换该报告", en: "Replace that report" },
  existing: { zh: "工作簿中的报告：", en: "Reports in this workbook:" },
} as const satisfies Record<string, Bilingual>;

/** One line per PLAN function for the pane's reference (the formula-bar text lives in functions.ts). */
export const functionSummaries = {
  PARSE: { zh: "读取规划文本中的数值", en: "Number from plan-style text" },
  GAP: { zh: "距目标尚差多少", en: "Distance still to go" },
  EXPECTED: { zh: "序时进度值", en: "Value expected on the path" },
  PROGRESS: { zh: "完成率", en: "Completion" },
  STATUS: { zh: "判定（提前实现、已实现、符合预期……）", en: "Verdict (reached early, reached, on track …)" },
  PACE: { zh: "增速进度比", en: "Growth pace ratio" },
  DIFFCOEF: { zh: "校际差异系数（按学生加权）", en: "Difference coefficient (student-weighted)" },
  ACHIEVED: { zh: "任务到该年已完成的数值", en: "What a task has achieved by the year" },
  MILESTONE: { zh: "里程碑判定", en: "Milestone verdict" },
  GINI: { zh: "基尼系数", en: "Gini coefficient" },
  THEIL: { zh: "泰尔指数", en: "Theil index" },
  MCLOONE: { zh: "麦克朗指数", en: "McLoone index" },
  VERSTEGEN: { zh: "维斯特根指数", en: "Verstegen index" },
  RANGERATIO: { zh: "联邦极差率", en: "Federal range ratio" },
  CLASSSHARE: { zh: "标准班额比例", en: "Standard class-size share" },
  BALANCE: { zh: "学校是否达到优质均衡标准", en: "School meets the 2017 rule" },
} as const satisfies Record<string, Bilingual>;
