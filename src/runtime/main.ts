/**
 * The shared runtime's entry: custom functions register at load (no UI needed), then the pane is
 * loaded lazily inside Excel, or a plain explanation is shown outside it.
 */
import "./guard";
import "../functions/functions";
import { setWorkbookPeriod } from "../functions/runtime";
import { DEFINITION_NAMES } from "../core/workbook/names";
import { languageFromLocale } from "../core/i18n";
import { renderOutsideOffice } from "./outside";

// PLAN.* are registered once the imports above have run; benchmarks read this mark.
performance.mark?.("plan-monitor:functions-registered");

function root(): HTMLElement {
  return document.getElementById("root") ?? document.body;
}

/** Ribbon buttons; their code loads on first use, so start-up stays as small as the functions. */
function registerCommands(): void {
  const deps = async () => {
    const { officeHost } = await import(/* webpackChunkName: "pane" */ "../taskpane/host");
    return {
      host: officeHost,
      language: () => languageFromLocale(Office.context.displayLanguage),
      showPane: () => Office.addin.showAsTaskpane(),
    };
  };
  const command = (name: "insertTemplateCommand" | "annualReportCommand") => async (event: Office.AddinCommands.Event) => {
    const [commands, d] = await Promise.all([import(/* webpackChunkName: "commands" */ "../commands/commands"), deps()]);
    await commands[name](d)(event);
  };
  Office.actions.associate("insertTemplate", command("insertTemplateCommand"));
  Office.actions.associate("annualReport", command("annualReportCommand"));
}

/** PLAN.* defaults follow the workbook's plan period where the template has named it (two round trips, once). */
async function readWorkbookPeriod(): Promise<void> {
  await Excel.run(async (context) => {
    const items = [DEFINITION_NAMES.baseYear, DEFINITION_NAMES.targetYear].map((n) => context.workbook.names.getItemOrNullObject(n));
    await context.sync();
    const ranges = items.map((i) => (i.isNullObject ? null : i.getRangeOrNullObject()));
    for (const r of ranges) r?.load("values");
    await context.sync();
    const [base, target] = ranges.map((r) => (r && !r.isNullObject ? r.values[0]?.[0] : null));
    if (typeof base === "number" && typeof target === "number" && target > base) setWorkbookPeriod({ baseYear: base, targetYear: target });
  });
}

async function start(): Promise<void> {
  const info = await Office.onReady();
  if (info.host === Office.HostType.Excel) {
    registerCommands();
    readWorkbookPeriod().catch(() => undefined); // an older host without names: the embedded plan's period
    const { mountPane } = await import(/* webpackChunkName: "pane" */ "../taskpane/mount");
    mountPane(root(), languageFromLocale(Office.context.displayLanguage));
  } else {
    renderOutsideOffice(root(), languageFromLocale(navigator.language), info.host ? String(info.host) : null);
  }
}

start().catch((error: unknown) => {
  renderOutsideOffice(root(), languageFromLocale(navigator.language), null, error);
});
