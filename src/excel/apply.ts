/**
 * Executing write operations planned by the core: every operation is queued, then one
 * `context.sync()` sends them all. Decides nothing; whole blocks, never cell-by-cell loops.
 */
import type { ValidationSpec } from "../core/workbook/layout";
import type { WriteOp } from "../core/workbook/model";

function rule(spec: ValidationSpec): Excel.DataValidationRule {
  switch (spec.kind) {
    case "list":
      return { list: { inCellDropDown: true, source: spec.options.join(",") } };
    case "whole":
      return { wholeNumber: { formula1: spec.min, operator: Excel.DataValidationOperator.greaterThanOrEqualTo } };
    case "decimal":
      return spec.max === undefined
        ? { decimal: { formula1: spec.min, operator: Excel.DataValidationOperator.greaterThanOrEqualTo } }
        : { decimal: { formula1: spec.min, formula2: spec.max, operator: Excel.DataValidationOperator.between } };
    case "custom":
      return { custom: { formula: spec.formula } };
  }
}

/** Queues the operations on `context` (no sync). */
export function queueOps(context: Excel.RequestContext, ops: readonly WriteOp[]): void {
  const wb = context.workbook;
  const sheet = (name: string) => wb.worksheets.getItem(name);
  for (const op of ops) {
    switch (op.op) {
      case "addSheet": {
        const ws = wb.worksheets.add(op.sheet);
        if (op.veryHidden) ws.visibility = Excel.SheetVisibility.veryHidden;
        break;
      }
      case "deleteSheet":
        sheet(op.sheet).delete();
        break;
      case "dataBar": {
        const cf = sheet(op.sheet).getRange(op.address).conditionalFormats.add(Excel.ConditionalFormatType.dataBar);
        cf.dataBar.lowerBoundRule = { type: Excel.ConditionalFormatRuleType.number, formula: "0" };
        cf.dataBar.upperBoundRule = { type: Excel.ConditionalFormatRuleType.number, formula: "1" };
        cf.dataBar.positiveFormat.fillColor = op.color;
        cf.dataBar.positiveFormat.gradientFill = false;
        break;
      }
      case "chart": {
        const ws = sheet(op.sheet);
        const chart = ws.charts.add(Excel.ChartType.barClustered, ws.getRange(op.dataAddress), Excel.ChartSeriesBy.columns);
        chart.title.text = op.title;
        // The IDs stand at the plot's left edge, not at zero: a negative completion's bar would cover them.
        chart.axes.categoryAxis.tickLabelPosition = Excel.ChartAxisTickLabelPosition.low;
        chart.setPosition(op.anchor, op.bottomRight);
        break;
      }
      case "pageLayout": {
        const layout = sheet(op.sheet).pageLayout;
        layout.orientation = Excel.PageOrientation.landscape;
        layout.paperSize = Excel.PaperType.a4;
        // Both fit values: one page wide, as many pages tall as needed (0), or Excel may ignore the fit (excel.md: print).
        layout.zoom = op.scale ? { scale: op.scale } : { horizontalFitToPages: 1, verticalFitToPages: 0 };
        layout.firstPageNumber = 1;
        layout.setPrintTitleRows(op.titleRows);
        if (op.titleColumns) layout.setPrintTitleColumns(op.titleColumns);
        layout.headersFooters.defaultForAllPages.centerHeader = op.header;
        layout.headersFooters.defaultForAllPages.centerFooter = op.footer;
        if (op.printArea) layout.setPrintArea(op.printArea);
        if (op.gridlines === false) sheet(op.sheet).showGridlines = false;
        break;
      }
      case "rowHeight":
        sheet(op.sheet).getRange(op.address).format.rowHeight = op.points;
        break;
      case "pageBreak":
        sheet(op.sheet).horizontalPageBreaks.add(op.address);
        break;
      case "freeze":
        sheet(op.sheet).freezePanes.freezeAt(op.address);
        break;
      case "unprotect":
        sheet(op.sheet).protection.unprotect();
        break;
      case "protect":
        sheet(op.sheet).protection.protect({
          allowAutoFilter: true,
          allowSort: true,
          allowFormatColumns: true,
          allowFormatRows: true,
        });
        break;
      case "setCells":
        sheet(op.sheet).getRange(op.address).formulas = op.formulas as unknown[][];
        break;
      case "createTable":
        sheet(op.sheet).tables.add(op.address, true).name = op.name;
        break;
      case "addTableRows":
        wb.tables.getItem(op.table).rows.add(undefined, op.rows.map((r) => r.map((c) => c ?? "")));
        break;
      case "addTableColumn":
        wb.tables.getItem(op.table).columns.add(undefined, undefined, op.header);
        break;
      case "renameTableColumn":
        wb.tables.getItem(op.table).columns.getItem(op.from).name = op.to;
        break;
      case "format": {
        const range = sheet(op.sheet).getRange(op.address);
        if (op.numberFormat) range.numberFormat = op.numberFormat;
        if (op.fill === null) range.format.fill.clear();
        else if (op.fill !== undefined) range.format.fill.color = op.fill;
        if (op.italic !== undefined) range.format.font.italic = op.italic;
        if (op.bold !== undefined) range.format.font.bold = op.bold;
        if (op.fontColor !== undefined) range.format.font.color = op.fontColor;
        if (op.locked !== undefined) range.format.protection.locked = op.locked;
        if (op.wrap !== undefined) range.format.wrapText = op.wrap;
        if (op.size !== undefined) range.format.font.size = op.size;
        if (op.fontName !== undefined) range.format.font.name = op.fontName;
        if (op.align !== undefined) range.format.horizontalAlignment = op.align === "right" ? Excel.HorizontalAlignment.right : Excel.HorizontalAlignment.left;
        if (op.valign !== undefined) range.format.verticalAlignment = Excel.VerticalAlignment.top;
        break;
      }
      case "merge": {
        const range = sheet(op.sheet).getRange(op.address);
        range.merge(false);
        range.format.rowHeight = op.rowHeight;
        break;
      }
      case "columnWidth":
        sheet(op.sheet).getRange(op.address).format.columnWidth = op.points;
        break;
      case "validation": {
        const dv = sheet(op.sheet).getRange(op.address).dataValidation;
        dv.clear();
        dv.rule = rule(op.rule);
        dv.prompt = { showPrompt: true, title: op.title, message: op.prompt };
        // A suggesting list warns and lets other text stand; every other rule refuses a wrong entry.
        const style = op.rule.kind === "list" && op.rule.suggest ? Excel.DataValidationAlertStyle.warning : Excel.DataValidationAlertStyle.stop;
        dv.errorAlert = { showAlert: true, style, title: op.title, message: op.error };
        break;
      }
      case "clearConditionalFormats":
        sheet(op.sheet).getRange(op.address).conditionalFormats.clearAll();
        break;
      case "conditionalFormat": {
        const cf = sheet(op.sheet).getRange(op.address).conditionalFormats.add(Excel.ConditionalFormatType.custom);
        cf.custom.rule.formula = op.formula;
        cf.custom.format.fill.color = op.fill;
        cf.custom.format.font.color = op.fontColor;
        break;
      }
      case "name":
        wb.names.add(op.name, sheet(op.sheet).getRange(op.address));
        break;
      case "results":
        break; // Excel calculates every formula itself
      case "clearFilters":
        wb.tables.getItem(op.table).autoFilter.clearCriteria();
        break;
      case "restoreFilters": {
        const table = wb.tables.getItem(op.table);
        op.criteria.forEach((c, i) => {
          if (c && (c as Excel.FilterCriteria).filterOn) table.autoFilter.apply(table.getRange(), i, c as Excel.FilterCriteria);
        });
        break;
      }
      case "deleteName":
        wb.names.getItem(op.name).delete();
        break;
      case "select": {
        const ws = sheet(op.sheet);
        ws.activate();
        ws.getRange(op.address).select();
        break;
      }
    }
  }
}

/**
 * Queues the operations and sends them in one round trip. When they unprotect sheets, the writes
 * go in a batch of their own and the sheets are protected again in a final batch whatever happened:
 * a failing command rejects its batch with the commands before it applied (excel.md: batches), and
 * a sheet must never be left unprotected by a failed write.
 */
export async function applyOps(context: Excel.RequestContext, ops: readonly WriteOp[]): Promise<void> {
  const unprotect = ops.filter((o) => o.op === "unprotect");
  if (!unprotect.length) {
    queueOps(context, ops);
    await context.sync();
    return;
  }
  const protect = ops.filter((o) => o.op === "protect");
  queueOps(context, unprotect);
  await context.sync();
  try {
    queueOps(context, ops.filter((o) => o.op !== "unprotect" && o.op !== "protect"));
    await context.sync();
  } finally {
    queueOps(context, protect);
    await context.sync();
  }
}
