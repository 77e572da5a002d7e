/**
 * Opening and saving workbooks on disk for the command line: every way a file can be wrong becomes
 * a `CliFailure` with one bilingual line and an exit code (2 usage, 1 input or output).
 */
import type ExcelJS from "exceljs";
import { existsSync, readFileSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { cliText } from "./text";
import type { Bilingual } from "../core/i18n";
import { CliFailure, readWorkbook, workbookBytes, type OpenedWorkbook } from "./workbook-file";

export { CliFailure, type OpenedWorkbook };

const fail = (code: 1 | 2, text: Bilingual): never => {
  throw new CliFailure(code, text);
};
const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split("\n")[0]!.slice(0, 160);

/** Reads an .xlsx from disk as Excel, WPS or LibreOffice saved it. */
export async function openWorkbook(path: string): Promise<OpenedWorkbook> {
  if (!existsSync(path)) fail(1, cliText.notFound(path));
  if (statSync(path).isDirectory()) fail(1, cliText.isFolder(path));
  return readWorkbook(readFileSync(path), path);
}

/** Checks an output path before any work: never the input, never an existing file unless allowed. */
export function checkOutput(out: string, input: string | null, overwrite: boolean): void {
  // The same file however it is spelled (relative, via a link): never written over.
  if (input !== null && (out === input || (existsSync(out) && existsSync(input) && realpathSync(out) === realpathSync(input)))) fail(1, cliText.sameAsInput(out));
  if (!out.toLowerCase().endsWith(".xlsx")) fail(2, cliText.notXlsxOutput(out));
  if (existsSync(out)) {
    if (statSync(out).isDirectory()) fail(1, cliText.outputIsFolder(out));
    if (!overwrite) fail(1, cliText.outputExists(out));
  }
  const folder = dirname(out);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) fail(1, cliText.noFolder(folder));
}

export async function saveWorkbook(workbook: ExcelJS.Workbook, out: string): Promise<void> {
  const buffer = await workbookBytes(workbook);
  try {
    writeFileSync(out, buffer);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(1, code === "EISDIR" ? cliText.outputIsFolder(out) : code === "ENOENT" ? cliText.noFolder(dirname(out)) : cliText.cannotWrite(out, code ?? firstLine(e)));
  }
}
