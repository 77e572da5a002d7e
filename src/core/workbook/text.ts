/** Text of the template inside a workbook: sheet names, prompts, alerts, insert and check messages. */
import { APP_NAME, type Bilingual } from "../i18n";
import { grouped, pct, plainNumber } from "../format";
import type { SchoolStage } from "../plan/schema";
import { PROJECT_STATE_LABELS, SCHOOL_STAGE_LABELS, type ProjectState } from "../calc/projects";

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
  directionPrompt: {
    zh: "请从列表选择：越高越好 / 越低越好 / 保持 / 控制上限。",
    en: "Choose from the list: Higher is better / Lower is better / Maintain / Upper limit.",
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
  fundingSheet: { zh: "教育经费", en: "Funding" },
  // The page within the sheet only: a viewer's total (&N) counts every sheet of the workbook in LibreOffice.
  pageFooter: { zh: "第 &P 页", en: "Page &P" },
  definitionSheet: { zh: "规划定义", en: "Plan definition" },
  definitionLine: {
    zh: "规划的定义：每个指标、任务目标、里程碑一行，基期值和目标值按规划原文填写（如 92.52、＜0.40、5–7个、每年至少15个）。修改后在任务窗格中点“应用规划定义”，按定义的规划期重建或升级各表，已填数据按编号保留。",
    en: "The plan as rows: one per indicator, task target or milestone, baselines and targets as printed (92.52, ＜0.40, 5–7个, 每年至少15个). After editing, choose Apply plan definition in the pane: the tables are rebuilt or upgraded for the defined period, keeping entered values by ID.",
  },
  baseYearLabel: { zh: "基期年 Base year", en: "Base year 基期年" },
  targetYearLabel: { zh: "目标年 Target year", en: "Target year 目标年" },
  planNameLabel: { zh: "规划名称 Plan name", en: "Plan name (Chinese) 规划名称" },
  planNameEnLabel: { zh: "英文名称 English name", en: "Plan name (English) 英文名称" },
  definitionKindPrompt: { zh: "请选择：指标 / 任务 / 里程碑。", en: "Choose: Indicator / Task / Milestone." },
  definitionKindError: { zh: "只能从列表中选择类别。", en: "Choose the kind from the list." },
  unitPrompt: {
    zh: "选择或填写规划印刷的单位：% 、比值、年、系数，或量词 个、所、项、人、名、万元、平方米 等。指标须用列表中的单位。",
    en: "Choose or type the unit the plan prints: %, ratio, years, coefficient, or a measure word (个, 所, 项, 人, 名, 万元, 平方米 …). Indicators need a unit from the list.",
  },
  unitError: {
    zh: "列表中没有这个单位。任务可以保留（按个数计）；指标请从列表中选择，否则应用定义时会报错。",
    en: "This unit is not in the list. A task may keep it (read as a count); for an indicator choose one from the list, or applying the definition reports it.",
  },
  attributePrompt: { zh: "规划表列出属性的，选择约束性或预期性；未列出的留空。", en: "Where the plan's table gives the attribute, choose Binding or Expected; otherwise leave blank." },
  attributeError: { zh: "只能选择约束性或预期性，或留空。", en: "Choose Binding or Expected, or leave blank." },
  projectSheet: { zh: "建设项目", en: "Projects" },
  buildSheet: { zh: "学校建设", en: "Building" },
  fundingLine: {
    zh: "每年一行，按统计口径填写（金额单位：万元；生均、工资单位：元）。右侧为自动计算的增长率与“三个增长”“两个只增不减”及教师工资检查：落实 / 未落实 / 无数据 / 数据有误。",
    en: "One row per year, as the statistics publish them (amounts in 10k yuan; per-student figures and pay in yuan). On the right: growth rates and the checks (三个增长, 两个只增不减, teachers' pay): Met / Not met / No data / Invalid data.",
  },
  projectLine: {
    zh: "每个新建、改扩建项目一行。竣工年度已过而未竣工的项目标为“逾期”。“学校建设”表按学段汇总，并为建设类任务目标提供完成数。",
    en: "One row per new or expanded school project. Projects past their completion year and not finished are marked Late. The Building sheet rolls them up by stage and feeds the building task targets.",
  },
  buildLine: (contradiction: Bilingual | null): Bilingual => ({
    zh: `台账按学段、类型汇总，与规划分项对照（至监测年度）。${contradiction ? `注意：${contradiction.zh}` : ""}`,
    en: `The ledger rolled up by stage and kind against the plan's parts, as of the monitoring year.${contradiction ? ` Note: ${contradiction.en}` : ""}`,
  }),
  fundingAmountPrompt: { zh: "金额（万元），不小于 0。", en: "An amount in 10k yuan, 0 or more." },
  appropriationPrompt: {
    zh: "财政教育拨款（万元）。未单独统计时留空，检查将以一般公共预算教育支出代替。",
    en: "Education appropriations in 10k yuan. Leave blank where they are not kept apart: the check then uses the budget education spending.",
  },
  enrolmentCountPrompt: { zh: "在校生人数（不小于 0 的整数；没有该学段填 0）。", en: "Students enrolled (a whole number, 0 where the district has no such school)." },
  perStudentPrompt: { zh: "生均金额（元），不小于 0。", en: "An amount per student in yuan, 0 or more." },
  payPrompt: { zh: "年平均工资（元），不小于 0。", en: "Average yearly pay in yuan, 0 or more." },
  projectStagePrompt: { zh: "请选择学段：学前 / 小学 / 初中 / 普通高中 / 中职。", en: "Choose the stage: Pre-school / Primary / Junior secondary / Senior secondary / Vocational." },
  projectStageError: { zh: "只能从列表中选择学段。", en: "Choose the stage from the list." },
  projectKindPrompt: { zh: "请选择：新建 / 改扩建。", en: "Choose: New / Expansion." },
  projectKindError: { zh: "只能从列表中选择类型。", en: "Choose the kind from the list." },
  projectStatePrompt: { zh: "请选择：未开工 / 在建 / 已竣工 / 已交付使用。", en: "Choose: Not started / Under construction / Completed / In use." },
  projectStateError: { zh: "只能从列表中选择进展。", en: "Choose the state from the list." },
  startYearPrompt: { zh: "开工年份（已开工或计划开工）。", en: "The year work starts (or started)." },
  completionYearPrompt: { zh: "规划安排的竣工年份（实际完成后也不要改，实际年份填在“实际竣工年度”）。", en: "The year the programme set for completion (keep it when the project is finished; the real year goes in Actual completion year)." },
  actualYearPrompt: { zh: "实际竣工（或交付使用）的年份；尚未完成的留空。", en: "The year it was really completed (or put in use); leave blank until it is." },
  projectYearError: (from: number, to: number): Bilingual => ({ zh: `请填写 ${from} 到 ${to} 之间的年份。`, en: `Enter a year from ${from} to ${to}.` }),
} as const;

/** The funding checks and the figures they compare (domain notes §8). */
export const fundingText = {
  checks: {
    appropriation: { zh: "财政教育拨款增长高于财政经常性收入增长", en: "Education appropriations grow faster than regular fiscal revenue" },
    spending: { zh: "生均教育经费逐年增长（各学段）", en: "Spending per student grows (each stage)" },
    publicFunds: { zh: "生均公用经费逐年增长（各学段）", en: "Public funds per student grow (each stage)" },
    teacherPay: { zh: "教师工资逐年增长", en: "Teachers' pay grows" },
    budget: { zh: "一般公共预算教育支出只增不减", en: "Budget education spending never falls" },
    perStudent: { zh: "按在校生平均的一般公共预算教育支出只增不减", en: "Budget education spending per student never falls" },
    payParity: { zh: "义务教育教师平均工资不低于当地公务员", en: "Compulsory-school teachers paid at least as local civil servants" },
  } satisfies Record<string, Bilingual>,
  groups: {
    threeGrowths: { zh: "三个增长", en: "Three growths (education law)" },
    twoNoFalls: { zh: "两个只增不减", en: "Two never-falls (国办发〔2018〕82号)" },
    pay: { zh: "教师工资", en: "Teachers' pay" },
  },
  appropriationGrowth: { zh: "拨款增长", en: "appropriations" },
  revenueGrowth: { zh: "经常性收入增长", en: "regular revenue" },
  budgetGrowth: { zh: "预算教育支出增长", en: "budget spending" },
  perStudentGrowth: { zh: "生均预算支出增长", en: "budget spending per student" },
  teacherPayGrowth: { zh: "教师工资增长", en: "teachers' pay" },
  teacherPay: { zh: "教师年均工资", en: "teachers' average pay" },
  civilPay: { zh: "公务员年均工资", en: "civil servants' average pay" },
  stageGrowth: (stage: SchoolStage): Bilingual => SCHOOL_STAGE_LABELS[stage],
};

/** Problems of a plan definition (规划定义), each naming its cell. */
export const definitionMessages = {
  missingName: (name: string, where: string): Bilingual => ({
    zh: `工作簿中找不到名称 ${name}（应指向 ${where}），可能已被删除。请点击“插入模板”恢复该名称（已填写的内容不会改变），再应用规划定义。`,
    en: `The workbook has no name ${name} (it should point at ${where}); it may have been deleted. Click Insert template to restore it (nothing typed is changed), then apply the definition again.`,
  }),
  year: (where: string, text: string): Bilingual => ({
    zh: `${where}：“${text}”不是年份。请填写四位年份，如 2025。`,
    en: `${where}: "${text}" is not a year. Enter a four-digit year such as 2025.`,
  }),
  periodOrder: (where: string, target: number, base: number): Bilingual => ({
    zh: `${where}：目标年 ${target} 不晚于基期年 ${base}。目标年须晚于基期年，如基期年 2025、目标年 2030。`,
    en: `${where}: the target year ${target} is not after the base year ${base}. It must come later, e.g. base year 2025, target year 2030.`,
  }),
  kind: (where: string, text: string): Bilingual => ({
    zh: `${where}：类别“${text}”无法识别。请从列表中选择：指标 / 任务 / 里程碑。`,
    en: `${where}: the kind "${text}" is not known. Choose Indicator, Task or Milestone from the list.`,
  }),
  missing: (where: string, id: string): Bilingual => ({
    zh: `${where}：${id} 此项未填写。请补上。`,
    en: `${where}: ${id} has this blank. Fill it in.`,
  }),
  unit: (where: string, text: string, choices: string): Bilingual => ({
    zh: `${where}：单位“${text}”无法识别。请填写：${choices}（毛入学率等可超过 100% 的填写“%（毛率）”，巩固率填写“%（巩固率）”）。`,
    en: `${where}: the unit "${text}" is not known. Use one of: ${choices} (gross ratios that may exceed 100%: "% (gross)"; retention rates: "% (cohort)").`,
  }),
  direction: (where: string, text: string, choices: string): Bilingual => ({
    zh: `${where}：方向“${text}”无法识别。请填写：${choices}。`,
    en: `${where}: the direction "${text}" is not known. Use one of: ${choices}.`,
  }),
  attribute: (where: string, text: string): Bilingual => ({
    zh: `${where}：属性“${text}”无法识别。请填写约束性或预期性，或留空。`,
    en: `${where}: the attribute "${text}" is not known. Use Binding or Expected, or leave it blank.`,
  }),
  stage: (where: string, text: string): Bilingual => ({
    zh: `${where}：学段“${text}”无法识别。请填写小学、初中、高中，或留空。`,
    en: `${where}: the stage "${text}" is not known. Use Primary, Junior secondary, Senior secondary, or leave it blank.`,
  }),
  figure: (where: string, text: string, blank: boolean): Bilingual =>
    blank
      ? { zh: `${where}：此处须填写数值（按规划原文，如 92.52、＜0.40、5–7个）。`, en: `${where}: a figure belongs here (as printed, e.g. 92.52, ＜0.40, 5–7个).` }
      : {
          zh: `${where}：“${text}”不是数值，无法作为基期值或目标值。请按规划原文填写数值，如 92.52、＜0.40、1100人左右、5–7个。`,
          en: `${where}: "${text}" is no figure, so it cannot be a baseline or target. Enter the figure as printed, e.g. 92.52, ＜0.40, 1100人左右, 5–7个.`,
        },
  ambiguousPercent: (where: string, text: string): Bilingual => ({
    zh: `${where}：百分比行中的“${text}”会被读作 ${text}%。如指 ${plainNumber(Number(text) * 100)}%，请填写“${plainNumber(Number(text) * 100)}”或“${plainNumber(Number(text) * 100)}%”。`,
    en: `${where}: "${text}" in a percent row reads as ${text}%. If you mean ${plainNumber(Number(text) * 100)}%, enter "${plainNumber(Number(text) * 100)}" or "${plainNumber(Number(text) * 100)}%".`,
  }),
  taskPeriod: (where: string, text: string, from: number, to: number): Bilingual => ({
    zh: `${where}：期间“${text}”超出规划期 ${from}–${to}。`,
    en: `${where}: the period "${text}" falls outside the plan period ${from}–${to}.`,
  }),
  plannedYear: (where: string, text: string): Bilingual => ({
    zh: `${where}：里程碑须填写计划完成的年份（“${text}”不是年份）。`,
    en: `${where}: a milestone needs the year it is planned for ("${text}" is not a year).`,
  }),
  carried: (from: number): Bilingual => ({ zh: `沿用上期 ${from} 年终值，可修改`, en: `Carried over from ${from}, the previous plan's final value; editable` }),
  none: { zh: "工作簿中没有“规划定义”表（PM_Plan）。请先插入模板。", en: "The workbook has no plan definition table (PM_Plan). Insert the template first." },
  movePeriods: (n: number, from: string, to: string, sample: string): Bilingual => ({
    zh: `规划期已由 ${from} 改为 ${to}：有 ${n} 行任务或里程碑的期间沿用旧规划期（${sample}）。可一并改为新规划期中的对应年份（旧目标年改为新目标年，其余年份随起始年平移），尚未做任何修改。`,
    en: `The plan period changed from ${from} to ${to}: ${n} task or milestone row(s) keep years of the old period (${sample}). They can all move to the matching years of the new period (the old target year becomes the new one, other years move with the start); nothing has been changed yet.`,
  }),
  invalid: (n: number, cells: string): Bilingual => ({
    zh: `规划定义有 ${n} 处问题（${cells}），未做任何修改。请按提示更正后重新应用。`,
    en: `The plan definition has ${n} problem(s) (${cells}); nothing was changed. Correct them and apply again.`,
  }),
};

/** Messages of the template insert / upgrade. */
export const insertMessages = {
  protectedByPlanner: (sheet: string): Bilingual => ({
    zh: `工作表“${sheet}”已被保护（不是规划监测助手设置的保护），本次操作未做任何修改。请在 审阅 › 撤销工作表保护 中取消保护（如设有密码需输入密码）后重试，或在任务窗格中用“保护模板工作表”统一管理保护。`,
    en: `The sheet "${sheet}" is protected, and not by Plan Monitor, so nothing was changed. Unprotect it under Review › Unprotect Sheet (with its password, if it has one) and try again, or let the pane's protection switch manage protection.`,
  }),
  missingKeyColumn: (table: string, sheet: string, header: string): Bilingual => ({
    zh: `工作表“${sheet}”中的表格 ${table} 缺少列“${header}”，无法按行匹配：请恢复该列标题后再插入模板。未写入任何内容。`,
    en: `Table ${table} on sheet "${sheet}" has no column "${header}", so rows cannot be matched: restore that header, then insert again. Nothing was written.`,
  }),
  validationTitle: APP_NAME,
  yearPrompt: (first: number, last: number): Bilingual => ({
    zh: `选择监测年份（${first}–${last}），各指标的预期值、完成度和状态随之更新。`,
    en: `Choose the monitoring year (${first}–${last}); expected values, completion and statuses follow it.`,
  }),
  yearMarksLabel: { zh: "数据性质 →", en: "Data status →" },
  yearMarksPrompt: (year: number): Bilingual => ({
    zh: `${year} 年数据的性质：留空（或选“实际”）为实际数；尚未最终确定时选“预计”或“初步”，报告和终期评估会注明。`,
    en: `What the ${year} figures are: blank (or Actual) for actual figures; Estimated or Preliminary while not final, which reports and the final evaluation say.`,
  }),
  yearMarksError: {
    zh: "请从列表中选择：实际、预计或初步（或留空）。",
    en: "Pick from the list: Actual, Estimated or Preliminary (or leave it blank).",
  },
  yearError: (first: number, last: number): Bilingual => ({
    zh: `监测年份须在 ${first} 至 ${last} 之间。`,
    en: `The monitoring year must be between ${first} and ${last}.`,
  }),
} as const;

/** An amount as finance staff read it: 2,290,000; a small figure (a rate typed by mistake) as it is. */
const amount = (n: number) => (Math.abs(n) >= 1000 && Number.isInteger(n) ? grouped(n) : plainNumber(n));

/** Messages of validation on demand; each names the cell and the fix. */
export const checkMessages = {
  fundingYear: (where: string, expected: number, found: string): Bilingual => ({
    zh: `${where}：此处应为 ${expected} 年（教育经费表每年一行，按年份从早到晚排列），现为“${found}”。请改回年份顺序，增长率按上一行计算。`,
    en: `${where}: this row should be the year ${expected} (the funding table has one row per year, earliest first), but it says "${found}". Restore the order: growth is computed from the row above.`,
  }),
  unknownChoice: (where: string, text: string, choices: string): Bilingual => ({
    zh: `${where}：“${text}”不在可选项中。请从下拉列表选择：${choices}。`,
    en: `${where}: "${text}" is not one of the choices. Pick one from the list: ${choices}.`,
  }),
  missingChoice: (where: string, project: string): Bilingual => ({
    zh: `${where}：项目“${project}”未填写此项，汇总时不计入。请从下拉列表选择。`,
    en: `${where}: the project "${project}" has this blank, so the roll-up leaves it out. Pick one from the list.`,
  }),
  projectYear: (where: string, v: number): Bilingual => ({
    zh: `${where}：${plainNumber(v)} 不是有效年份。请填写四位年份，如 2022。`,
    en: `${where}: ${plainNumber(v)} is not a year. Enter a four-digit year such as 2022.`,
  }),
  actualYearMissing: (where: string, state: ProjectState): Bilingual => ({
    zh: `${where}：项目进展为“${PROJECT_STATE_LABELS[state].zh}”，但实际竣工年度为空${state === "inUse" ? "，其学位不计入已交付学位" : ""}。请填写实际竣工（交付使用）的年份。`,
    en: `${where}: the project is "${PROJECT_STATE_LABELS[state].en}" but its actual completion year is blank${state === "inUse" ? ", so its places are not counted as in use" : ""}. Enter the year it was completed (or put in use).`,
  }),
  actualYearUnfinished: (where: string, year: number, state: ProjectState): Bilingual => ({
    zh: `${where}：已填实际竣工年度 ${year}，但项目进展仍为“${PROJECT_STATE_LABELS[state].zh}”。已完成的请把进展改为“已竣工”或“已交付使用”；未完成的请清空实际竣工年度。`,
    en: `${where}: an actual completion year ${year} is entered but the state is still "${PROJECT_STATE_LABELS[state].en}". If it is finished, set the state to Completed or In use; if not, clear the actual year.`,
  }),
  completionBeforeStart: (where: string, completion: number, start: number): Bilingual => ({
    zh: `${where}：竣工年度 ${completion} 早于开工年度 ${start}。请核对。`,
    en: `${where}: completion year ${completion} is before the start year ${start}. Check both.`,
  }),
  spentOverPlanned: (where: string, spent: number, planned: number): Bilingual => ({
    zh: `${where}：已完成投资 ${plainNumber(spent)} 万元超过计划投资 ${plainNumber(planned)} 万元。如已追加投资请在说明中注明。`,
    en: `${where}: investment spent (${plainNumber(spent)}) exceeds the planned ${plainNumber(planned)} (10k yuan). If the budget was raised, say so in the note.`,
  }),
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
  band: (where: string, text: string): Bilingual => ({
    zh: `${where}：左右幅度“${text}”不是 0% 到 99% 之间的比例，无法据此判断是否达到目标。请填写如 5% 的比例，或留空（按 5% 计）。`,
    en: `${where}: the band "${text}" is not a share from 0% to 99%, so the target cannot be judged with it. Enter a share such as 5%, or leave it blank (5%).`,
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
    zh: `${where}：${pct(v)} 超过 100%，而该指标不可能超过 100%（只有毛入园率、毛入学率等毛率和巩固率可以）。请核对数据。`,
    en: `${where}: ${pct(v)} exceeds 100%, which this indicator cannot (only gross ratios such as gross enrolment, and retention rates, can). Check the figure.`,
  }),
  cohortOver100: (where: string, v: number, note: string): Bilingual => ({
    zh: `${where}：巩固率 ${pct(v)} 超过 100%。巩固率以同一批学生入学时的人数为分母，外地学生转入时可以超过 100%；请核对，并在“${note.split(" ")[0]} ${note.split(" ")[1]}”栏写明原因（如转入人数）。`,
    en: `${where}: the retention rate ${pct(v)} exceeds 100%. It divides this year's pupils by the same cohort at entry, so pupils moving in can push it past 100%; check it, and give the reason (such as the number who moved in) in the "${note}" column.`,
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
  duplicateProject: (where: string, name: string, first: string): Bilingual => ({
    zh: `${where}：项目“${name}”与 ${first} 同名，像是重复录入，会被重复计入项目数和学位数。请删除重复行；若确为两个项目，请改用能区分的名称（如“一期”“二期”）。`,
    en: `${where}: the project "${name}" has the same name as ${first}; it looks entered twice and would be counted twice in projects and places. Delete the duplicate, or give two real projects names that tell them apart (e.g. "phase 1", "phase 2").`,
  }),
  similarProject: (where: string, first: string): Bilingual => ({
    zh: `${where}：该项目的学段、类型、计划学位和竣工年度与 ${first} 完全相同，请确认不是重复录入。`,
    en: `${where}: this project has the same stage, kind, planned places and completion year as ${first}. Make sure it is not entered twice.`,
  }),
  fundingSlip: (where: string, v: number, neighbour: number, year: string): Bilingual => ({
    zh: `${where}：${amount(v)} 与 ${year} 年的 ${amount(neighbour)} 相差上千倍，像是单位填错（元与万元）或把增长率、百分比填进了金额栏。请按本栏单位填写金额。`,
    en: `${where}: ${amount(v)} is over 1,000 times off ${amount(neighbour)} in ${year}: likely a unit slip (yuan for 10k yuan) or a rate or percentage typed into an amount. Enter the amount in this column's unit.`,
  }),
  fundingJump: (where: string, v: number, previous: number, year: string): Bilingual => ({
    zh: `${where}：${amount(v)} 比 ${year} 年的 ${amount(previous)} 变化超过 50%，请核对数据或在说明中注明原因。`,
    en: `${where}: ${amount(v)} changed by more than 50% from ${amount(previous)} in ${year}. Check the figure or explain it in the note.`,
  }),
  milestoneStandard: (where: string, year: number, misses: ReadonlyArray<{ name: Bilingual; value: string; rule: Bilingual }>): Bilingual => ({
    zh: `${where}：标为已完成（${year}年），但${year}年${misses.map((m) => `${m.name.zh}为 ${m.value}（要求${m.rule.zh}）`).join("；")}。请核实进展，或在说明栏注明依据。`,
    en: `${where}: marked done in ${year}, but in ${year} ${misses.map((m) => `${m.name.en} is ${m.value} (it needs ${m.rule.en})`).join("; ")}. Check the state, or give the grounds in the note.`,
  }),
  yearMark: (where: string, text: string, year: number): Bilingual => ({
    zh: `${where}：“${text}”不是数据性质。${year} 年的数据请选“实际”（或留空）、“预计”或“初步”。`,
    en: `${where}: "${text}" is not a data status. For ${year}, pick Actual (or leave it blank), Estimated or Preliminary.`,
  }),
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
  missingProject: (where: string): Bilingual => ({
    zh: `${where}：该行有数据但没有项目名称。请填写项目名称。`,
    en: `${where}: this row has data but no project name. Enter the project's name.`,
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

/** The progress view's verdict when nothing is flagged (pane and report). */
export const flagText = {
  noMisses: { zh: "本年度没有数据有误、倒退、未实现或滞后的指标和任务。", en: "No indicator or task has invalid data, regresses, misses or lags this year." },
} as const satisfies Record<string, Bilingual>;
