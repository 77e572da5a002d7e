/** The workbook port on an .xlsx file held by exceljs: the same snapshot and operations as in Excel. */
import type ExcelJS from "exceljs";
import type { WorkbookPort } from "../usecases/port";
import { applyToWorkbook } from "./apply";
import { snapshotFromWorkbook } from "./snapshot";

export function xlsxPort(wb: ExcelJS.Workbook): WorkbookPort {
  return {
    read: async () => snapshotFromWorkbook(wb),
    apply: (ops) => applyToWorkbook(wb, ops),
  };
}
