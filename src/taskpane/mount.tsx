import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Language } from "../core/i18n";
import { App } from "./App";

export function mountPane(target: HTMLElement, language: Language): void {
  createRoot(target).render(
    <FluentProvider theme={webLightTheme}>
      <App initialLanguage={language} />
    </FluentProvider>,
  );
}
