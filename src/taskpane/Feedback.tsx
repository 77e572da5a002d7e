import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import { paneText } from "./text";
import { type Language } from "../core/i18n";
import type { ActionState, Message } from "./useAction";
import { useEffect } from "react";
import { useAnnounce } from "./Announcer";

/** Busy spinner, the action's failure, and its result message. */
export function Feedback({ state, message, language }: { state: ActionState; message: Message; language: Language }) {
  const announce = useAnnounce();
  // Errors are alerts of their own; the busy state and every other outcome go to the live region.
  useEffect(() => {
    if (state.busy) announce(paneText.working[language]);
    else if (message && message.intent !== "error" && !state.failure) announce(message.text[language]);
  }, [state.busy, state.failure, message]);
  return (
    <>
      {state.busy && <Spinner size="tiny" label={paneText.working[language]} />}
      {state.failure && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{paneText.failed[language]}</MessageBarTitle>
            {state.failure} {paneText.retry[language]}
          </MessageBarBody>
        </MessageBar>
      )}
      {message && !state.busy && (
        <MessageBar intent={message.intent} layout="multiline" role={message.intent === "error" ? "alert" : undefined}>
          <MessageBarBody>{message.text[language]}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
