/**
 * The shared runtime's entry: custom functions register at load (no UI needed), then the pane is
 * loaded lazily inside Excel, or a plain explanation is shown outside it.
 */
import "./guard";
import "../functions/functions";
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

async function start(): Promise<void> {
  const info = await Office.onReady();
  if (info.host === Office.HostType.Excel) {
    registerCommands();
    const { mountPane } = await import(/* webpackChunkName: "pane" */ "../taskpane/mount");
    mountPane(root(), languageFromLocale(Office.context.displayLanguage));
  } else {
    renderOutsideOffice(root(), languageFromLocale(navigator.language), info.host ? String(info.host) : null);
  }
}

start().catch((error: unknown) => {
  renderOutsideOffice(root(), languageFromLocale(navigator.language), null, error);
});
