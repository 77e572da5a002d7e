/** Messages of the ribbon commands, shown in the pane. */
import type { Bilingual } from "../core/i18n";

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
