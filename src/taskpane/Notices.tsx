import { useEffect, useState } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { paneText } from "./text";
import { type Language } from "../core/i18n";
import { currentNotice, onNotice, publishNotice, type Notice } from "../commands/notices";

/** What a ribbon command did, shown at the top of the pane until dismissed. */
export function Notices({ language }: { language: Language }) {
  const [notice, setNotice] = useState<Notice | null>(currentNotice());
  useEffect(() => onNotice(setNotice), []);
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} layout="multiline" role={notice.intent === "error" ? "alert" : "status"}>
      <MessageBarBody>{notice.text[language]}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="transparent" onClick={() => publishNotice(null)}>
          {paneText.dismiss[language]}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
