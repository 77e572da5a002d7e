/**
 * How the pane reaches Excel: one function that runs a use case on a workbook port inside an Excel
 * batch. The pane never touches the Excel API itself, so component tests hand it a double instead.
 */
import { excelPort } from "../excel/port";
import type { WorkbookPort } from "../usecases/port";
import type { FormulaDialect } from "../core/workbook/portable";

export interface PaneHost {
  run<T>(action: (port: WorkbookPort) => Promise<T>): Promise<T>;
  /**
   * How the live columns are written when the template goes in: PLAN.* inside Excel with the add-in
   * (the default), built-in functions only where the workbook is taken elsewhere (the offline page).
   */
  formulas?: FormulaDialect;
}

export const officeHost: PaneHost = {
  run: (action) => Excel.run((context) => action(excelPort(context))),
};
