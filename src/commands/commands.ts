/**
 * Ribbon commands: the same use cases as the pane. A command never replaces anything — where the
 * pane would ask (template conflicts, an existing report), it opens the pane with a notice instead.
 */
import { insertSummary } from "../taskpane/text";
import { commandText } from "./text";
import { type Language } from "../core/i18n";
import { insertTemplate } from "../usecases/workbook";
import { generateReport } from "../usecases/report";
import type { PaneHost } from "../taskpane/host";
import { publishNotice } from "./notices";

export interface CommandEvent {
  completed(): void;
}

export interface CommandDeps {
  host: PaneHost;
  language: () => Language;
  /** Opens the task pane (Office.addin.showAsTaskpane in Office). */
  showPane: () => Promise<void>;
}

async function settle(event: CommandEvent, deps: CommandDeps, run: () => Promise<boolean>) {
  try {
    const showPane = await run();
    if (showPane) await deps.showPane();
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    publishNotice({ intent: "error", text: commandText.failed(detail) });
    await deps.showPane().catch(() => undefined);
  } finally {
    event.completed();
  }
}

export function insertTemplateCommand(deps: CommandDeps) {
  return (event: CommandEvent) =>
    settle(event, deps, async () => {
      const outcome = await deps.host.run((port) => insertTemplate(port, { language: deps.language(), onConflict: "keep" }));
      if (outcome.kind === "error") publishNotice({ intent: "error", text: outcome.message });
      else publishNotice({ intent: "success", text: insertSummary(outcome.report) });
      return true;
    });
}

export function annualReportCommand(deps: CommandDeps) {
  return (event: CommandEvent) =>
    settle(event, deps, async () => {
      const outcome = await deps.host.run((port) => generateReport(port, { language: deps.language() }));
      if (outcome.kind === "written") {
        publishNotice({ intent: "success", text: commandText.reportWritten(outcome.sheet) });
        return false;
      }
      publishNotice({ intent: outcome.kind === "confirm" ? "warning" : "error", text: outcome.kind === "confirm" ? commandText.reportExists(outcome.sheet) : outcome.message });
      return true;
    });
}
