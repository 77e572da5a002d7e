/**
 * One engine, two hosts (issue 11): the same use cases run through the Office.js adapter (against
 * the Excel double) and the exceljs adapter (on a real .xlsx) and give identical findings and
 * identical report models — bad inputs included.
 */
import ExcelJS from "exceljs";
import { FakeContext, FakeWorkbookData, installExcelEnums } from "./excel/fake-excel";
import { excelPort } from "../src/excel/port";
import { xlsxPort } from "../src/xlsx/port";
import { buildDemo } from "../src/usecases/demo";
import { generateReport } from "../src/usecases/report";
import { validateWorkbook } from "../src/usecases/workbook";
import type { WorkbookPort } from "../src/usecases/port";
import { IH, TABLES, yearHeader } from "../src/core/workbook/layout";

beforeAll(installExcelEnums);
const NOW = new Date(2026, 10, 30, 8, 40);

/** The same planner edits, typed through each host's own API. */
interface Edits {
  type(address: string, value: unknown): void;
  merge(address: string): void;
  addressOf(id: string, header: string): string;
}

const BAD: Array<[string, unknown]> = [
  ["LOC-05-JUN", 98.5],
  ["INT-06", "九十二"],
  ["INT-05-PRI", "#REF!"],
  ["LOC-03-PRI", "92.52%"],
];

function edit(e: Edits) {
  for (const [id, value] of BAD) e.type(e.addressOf(id, yearHeader(2023)), value);
  e.merge(`${e.addressOf("LOC-08", yearHeader(2023))}:${e.addressOf("LOC-09", yearHeader(2023))}`);
}

async function viaOffice() {
  const data = new FakeWorkbookData();
  const port = (): WorkbookPort => excelPort(new FakeContext(data).excel);
  await buildDemo(port(), NOW);
  edit({
    type: (a, v) => data.type("规划指标", a, v),
    merge: (a) => data.merge("规划指标", a),
    addressOf: (id, h) => data.addressOf(TABLES.indicators, id, h),
  });
  return port;
}

async function viaXlsx() {
  const wb = new ExcelJS.Workbook();
  await buildDemo(xlsxPort(wb), NOW);
  // Round-trip through a file, as the command line reads it.
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await wb.xlsx.writeBuffer());
  const ws = book.getWorksheet("规划指标")!;
  const table = (ws.getTable(TABLES.indicators) as unknown as { table: { tableRef: string } }).table;
  const top = Number(/\d+/.exec(table.tableRef)![0]);
  const headers = (ws.getRow(top).values as ExcelJS.CellValue[]).slice(1).map(String);
  edit({
    type: (a, v) => (ws.getCell(a).value = v as ExcelJS.CellValue),
    merge: (a) => ws.mergeCells(a),
    addressOf: (id, h) => {
      let row = top + 1;
      while (ws.getCell(row, 1).value !== id) row++;
      return `${String.fromCharCode(64 + headers.indexOf(h) + 1)}${row}`;
    },
  });
  return () => xlsxPort(book);
}

describe("the same workbook through both adapters", () => {
  let office: () => WorkbookPort;
  let xlsx: () => WorkbookPort;
  beforeAll(async () => {
    [office, xlsx] = await Promise.all([viaOffice(), viaXlsx()]);
  }, 120_000);

  test("validate: identical findings, bad inputs and merged cells named in both", async () => {
    const [a, b] = await Promise.all([validateWorkbook(office()), validateWorkbook(xlsx())]);
    if (a.kind !== "checked" || b.kind !== "checked") throw new Error("not checked");
    expect(b.findings).toEqual(a.findings);
    expect(a.findings.filter((f) => f.severity === "error").map((f) => [f.key, f.code])).toEqual(
      expect.arrayContaining([
        ["LOC-05-JUN", "percent-points"],
        ["INT-06", "not-number"],
        ["INT-05-PRI", "excel-error"],
        ["LOC-03-PRI", "text-number"],
        ["LOC-08", "merged"],
        ["LOC-09", "merged"],
      ]),
    );
  });

  test("report: identical models; the bad rows are 数据有误 in both", async () => {
    const [a, b] = await Promise.all([
      generateReport(office(), { language: "zh", year: 2023, replace: true, now: NOW }),
      generateReport(xlsx(), { language: "zh", year: 2023, replace: true, now: NOW }),
    ]);
    if (a.kind !== "written" || b.kind !== "written") throw new Error("not written");
    expect(b.model).toEqual(a.model);
    const invalid = a.model.indicators.filter((l) => l.status === "invalid").map((l) => l.id);
    expect(invalid.sort()).toEqual(["INT-05-PRI", "INT-06", "LOC-03-PRI", "LOC-05-JUN", "LOC-08", "LOC-09"]);
    expect(a.model.indicators.find((l) => l.id === "LOC-09")!.actual).toBeNull(); // never the neighbour's value
    expect(IH.status).toBe("状态 Status");
  });
});
