/**
 * Named cells above the plan definition table: the period and the plan's names. Alone in this module
 * so the runtime's first bundle (the custom functions) can read the period without the layout.
 */
export const DEFINITION_NAMES = {
  baseYear: "PM_BaseYear",
  targetYear: "PM_TargetYear",
  name: "PM_PlanName",
  nameEn: "PM_PlanNameEn",
} as const;
