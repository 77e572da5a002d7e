/**
 * Results of ribbon commands, for the pane to show: the shared runtime gives the commands and the
 * pane one JavaScript context, so a module-level list is enough.
 */
import type { Bilingual } from "../core/i18n";

export interface Notice {
  intent: "success" | "warning" | "error" | "info";
  text: Bilingual;
}

let current: Notice | null = null;
const listeners = new Set<(n: Notice | null) => void>();

export function publishNotice(notice: Notice | null): void {
  current = notice;
  for (const l of listeners) l(notice);
}

export function currentNotice(): Notice | null {
  return current;
}

export function onNotice(listener: (n: Notice | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
