/** Text of the report sheet. */
import { YEAR_MARK_LABELS, type YearMark } from "../workbook/marks";
import type { Bilingual } from "../i18n";

/** A year's mark after a header: "（预计）", " (estimated)"; nothing for actual figures. */
export function markSuffix(mark: YearMark | undefined, language: "zh" | "en"): string {
  const label = mark ? YEAR_MARK_LABELS[mark] : undefined;
  if (!label) return "";
  return language === "zh" ? `（${label.zh}）` : ` (${label.en.toLowerCase()})`;
}

/** A year with its mark, as a column header: "2025（预计）". */
export function markedYear(year: number, mark: YearMark | undefined, language: "zh" | "en"): string {
  return `${year}${markSuffix(mark, language)}`;
}

/** The annual report sheet. */
export const reportText = {
  sheetName: (year: number): Bilingual => ({ zh: `${year}年度监测报告`, en: `${year} Monitoring Report` }),
  title: (year: number, kind: "annual" | "midterm" | "final"): Bilingual => ({
    zh: `${year}年度规划实施监测报告${kind === "midterm" ? "（中期评估）" : ""}`,
    en: `${year} plan implementation monitoring report${kind === "midterm" ? " (mid-term evaluation)" : ""}`,
  }),
  headerLine: (c: { withValue: number; invalid: number; total: number }, year: number): Bilingual => ({
    zh: `监测年度：${year}年\u3000数据完整度：${c.total} 项指标中 ${c.withValue} 项有有效数据${c.invalid ? `，${c.invalid} 项数据有误` : ""}，${c.total - c.withValue - c.invalid} 项无数据`,
    en: `Monitoring year: ${year}   Data completeness: ${c.withValue} of ${c.total} indicators have a valid value${c.invalid ? `, ${c.invalid} have invalid data` : ""}, ${c.total - c.withValue - c.invalid} have none`,
  }),
  /** How the sheet came about: below the print area, in grey (an official page carries only its content). */
  toolLine: (generatedAt: string, version: string): Bilingual => ({
    zh: `生成时间：${generatedAt}\u3000模板版本：${version}`,
    en: `Generated ${generatedAt}   Template version ${version}`,
  }),
  problems: { zh: "数据问题（须先更正，相关指标暂判为“数据有误”）", en: "Data problems (correct these first; the rows concerned are marked Invalid data)" },
  noProblems: { zh: "数据检查未发现错误。", en: "The data check found no errors." },
  noContradictions: { zh: "规划文本未发现内部不一致之处。", en: "No contradictions were found within the plan." },
  problemHeaders: { zh: ["工作表", "单元格", "编号", "问题及处理"], en: ["Sheet", "Cell", "ID", "Problem and fix"] },
  problemSummary: (n: number, cells: string): Bilingual => ({
    zh: `数据问题 ${n} 处（${cells}），相关指标判为“数据有误”，详见报告“数据问题”一节`,
    en: `${n} data problem(s) (${cells}); the rows concerned are marked Invalid data, see the report's Data problems section`,
  }),
  valuesNote: {
    zh: "本表为数值快照，不含公式，可在未安装加载项的电脑上打开和打印。",
    en: "Values only, no formulas: this sheet opens and prints without the add-in.",
  },
  overview: { zh: "综述", en: "Overview" },
  summary: { zh: "一、总体情况", en: "1. Summary" },
  group: { zh: "组别", en: "Group" },
  total: { zh: "合计", en: "Total" },
  indicators: { zh: "二、指标进度", en: "2. Indicators" },
  indicatorHeaders: {
    zh: ["编号", "组别", "指标", "学段", "基期值", "目标值", "本年实际", "序时进度值", "完成率", "时间进度", "差距", "状态", "说明"],
    en: ["ID", "Group", "Indicator", "Stage", "Baseline", "Target", "Actual", "Expected", "Completion", "Time elapsed", "Gap", "Status", "Note"],
  },
  misses: { zh: "三、需关注的指标和任务（数据有误、倒退、未实现、滞后，最严重的在前）", en: "3. Indicators and tasks needing attention (invalid data, regressing, missed, behind; worst first)" },
  missHeaders: {
    zh: ["编号", "指标", "状态", "本年实际", "序时进度值", "差距", "完成率", "时间进度"],
    en: ["ID", "Indicator", "Status", "Actual", "Expected", "Gap", "Completion", "Time elapsed"],
  },
  balance: { zh: "四、县域义务教育学校资源配置校际均衡", en: "4. Inter-school resource allocation (compulsory education)" },
  schools: (n: number): Bilingual => ({ zh: `（${n} 所学校，按在校生数加权）`, en: ` (${n} schools, weighted by enrolment)` }),
  /** Which year's schools data the section shows (§7a.7): never borrowed from another year silently. */
  schoolYear: (dataYear: number | null, reportYear: number): Bilingual =>
    dataYear === null
      ? { zh: "学校数据未注明数据年度（学校数据表的“数据年度”为空），以下结果的年度无法确认。", en: "The schools data names no data year (its Data year cell is blank): the year of the figures below cannot be confirmed." }
      : dataYear === reportYear
        ? { zh: `以下为 ${dataYear} 年学校数据。`, en: `Schools data of ${dataYear}.` }
        : { zh: `以下为 ${dataYear} 年学校数据，不是本报告年度（${reportYear} 年）的数据。`, en: `Schools data of ${dataYear}, not of this report's year (${reportYear}).` },
  /** The plan's bound in words: 低于 for a strict ＜, 不高于 for ≤ (控制上限). */
  balanceHeaders: (national: number, plan: { strict: boolean; value: number } | null): Bilingual[] => [
    { zh: "指标", en: "Indicator" },
    { zh: "差异系数", en: "Coefficient" },
    { zh: `国家标准 不高于${national.toFixed(2)}`, en: `National ≤${national.toFixed(2)}` },
    plan
      ? { zh: `规划目标 ${plan.strict ? "低于" : "不高于"}${plan.value.toFixed(2)}`, en: `Plan target ${plan.strict ? "<" : "≤"}${plan.value.toFixed(2)}` }
      : { zh: "规划目标 —", en: "Plan target —" },
  ],
  maxOfSeven: { zh: "七项最大值", en: "Largest of the seven" },
  noSchools: { zh: "无学校数据", en: "no school data" },
  /** The 2017 school rule over a stage's schools, as a clause: how many were judged, how many fail, how many could not be. */
  schoolRule: (schools: number, failing: number, incomplete: number): Bilingual => {
    if (schools === 0) return { zh: "本学段没有学校数据", en: "no schools of this stage in the schools table" };
    const judged = schools - incomplete;
    const gap = incomplete ? { zh: `，${incomplete} 所学校数据不全、未作判断`, en: `; ${incomplete} school(s) with incomplete figures not judged` } : { zh: "", en: "" };
    if (failing) return { zh: `${failing} 所学校未达到 2017 年校级标准${gap.zh}`, en: `${failing} school(s) fail the 2017 school rule${gap.en}` };
    if (!judged) return { zh: `${incomplete} 所学校数据均不全，未作 2017 年校级标准判断`, en: `none of the ${incomplete} school(s) has all figures: the 2017 school rule judged none` };
    const who = judged === 1 ? `the one school${incomplete ? " with all figures" : ""} meets` : `all ${judged} schools${incomplete ? " with all figures" : ""} meet`;
    return { zh: `${incomplete ? "有完整数据的 " : "全部 "}${judged} 所学校均达到 2017 年校级标准${gap.zh}`, en: `${who} the 2017 school rule${gap.en}` };
  },
  failingHeaders: { zh: ["学校", "达标项数", "未达标项"], en: ["School", "Indicators met", "Indicators missed"] },
  contradictions: { zh: "五、规划内部不一致之处", en: "5. Contradictions within the plan" },
  tasks: { zh: "六、第三章任务目标进展", en: "6. Chapter 3 task targets" },
  taskHeaders: { zh: ["编号", "任务", "目标", "已完成", "完成率", "口径", "状态"], en: ["ID", "Task", "Target", "Achieved", "Completion", "Basis", "Status"] },
  milestones: { zh: "七、里程碑任务", en: "7. Milestones" },
  recordedMismatch: (id: string, address: string): Bilingual => ({
    zh: `${id}（${address}）填写的数值与同年学校数据算出的不一致（填写值 / 计算值）：`,
    en: `${id} (${address}) differs from the same year's schools data (recorded / computed):`,
  }),
  milestoneHeaders: { zh: ["编号", "里程碑", "计划年度", "进展", "完成年度"], en: ["ID", "Milestone", "Planned year", "State", "Year done"] },
  chartTitle: { zh: "完成率与时间进度", en: "Completion against time elapsed" },
  chartHeaders: { zh: ["指标", "完成率", "时间进度"], en: ["Indicator", "Completion", "Time elapsed"] },
  funding: { zh: "八、教育经费（三个增长、两个只增不减、教师工资）", en: "8. Education funding (三个增长, 两个只增不减, teachers' pay)" },
  fundingHeaders: { zh: ["年度", "类别", "检查", "结论", "比较的数据"], en: ["Year", "Rule", "Check", "Verdict", "Figures compared"] },
  fundingCounts: (c: { met: number; notMet: number; noData: number; invalid: number }): Bilingual => ({
    zh: `共 ${c.met + c.notMet + c.noData + c.invalid} 项年度检查：落实 ${c.met} 项，未落实 ${c.notMet} 项，无数据 ${c.noData} 项${c.invalid ? `，数据有误 ${c.invalid} 项` : ""}。`,
    en: `${c.met + c.notMet + c.noData + c.invalid} yearly checks: ${c.met} met, ${c.notMet} not met, ${c.noData} without data${c.invalid ? `, ${c.invalid} with invalid data` : ""}.`,
  }),
  noFunding: { zh: "教育经费表尚无可比较的年度数据。", en: "The funding table has no years to compare yet." },
  building: { zh: "九、学校建设", en: "9. School building programme" },
  buildHeaders: {
    zh: ["分项", "规划（新建+改扩建）", "规划项目", "规划学位", "台账项目", "已实施（新建+改扩建）", "按分项计实施", "已交付学位", "逾期未完成", "逾期完成"],
    en: ["Part", "Plan (new + exp.)", "Plan projects", "Plan places", "Ledger projects", "Under way (new + exp.)", "Counted against the split", "Places in use", "Late, unfinished", "Finished late"],
  },
  splitNote: {
    zh: "按分项计实施：新建、改扩建分别计数，每类以规划数为限（多建的新建项目不能顶替规划的改扩建项目）；项目开工即计为实施，交付使用后才计入新增学位。",
    en: "Counted against the split: new schools and expansions are counted separately, each up to the plan's figure (an extra new school does not stand in for a planned expansion); a project counts as under way once started, its places only once in use.",
  },
  lateProjects: { zh: "逾期项目（计划竣工年度已过仍未完成，或完成晚于计划）：", en: "Late projects (past the planned completion year unfinished, or finished after it):" },
  noLateProjects: { zh: "没有逾期项目。", en: "No project is late." },
  lateHeaders: { zh: ["项目", "学段", "计划竣工年度", "实际竣工年度", "进展", "情况"], en: ["Project", "Stage", "Planned completion", "Actual completion", "State", "Lateness"] },
  lateKinds: { late: { zh: "逾期未完成", en: "Late, unfinished" }, finishedLate: { zh: "逾期完成", en: "Finished late" } },
  /** Beside the programme total's verdict: the plan's parts add up to another figure (§9). */
  partsSum: (n: number): Bilingual => ({ zh: `按分项合计 ${n} 个`, en: `${n} by the parts` }),
  ledgerProblems: (n: number): Bilingual => ({
    zh: `项目台账有 ${n} 处数据错误，相关行未计入汇总，建设类任务目标判为“数据有误”（见“数据问题”一节）。`,
    en: `The project ledger has ${n} data error(s); those rows are left out of the roll-up and the building task targets are marked Invalid data (see Data problems).`,
  }),
  emptyLedger: { zh: "项目台账尚无项目，建设类任务目标按任务表逐年填写的数值判定。", en: "The project ledger has no project yet: the building task targets are judged on the yearly figures in the task table." },
  footer: (pages: number) => ({ zh: `第 &P 页，共 ${pages} 页`, en: `Page &P of ${pages}` }),
  exists: (name: string): Bilingual => ({
    zh: `工作表“${name}”已存在。重新生成将替换该报告工作表（其他工作表不受影响）。`,
    en: `The sheet "${name}" exists. Regenerating replaces that report sheet (no other sheet is touched).`,
  }),
} as const;

/** The final evaluation (终期评估) sheet. */
export const finalText = {
  sheetName: (from: number, to: number): Bilingual => ({ zh: `${from}-${to}终期评估`, en: `${from}-${to} Final evaluation` }),
  title: (from: number, to: number): Bilingual => ({ zh: `${from}—${to}年规划实施终期评估报告`, en: `Final evaluation of the plan, ${from}–${to}` }),
  headerLine: (generatedAt: string, version: string, base: number, target: number): Bilingual => ({
    zh: `规划期：${base}年（基期）至${target}年（目标年）\u3000生成时间：${generatedAt}\u3000模板版本：${version}`,
    en: `Plan period: ${base} (base year) to ${target} (target year)   Generated ${generatedAt}   Template version ${version}`,
  }),
  verdictNote: {
    zh: "终期判定：目标年前已达到为“提前实现”（注明首次达到的年份），目标年达到为“已实现”，未达到为“未实现”；无数值为“无数据”，数据检查有错误为“数据有误”。趋势列以字符条表示逐年数值（基期值在前）。",
    en: "Final verdicts: reached before the target year is Reached early (with the year first reached), in it Reached, otherwise Missed; no value is No data, an error in the data check Invalid data. The trend column draws the yearly values as a bar string (baseline first).",
  },
  noteOfYear: (year: number, note: string): Bilingual => ({ zh: `${year}年：${note}`, en: `${year}: ${note}` }),
  /** The cover block: labels, and the cells the bureau fills. */
  cover: {
    plan: { zh: "规划名称", en: "Plan" },
    issuer: { zh: "印发单位", en: "Issued by" },
    evaluator: { zh: "评估单位", en: "Evaluated by" },
    date: { zh: "报告日期", en: "Date" },
  },
  evaluation: { zh: "一、评估工作开展情况", en: "1. How the evaluation was done" },
  achievements: { zh: "二、主要成效", en: "2. Main achievements" },
  summary: { zh: "主要指标完成情况（按组别）", en: "Main indicators by group" },
  problems: { zh: "三、存在问题及原因", en: "3. Shortfalls and their causes" },
  proposals: (next: Bilingual): Bilingual => ({ zh: `四、下一步建议（${next.zh}）`, en: `4. Next steps (${next.en})` }),
  ownText: { zh: "（以下由评估单位填写）", en: "(to be written by the evaluating body)" },
  shortfallHeaders: {
    zh: ["编号", "类别", "名称", "目标", "目标年实际", "差距", "终期判定", "原因说明（规划人员填写）"],
    en: ["ID", "Kind", "Name", "Target", "Target-year value", "Gap", "Final verdict", "Reasons (planners' notes)"],
  },
  rowKinds: { indicator: { zh: "主要指标", en: "Indicator" }, task: { zh: "任务目标", en: "Task" }, milestone: { zh: "里程碑", en: "Milestone" } },
  annex: (n: number, title: Bilingual): Bilingual => ({ zh: `附件${n}  ${title.zh}`, en: `Annex ${n}  ${title.en}` }),
  annexes: {
    indicators: { zh: "主要指标完成情况表", en: "Main indicators: yearly values and final verdicts" },
    tasks: { zh: "重点任务目标完成情况表", en: "Chapter 3 task targets" },
    building: { zh: "学校建设项目", en: "School building programme" },
    funding: { zh: "教育经费", en: "Education funding" },
    milestones: { zh: "里程碑任务完成情况", en: "Milestones delivered" },
    equity: { zh: "义务教育学校资源配置校际均衡历程", en: "School equity over the period" },
    contradictions: { zh: "规划内部不一致之处：按各种口径的结果", en: "The plan's contradictions: the figures against each reading" },
    problems: { zh: "数据问题", en: "Data problems" },
  },
  attribute: { zh: "属性", en: "Attribute" },
  remark: (id: string, text: string): Bilingual => ({ zh: `注：${id} 规划原文与分项不一致，${text}（见附件3）。`, en: `Note: ${id} as printed disagrees with its parts: ${text} (see Annex 3).` }),
  lineHeaders: (years: number[], marks: Readonly<Record<number, YearMark>> = {}) => ({
    zh: ["编号", "组别", "指标", "基期值", ...years.map((y) => markedYear(y, marks[y], "zh")), "目标值", "终期判定", "首次达到", "趋势"],
    en: ["ID", "Group", "Indicator", "Baseline", ...years.map((y) => markedYear(y, marks[y], "en")), "Target", "Final verdict", "First reached", "Trend"],
  }),
  taskHeaders: (years: number[], marks: Readonly<Record<number, YearMark>> = {}) => ({
    zh: ["编号", "章节", "任务", "基期值", ...years.map((y) => markedYear(y, marks[y], "zh")), "目标", "终期判定", "首次达到", "趋势"],
    en: ["ID", "Section", "Task", "Baseline", ...years.map((y) => markedYear(y, marks[y], "en")), "Target", "Final verdict", "First reached", "Trend"],
  }),
  /** Which years' figures are estimates or preliminary (§7a.6), for the top of a report; null when none. */
  marksLine: (marks: Readonly<Record<number, YearMark>>): Bilingual | null => {
    const years = Object.keys(marks).map(Number).sort((a, b) => a - b);
    if (!years.length) return null;
    return {
      zh: `其中 ${years.map((y) => `${y}年数据为${YEAR_MARK_LABELS[marks[y]!].zh}数`).join("，")}（见规划指标表“数据性质”一行），定稿前须以正式统计数据核实。`,
      en: `Of these, ${years.map((y) => `the ${y} figures are ${YEAR_MARK_LABELS[marks[y]!].en.toLowerCase()}`).join(", ")} (the Data status row of the indicator sheet): check them against the official statistics before the report is final.`,
    };
  },
  milestoneHeaders: { zh: ["编号", "章节", "里程碑", "计划年度", "进展", "完成年度", "终期判定"], en: ["ID", "Section", "Milestone", "Planned year", "State", "Year done", "Final verdict"] },
  /** ID, indicator, national standard; then the years; then plan target, final verdict, trend. */
  equityHeaders: {
    zh: ["编号", "指标", "国家标准", "规划目标", "终期判定", "趋势"],
    en: ["ID", "Indicator", "National", "Plan target", "Final verdict", "Trend"],
  },
  /** ID; then reading, its value, the outcome, met, and the row compared. */
  readingHeaders: { zh: ["序号", "原文口径", "口径数值", "实际结果", "是否达到", "对应编号"], en: ["No.", "Reading", "Value", "Outcome", "Met", "Row"] },
  baselineReading: { zh: "基期口径", en: "a baseline" },
  readingMet: (met: boolean | null): Bilingual =>
    met === null ? { zh: "—", en: "—" } : met ? { zh: "达到", en: "Met" } : { zh: "未达到", en: "Not met" },
  lineOf: (line: number, text: string): Bilingual => ({ zh: `第${line}行：“${text}”`, en: `line ${line}: "${text}"` }),
  counts: (c: Record<string, number>, total: number): Bilingual => {
    const late = c.reachedLate ?? 0;
    const reached = (c.reached ?? 0) + (c.reachedEarly ?? 0) + late;
    return {
      zh: `${total} 项：已实现 ${reached} 项（其中提前实现 ${c.reachedEarly ?? 0} 项${late ? `、逾期实现 ${late} 项` : ""}），未实现 ${c.missed ?? 0} 项，无数据 ${c.noData ?? 0} 项，数据有误 ${c.invalid ?? 0} 项。`,
      en: `${total}: ${reached} reached (${c.reachedEarly ?? 0} early${late ? `, ${late} late` : ""}), ${c.missed ?? 0} missed, ${c.noData ?? 0} without data, ${c.invalid ?? 0} with invalid data.`,
    };
  },
} as const;
