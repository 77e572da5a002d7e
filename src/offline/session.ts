/**
 * The workbook the offline page works on: an exceljs workbook in memory, behind the same port as
 * the command line. The pane's sections run use cases on it through a PaneHost; a file is only
 * written when the planner downloads one (a new name; the original is never touched).
 */
import ExcelJS from "exceljs";
import type { Bilingual, Language } from "../core/i18n";
import type { Plan } from "../core/plan/schema";
import type { PaneHost } from "../taskpane/host";
import type { WorkbookPort } from "../usecases/port";
import { xlsxPort } from "../xlsx/port";
import { readWorkbook, workbookBytes } from "../xlsx/workbook-file";
import { readPlanFile } from "../xlsx/plan-file";
import { snapshotFromWorkbook } from "../xlsx/snapshot";
import { startWorkbook, refreshResults } from "../usecases/start";
import { planFor, workbookStatus } from "../usecases/workbook";
import { printableReport } from "../usecases/report";

export interface Session {
  workbook: ExcelJS.Workbook;
  /** The file name it came from, or the name a new one is given. */
  name: string;
  /** Parts of the opened file this tool cannot carry over into a download. */
  foreign: Bilingual[];
  /** Written to since it was opened or last downloaded. */
  changed: boolean;
  /** The pane's host on this workbook: every write marks it changed and calls `onChange`. */
  host(onChange: () => void): PaneHost;
}

/** A workbook opened from a file's bytes (Excel, WPS or LibreOffice saved it). */
export async function openSession(bytes: Uint8Array, name: string): Promise<Session> {
  const { workbook, foreign } = await readWorkbook(bytes, name);
  return withHost({ workbook, name, foreign, changed: false });
}

/**
 * A new workbook for a plan (the embedded one when `plan` is null, else a plan file's bytes), with
 * the last period's workbook to take baselines from. Built with built-in formulas only: the file is
 * meant for WPS, LibreOffice or any Excel.
 */
export async function newSession(
  source: { plan: Plan } | { file: Uint8Array; fileName: string },
  previous: Session | null,
  language: Language,
): Promise<{
  session: Session;
  carried: { count: number; from: number } | null;
}> {
  const previousSnapshot = previous ? snapshotFromWorkbook(previous.workbook) : null;
  const { plan, carried } = "plan" in source ? { plan: source.plan, carried: [] } : readPlanFile(source.file, source.fileName, previousSnapshot);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Plan Monitor";
  const outcome = await startWorkbook(xlsxPort(workbook), {
    plan,
    carried,
    language,
    formulas: "portable",
  });
  if (outcome.kind === "error") throw new Error(outcome.message[language]);
  const name = `${plan.names[language].replace(/[\\/:*?"<>|]/g, "")}.xlsx`;
  return {
    session: withHost({ workbook, name, foreign: [], changed: true }),
    carried: carried.length ? { count: carried.length, from: carried[0]!.from } : null,
  };
}

function withHost(fields: Omit<Session, "host">): Session {
  const session = fields as Session;
  session.host = (onChange) => sessionHost(session, onChange);
  return session;
}

/** The pane's host on the session: every write marks it changed. */
function sessionHost(session: Session, onChange: () => void): PaneHost {
  return {
    formulas: "portable",
    run: async (action) => {
      const port = xlsxPort(session.workbook);
      const tracked: WorkbookPort = {
        read: port.read,
        apply: async (ops) => {
          const result = await port.apply(ops);
          if (ops.length) {
            session.changed = true;
            onChange();
          }
          return result;
        },
      };
      return action(tracked);
    },
  };
}

/** The name a download gets: the original's, marked as updated (never the original name itself). */
export function downloadName(name: string, language: Language): string {
  const stem = name.replace(/\.xlsx$/i, "").replace(/-(更新|updated)(-\d+)?$/, "");
  return `${stem}-${language === "zh" ? "更新" : "updated"}.xlsx`;
}

/** The session's workbook as a file: every formula cell given the result the core computes first. */
export async function sessionBytes(session: Session, language: Language): Promise<Uint8Array> {
  const port = xlsxPort(session.workbook);
  await refreshResults(port, planFor(await port.read()), language);
  return workbookBytes(session.workbook);
}

/** The years of the plan the session's workbook follows (for choosing a report to print). */
export async function sessionYears(session: Session): Promise<number[]> {
  return (await workbookStatus(xlsxPort(session.workbook))).years;
}

/** A report of the session's workbook as printable HTML (nothing written). */
export function printable(session: Session, options: { language: Language; final: boolean; year?: number }): ReturnType<typeof printableReport> {
  return printableReport(xlsxPort(session.workbook), options);
}
