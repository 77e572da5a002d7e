import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import { paneText } from "./text";
import { type Language } from "../core/i18n";
import type { ActionState, Message } from "./useAction";

/** Busy spinner, the action's failure, and its result message. */
export function Feedback({ state, message, language }: { state: ActionState; message: Message; language: Language }) {
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
        <MessageBar intent={message.intent} layout="multiline" role={message.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>{message.text[language]}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
