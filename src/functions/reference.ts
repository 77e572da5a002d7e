/** Examples a planner can copy, one per PLAN.* function; their one-line summaries are in i18n. */
import type { Bilingual } from "../core/i18n";

export interface FunctionReference {
  id: keyof typeof functionSummaries;
  example: string;
}

export const FUNCTION_REFERENCE: readonly FunctionReference[] = [
  { id: "PARSE", example: '=PLAN.PARSE("19.62:1")' },
  { id: "GAP", example: '=PLAN.GAP(18.5, "17:1", -1)' },
  { id: "EXPECTED", example: "=PLAN.EXPECTED(19.62, 17, 2023)" },
  { id: "PROGRESS", example: "=PLAN.PROGRESS(19.62, 18.5, 17)" },
  { id: "STATUS", example: "=PLAN.STATUS(19.62, 18.5, 17, 2023)" },
  { id: "MILESTONE", example: '=PLAN.MILESTONE("进行中", 2025, 2023)' },
  { id: "ACHIEVED", example: '=PLAN.ACHIEVED(J5:N5, "累计", 2023)' },
  { id: "PACE", example: "=PLAN.PACE(92.52%, 93%, 94%, 2023)" },
  { id: "DIFFCOEF", example: '=PLAN.DIFFCOEF(D2:D30, C2:C30, B2:B30, "小学")' },
  { id: "GINI", example: "=PLAN.GINI(D2:D30, C2:C30)" },
  { id: "THEIL", example: "=PLAN.THEIL(D2:D30, C2:C30)" },
  { id: "MCLOONE", example: "=PLAN.MCLOONE(D2:D30, C2:C30)" },
  { id: "VERSTEGEN", example: "=PLAN.VERSTEGEN(D2:D30, C2:C30)" },
  { id: "RANGERATIO", example: "=PLAN.RANGERATIO(D2:D30, C2:C30)" },
  { id: "CLASSSHARE", example: '=PLAN.CLASSSHARE(F2:F40, "小学")' },
  { id: "BALANCE", example: '=PLAN.BALANCE(E2:K2, "小学")' },
  { id: "GROWTH", example: "=PLAN.GROWTH(B4:B9, 2)" },
  { id: "GROWS", example: "=PLAN.GROWS(K4:O9, 2, F4:J9)" },
  { id: "NOFALL", example: "=PLAN.NOFALL(B4:B9)" },
  { id: "FASTER", example: "=PLAN.FASTER(C4:C9, D4:D9, 2)" },
  { id: "NOTBELOW", example: "=PLAN.NOTBELOW(U5, V5)" },
];

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
  GROWTH: { zh: "逐年增长率", en: "Year-over-year growth" },
  GROWS: { zh: "逐年增长检查（三个增长）", en: "Grows every year (三个增长)" },
  NOFALL: { zh: "只增不减检查", en: "Never falls (只增不减)" },
  FASTER: { zh: "增长快于（拨款与经常性收入）", en: "Grows faster than (appropriations vs revenue)" },
  NOTBELOW: { zh: "不低于（教师与公务员工资）", en: "At least (teachers' vs civil servants' pay)" },
} as const satisfies Record<string, Bilingual>;
