import { useState } from "react";
import { Badge, Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { formatFigure } from "../core/format";
import { paneText, recordText } from "./text";
import { type Language } from "../core/i18n";
import type { Finding } from "../core/workbook/check";
import { recordSchoolResults, selectCell, validateWorkbook, type RecordOutcome } from "../usecases/workbook";
import type { PaneHost } from "./host";
import { Feedback } from "./Feedback";
import { useAction, type Message } from "./useAction";

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", gap: "8px", alignItems: "stretch" },
  list: { margin: 0, padding: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: "4px" },
  item: { justifyContent: "flex-start", alignItems: "flex-start", textAlign: "left", height: "auto", padding: "4px 6px", whiteSpace: "normal", fontWeight: tokens.fontWeightRegular },
  badge: { marginRight: "6px", flexShrink: 0 },
});

export function CheckSection({ host, language, inserted = null }: { host: PaneHost; language: Language; inserted?: boolean | null }) {
  const styles = useStyles();
  const t = (k: keyof typeof paneText) => paneText[k][language];
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [state, start] = useAction();

  const run = () =>
    start(async () => {
      const outcome = await host.run((port) => validateWorkbook(port));
      if (outcome.kind === "error") {
        setFindings(null);
        setMessage({ intent: "error", text: outcome.message });
      } else {
        setFindings(outcome.findings);
        setMessage(outcome.findings.length ? null : { intent: "success", text: paneText.noFindings });
      }
    });
  const [conflicts, setConflicts] = useState<Extract<RecordOutcome, { kind: "confirm" }> | null>(null);
  const record = (onConflict: "ask" | "replace" | "keep") =>
    start(async () => {
      setConflicts(null);
      const outcome = await host.run((port) => recordSchoolResults(port, onConflict));
      if (outcome.kind === "error") setMessage({ intent: "error", text: outcome.message });
      else if (outcome.kind === "confirm") {
        setMessage(null);
        setConflicts(outcome);
      } else if (outcome.kind === "nothing") setMessage({ intent: "info", text: recordText.nothing(outcome.year) });
      else setMessage({ intent: "success", text: recordText.written(outcome.year, outcome.cells.length) });
    });
  const errors = findings?.filter((f) => f.severity === "error").length ?? 0;
  const warnings = (findings?.length ?? 0) - errors;

  return (
    <div className={styles.column}>
      {inserted === false && <Caption1>{t("needsTemplate")}</Caption1>}
      <Button appearance="primary" disabledFocusable={state.busy || inserted === false} onClick={() => void run()}>
        {t("runCheck")}
      </Button>
      {findings && findings.length > 0 && (
        <>
          <div>
            <Badge color="danger">{`${t("errors")} ${errors}`}</Badge> <Badge color="warning">{`${t("warnings")} ${warnings}`}</Badge>
          </div>
          <ul className={styles.list} aria-label={t("checkSection")}>
            {findings.map((f, i) => (
              <li key={`${f.sheet}!${f.address}:${f.code}:${i}`}>
                <Button
                  appearance="subtle"
                  className={styles.item}
                  onClick={() => void start(() => host.run((port) => selectCell(port, f.sheet, f.address)))}
                >
                  <Badge size="small" appearance="tint" color={f.severity === "error" ? "danger" : "warning"} className={styles.badge}>
                    {f.severity === "error" ? t("errors") : t("warnings")}
                  </Badge>{" "}
                  {/* The button's name is what it shows: the badge, the message, then where it is (WCAG 2.5.3). */}
                  <span>
                    {f.message[language]}
                    <br />
                    <Caption1>{[f.sheet, f.key, f.header.split(" ")[0]].filter(Boolean).join(" · ")}</Caption1>
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      <Button disabledFocusable={state.busy} onClick={() => void record("ask")}>
        {t("recordSchools")}
      </Button>
      <Caption1>{t("recordHint")}</Caption1>
      {conflicts && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {
              recordText.conflicts(
                conflicts.year,
                conflicts.conflicts
                  .map((c) => `${c.address} ${String(c.recorded)} → ${formatFigure(c.computed, c.unit)[language]}`)
                  .join(language === "zh" ? "；" : "; "),
              )[language]
            }
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void record("replace")}>{t("replace")}</Button>
            <Button onClick={() => void record("keep")}>{t("keepMine")}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <Feedback state={state} message={message} language={language} />
    </div>
  );
}
