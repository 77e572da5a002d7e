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

async function start(): Promise<void> {
  const info = await Office.onReady();
  if (info.host === Office.HostType.Excel) {
    const { mountPane } = await import(/* webpackChunkName: "pane" */ "../taskpane/mount");
    mountPane(root(), languageFromLocale(Office.context.displayLanguage));
  } else {
    renderOutsideOffice(root(), languageFromLocale(navigator.language), info.host ? String(info.host) : null);
  }
}

start().catch((error: unknown) => {
  renderOutsideOffice(root(), languageFromLocale(navigator.language), null, error);
});
