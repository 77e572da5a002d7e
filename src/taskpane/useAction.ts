import { useCallback, useRef, useState } from "react";
import type { Bilingual } from "../core/i18n";

export interface ActionState {
  busy: boolean;
  /** A failure the pane shows: what happened, never a stack trace. */
  failure: string | null;
}

/**
 * Runs one pane action at a time: a second click while it runs is ignored, the button shows it is
 * busy, and an exception becomes a message instead of a silent failure.
 */
export function useAction(): [ActionState, <T>(run: () => Promise<T>) => Promise<T | undefined>, () => void] {
  const [state, setState] = useState<ActionState>({ busy: false, failure: null });
  const running = useRef(false);
  const start = useCallback(async <T,>(run: () => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setState({ busy: true, failure: null });
    try {
      const result = await run();
      setState({ busy: false, failure: null });
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setState({ busy: false, failure: message.split("\n")[0] ?? message });
      return undefined;
    } finally {
      running.current = false;
    }
  }, []);
  const clear = useCallback(() => setState((s) => ({ ...s, failure: null })), []);
  return [state, start, clear];
}

export type Message = { intent: "success" | "warning" | "error" | "info"; text: Bilingual } | null;
