/** Examples a planner can copy, one per PLAN.* function; descriptions live in functions.ts JSDoc. */
import type { Bilingual } from "../core/i18n";

export interface FunctionReference {
  id: string;
  summary: Bilingual;
  example: string;
}

export const FUNCTION_REFERENCE: readonly FunctionReference[] = [
  { id: "PARSE", summary: { zh: "读取规划文本中的数值", en: "Number from plan-style text" }, example: '=PLAN.PARSE("19.62:1")' },
  { id: "GAP", summary: { zh: "距目标尚差多少", en: "Distance still to go" }, example: '=PLAN.GAP(18.5, "17:1", -1)' },
  { id: "EXPECTED", summary: { zh: "该年按进度应达到的值", en: "Value expected on the path" }, example: "=PLAN.EXPECTED(19.62, 17, 2023)" },
  { id: "PROGRESS", summary: { zh: "完成度", en: "Completion" }, example: "=PLAN.PROGRESS(19.62, 18.5, 17)" },
  { id: "STATUS", summary: { zh: "进度状态", en: "Status" }, example: "=PLAN.STATUS(19.62, 18.5, 17, 2023)" },
  { id: "PACE", summary: { zh: "增速进度比", en: "Growth pace ratio" }, example: "=PLAN.PACE(92.52%, 93%, 94%, 2023)" },
  { id: "CV", summary: { zh: "校际差异系数（按学生加权）", en: "Difference coefficient (student-weighted)" }, example: "=PLAN.CV(D2:D30, C2:C30)" },
  { id: "GINI", summary: { zh: "基尼系数", en: "Gini coefficient" }, example: "=PLAN.GINI(D2:D30, C2:C30)" },
  { id: "THEIL", summary: { zh: "泰尔指数", en: "Theil index" }, example: "=PLAN.THEIL(D2:D30, C2:C30)" },
  { id: "MCLOONE", summary: { zh: "麦克朗指数", en: "McLoone index" }, example: "=PLAN.MCLOONE(D2:D30, C2:C30)" },
  { id: "VERSTEGEN", summary: { zh: "维斯特根指数", en: "Verstegen index" }, example: "=PLAN.VERSTEGEN(D2:D30, C2:C30)" },
  { id: "RANGERATIO", summary: { zh: "联邦极差率", en: "Federal range ratio" }, example: "=PLAN.RANGERATIO(D2:D30, C2:C30)" },
  { id: "CLASSSHARE", summary: { zh: "标准班额比例", en: "Standard class-size share" }, example: '=PLAN.CLASSSHARE(F2:F40, "小学")' },
  { id: "BALANCE", summary: { zh: "学校是否达到优质均衡标准", en: "School meets the 2017 rule" }, example: '=PLAN.BALANCE(E2:K2, "小学")' },
];
