/**
 * The offline page's entry: one self-contained file (dist/plan-monitor.html) a planner opens from a
 * USB stick or a shared folder. A browser too old for it gets a message instead of a blank page.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { languageFromLocale } from "../core/i18n";
import { OfflineApp } from "./OfflineApp";
import { offlineText } from "./text";

/** What the page needs of the browser: reading a picked file, decoding GB18030 plans, downloading. */
function supported(): boolean {
  try {
    return typeof Blob.prototype.arrayBuffer === "function" && typeof URL.createObjectURL === "function" && new TextDecoder("gb18030").encoding === "gb18030" && typeof Promise.prototype.finally === "function";
  } catch {
    return false;
  }
}

const root = document.getElementById("root") ?? document.body;
const language = languageFromLocale(navigator.language);
if (supported()) {
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <OfflineApp initialLanguage={language} />
    </FluentProvider>,
  );
} else {
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.textContent = `${offlineText.oldBrowser.zh} / ${offlineText.oldBrowser.en}`;
  root.replaceChildren(p);
}
