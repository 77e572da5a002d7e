import { useEffect, useRef, useState } from "react";
import { Body1, Button, Caption1, Field, MessageBar, MessageBarActions, MessageBarBody, Select, makeStyles } from "@fluentui/react-components";
import { commandText } from "../commands/text";
import { paneText, reportPaneText } from "./text";
import { reportText } from "../core/report/text";
import { type Language } from "../core/i18n";
import { generateReport } from "../usecases/report";
import { selectCell, workbookStatus } from "../usecases/workbook";
import type { PaneHost } from "./host";
import { Feedback } from "./Feedback";
import { useAction, type Message } from "./useAction";

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", gap: "8px", alignItems: "flex-start" },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "flex-end" },
  list: { margin: 0, padding: 0, listStyle: "none" },
});

export function ReportsSection({ host, language, version, inserted = null }: { host: PaneHost; language: Language; version: number; inserted?: boolean | null }) {
  const styles = useStyles();
  const t = (k: keyof typeof reportPaneText) => reportPaneText[k][language];
  const [year, setYear] = useState<string>("auto");
  const [sheets, setSheets] = useState<string[]>([]);
  // The years of the plan the workbook follows.
  const [years, setYears] = useState<number[]>([]);
  const [pending, setPending] = useState<{ sheet: string; year: number; final: boolean } | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [state, start] = useAction();
  // Focus goes to the prompt's choice when it appears, and back to the button that asked when it goes.
  const replaceRef = useRef<HTMLButtonElement>(null);
  const generateRef = useRef<HTMLButtonElement>(null);
  const finalRef = useRef<HTMLButtonElement>(null);
  const asked = useRef<"annual" | "final">("annual");
  useEffect(() => {
    if (pending && !state.busy) replaceRef.current?.focus();
  }, [pending, state.busy]);
  const back = () => (asked.current === "final" ? finalRef : generateRef).current?.focus();

  const refresh = async () => {
    const status = await host.run((port) => workbookStatus(port));
    setSheets(status.reportSheets);
    setYears(status.years);
  };
  useEffect(() => {
    void start(refresh);
  }, [version]);

  const generate = (replace: boolean, chosen?: number, final = false) =>
    start(async () => {
      const outcome = await host.run((port) => generateReport(port, { language, year: final ? undefined : (chosen ?? (year === "auto" ? undefined : Number(year))), replace, final }));
      if (outcome.kind === "confirm") {
        asked.current = final ? "final" : "annual";
        setPending({ sheet: outcome.sheet, year: outcome.year, final });
        setMessage(null);
      } else if (outcome.kind === "error") {
        setPending(null);
        setMessage({ intent: "error", text: outcome.message });
      } else {
        if (replace) back();
        setPending(null);
        setMessage({ intent: "success", text: commandText.reportWritten(outcome.sheet) });
        await refresh();
      }
    });

  return (
    <div className={styles.column}>
      {inserted === false && <Caption1>{paneText.needsTemplate[language]}</Caption1>}
      <div className={styles.row}>
        <Field label={paneText.year[language]}>
          <Select value={year} disabled={state.busy} onChange={(_, d) => setYear(d.value)}>
            <option value="auto">{t("latest")}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        <Button ref={generateRef} appearance="primary" disabledFocusable={state.busy || inserted === false} onClick={() => void generate(false)}>
          {t("generate")}
        </Button>
        <Button ref={finalRef} disabledFocusable={state.busy || inserted === false} onClick={() => void generate(false, undefined, true)}>
          {t("final")}
        </Button>
      </div>
      {pending && !state.busy && (
        // The warning first, its choices with it.
        <MessageBar intent="warning" layout="multiline" role="group" aria-label={reportText.exists(pending.sheet)[language]}>
          <MessageBarBody>{reportText.exists(pending.sheet)[language]}</MessageBarBody>
          <MessageBarActions>
            <Button ref={replaceRef} onClick={() => void generate(true, pending.year, pending.final)}>
              {t("replace")}
            </Button>
            <Button appearance="subtle" onClick={() => (setPending(null), setMessage(null), back())}>
              {paneText.cancel[language]}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <Feedback state={state} message={message} language={language} />
      {sheets.length > 0 && (
        <>
          <Body1>{t("existing")}</Body1>
          <ul className={styles.list} aria-label={t("existing")}>
            {sheets.map((s) => (
              <li key={s}>
                <Button appearance="transparent" onClick={() => void start(() => host.run((port) => selectCell(port, s, "A1")))}>
                  {s}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
