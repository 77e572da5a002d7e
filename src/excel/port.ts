/** The workbook port inside Excel: a snapshot in two round trips, the writes in one. */
import type { WorkbookPort } from "../usecases/port";
import { applyOps } from "./apply";
import { readSnapshot } from "./snapshot";

export function excelPort(context: Excel.RequestContext): WorkbookPort {
  return {
    read: () => readSnapshot(context),
    apply: async (ops) => {
      await applyOps(context, ops);
      return { skipped: [] };
    },
  };
}
