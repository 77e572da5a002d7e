import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Language } from "../core/i18n";
import { App } from "./App";
import { officeHost, type PaneHost } from "./host";

export function mountPane(target: HTMLElement, language: Language, host: PaneHost = officeHost): void {
  createRoot(target).render(
    <FluentProvider theme={webLightTheme}>
      <App initialLanguage={language} host={host} />
    </FluentProvider>,
  );
}
