/**
 * Reading and writing .xlsx bytes, on any platform (the command line and the offline page): every
 * way a file can be wrong becomes a `CliFailure` with one bilingual line and an exit code (2 usage, 1
 * input or output). Nothing here touches the disk.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readablePackage } from "./package";
import type { Bilingual } from "../core/i18n";
import { cliText, FOREIGN_PARTS } from "./text";
import { carryCharts, carryPrintSetup, withCharts } from "./chart";
import { CliFailure } from "./failure";

export { CliFailure };

const fail = (code: 1 | 2, text: Bilingual): never => {
  throw new CliFailure(code, text);
};

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split("\n")[0]!.slice(0, 160);

export interface OpenedWorkbook {
  workbook: ExcelJS.Workbook;
  /** Labels of the parts exceljs would not carry over into a rewritten copy. */
  foreign: Bilingual[];
}

/**
 * Reads an .xlsx's bytes as Excel, WPS or LibreOffice saved it (`name` names it in messages): on disk
 * for the command line, from a file a planner picked in the offline page.
 */
export async function readWorkbook(bytes: Uint8Array, path: string): Promise<OpenedWorkbook> {
  if (bytes.length === 0) fail(1, cliText.emptyFile(path));
  // OLE2 compound file: Excel 97–2003 (.xls), whatever the file is called.
  if ([0xd0, 0xcf, 0x11, 0xe0].every((b, i) => bytes[i] === b)) fail(1, cliText.xls(path));
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) fail(1, cliText.notXlsx(path));
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    return fail(1, cliText.damaged(path, firstLine(e)));
  }
  if (!zip.file("xl/workbook.xml")) fail(1, cliText.notXlsx(path));
  const names = Object.keys(zip.files);
  const foreign: Bilingual[] = [];
  for (const part of FOREIGN_PARTS) {
    if (names.some((n) => n.startsWith(part.prefix)) && !foreign.some((f) => f.en === part.label.en)) foreign.push(part.label);
  }
  // Packages written by other tools (openpyxl) with targets exceljs cannot follow: made readable first.
  const readable = (await readablePackage(zip)) ? await zip.generateAsync({ type: "uint8array" }) : bytes;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(readable as unknown as ArrayBuffer);
  } catch {
    // What exceljs says ("Cannot read properties of undefined") tells a planner nothing: what to do does.
    return fail(1, cliText.unreadable(path));
  }
  repairTables(workbook);
  await carryPrintSetup(zip, workbook);
  // The charts this tool wrote are carried over (exceljs drops them); any other chart keeps the file whole.
  if (foreign.some((f) => f.en === "charts") && !(await carryCharts(zip, workbook)).foreign) foreign.splice(foreign.findIndex((f) => f.en === "charts"), 1);
  return { workbook, foreign };
}

/**
 * LibreOffice and WPS save tables without style information, which exceljs needs to write them
 * again ("Cannot read properties of undefined (reading 'theme')"): give them the default style.
 */
function repairTables(workbook: ExcelJS.Workbook): void {
  for (const ws of workbook.worksheets) {
    for (const table of Object.values((ws as unknown as { tables: Record<string, { table?: { style?: unknown } }> }).tables ?? {})) {
      const model = table.table;
      if (model && !model.style) model.style = { theme: "TableStyleLight9", showRowStripes: true };
    }
  }
}

/** The bytes of a workbook as this tool saves it: exceljs's package with the charts it drew. */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return withCharts(workbook, new Uint8Array(await workbook.xlsx.writeBuffer()));
}
