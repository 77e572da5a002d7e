/** Examples a planner can copy, one per PLAN.* function; their one-line summaries are in i18n. */
import { functionSummaries } from "../core/i18n";

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
];
