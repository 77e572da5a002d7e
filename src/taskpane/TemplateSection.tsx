import { useEffect, useRef, useState } from "react";
import { Body1, Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, Select, Switch, makeStyles } from "@fluentui/react-components";
import { applySummary, exportedText, insertSummary, paneText } from "./text";
import { type Language } from "../core/i18n";
import type { Conflict } from "../core/workbook/insert";
import { addRows, applyDefinition, exportPlan, insertTemplate, selectCell, setProtection, workbookStatus, type RowTable, type WorkbookStatus } from "../usecases/workbook";
import type { Finding } from "../core/workbook/check";
import type { PaneHost } from "./host";
import { Feedback } from "./Feedback";
import { useAction, type Message } from "./useAction";

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", gap: "8px", alignItems: "flex-start" },
  row: { display: "flex", gap: "8px", flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: "18px" },
});

export function TemplateSection({ host, language, onChanged }: { host: PaneHost; language: Language; onChanged: () => void }) {
  const styles = useStyles();
  const t = (k: keyof typeof paneText) => paneText[k][language];
  const [status, setStatus] = useState<WorkbookStatus | null>(null);
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
  // Which action the conflicts came from: inserting the template or applying the plan definition.
  const [conflictsOf, setConflictsOf] = useState<"insert" | "apply">("insert");
  const [problems, setProblems] = useState<Finding[] | null>(null);
  // The period moved: the question about rows on the old period's years, and the planner's answer.
  const [moves, setMoves] = useState(false);
  const [moveChoice, setMoveChoice] = useState<boolean | undefined>(undefined);
  const moveRef = useRef<HTMLButtonElement>(null);
  const [message, setMessage] = useState<Message>(null);
  const [state, start] = useAction();
  // Focus goes to the first answer when the question about the periods appears.
  useEffect(() => {
    if (moves && !state.busy) moveRef.current?.focus();
  }, [moves, state.busy]);
  // Focus goes to the first choice when the conflicts appear, and back to the button that asked.
  const keepRef = useRef<HTMLButtonElement>(null);
  const insertRef = useRef<HTMLButtonElement>(null);
  const applyRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (conflicts && !state.busy) keepRef.current?.focus();
  }, [conflicts, state.busy]);
  const back = () => (conflictsOf === "apply" ? applyRef : insertRef).current?.focus();

  const refresh = () => start(async () => setStatus(await host.run((port) => workbookStatus(port))));
  useEffect(() => {
    void refresh();
  }, []);

  const insert = (onConflict: "ask" | "replace" | "keep") =>
    start(async () => {
      const outcome = await host.run((port) => insertTemplate(port, { language, onConflict, formulas: host.formulas }));
      if (outcome.kind === "confirm") {
        setConflicts(outcome.report.conflicts);
        setConflictsOf("insert");
        setMessage(null);
      } else if (outcome.kind === "error") {
        setConflicts(null);
        setMessage({ intent: "error", text: outcome.message });
      } else {
        setConflicts(null);
        setMessage({ intent: "success", text: insertSummary(outcome.report) });
        setStatus(await host.run((port) => workbookStatus(port)));
        onChanged();
      }
    });

  // The plan definition sheet, edited by the planner, rebuilds or upgrades the tables for its period.
  const apply = (onConflict: "ask" | "replace" | "keep", movePeriods = moveChoice) =>
    start(async () => {
      const outcome = await host.run((port) => applyDefinition(port, { language, onConflict, movePeriods, formulas: host.formulas }));
      setProblems(outcome.kind === "invalid" ? outcome.problems : null);
      setMoves(outcome.kind === "movePeriods");
      if (outcome.kind === "movePeriods") {
        setConflicts(null);
        setMessage({ intent: "warning", text: outcome.message });
      } else if (outcome.kind === "confirm") {
        setConflicts(outcome.report.conflicts);
        setConflictsOf("apply");
        setMessage(null);
      } else if (outcome.kind === "invalid" || outcome.kind === "error") {
        setConflicts(null);
        // Refused: the next apply asks about the periods again rather than reuse this answer.
        setMoveChoice(undefined);
        setMessage({ intent: "error", text: outcome.message });
      } else {
        setConflicts(null);
        setMoveChoice(undefined);
        setMessage({ intent: "success", text: applySummary(outcome.report, outcome.carried.length, outcome.plan.period, outcome.moves.length) });
        setStatus(await host.run((port) => workbookStatus(port)));
        onChanged();
      }
    });

  // The plan as JSON, to share with another district (npm run template -- --plan reads it).
  const download = () =>
    start(async () => {
      const { fileName, json } = await host.run((port) => exportPlan(port));
      const url = URL.createObjectURL(new Blob([json], { type: "application/json" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = fileName;
      a.click();
      URL.revokeObjectURL(url);
      setMessage({ intent: "success", text: exportedText(fileName) });
    });

  // One answer for every row on the old period's years; remembered while the conflicts are resolved.
  const answerMoves = (move: boolean) => {
    setMoveChoice(move);
    applyRef.current?.focus();
    void apply("ask", move);
  };

  const resolve = (choice: "replace" | "keep") => {
    back();
    void (conflictsOf === "apply" ? apply(choice) : insert(choice));
  };

  const protect = (on: boolean) =>
    start(async () => {
      const outcome = await host.run((port) => setProtection(port, on));
      if (outcome.kind === "error") setMessage({ intent: "error", text: outcome.message });
      else setStatus((s) => (s ? { ...s, protection: on } : s));
    });

  const [rowTable, setRowTable] = useState<RowTable>("schools");
  // Tables do not grow on a protected sheet, so rows are added through the add-in.
  const addRow = () =>
    start(async () => {
      const outcome = await host.run((port) => addRows(port, rowTable, 1));
      setMessage(outcome.kind === "error" ? { intent: "error", text: outcome.message } : { intent: "success", text: paneText.rowAdded });
    });

  const label = !status?.inserted ? t("insert") : status.upgradeAvailable ? t("upgrade") : t("reinsert");
  return (
    <div className={styles.column}>
      <Body1>
        {status === null ? t("working") : status.inserted ? `${t("inserted")} · ${t("templateVersion")} ${status.workbookVersion ?? "?"}` : t("notInserted")}
      </Body1>
      {status?.upgradeAvailable && <Caption1>{`${t("upgradeAvailable")}: ${status.templateVersion}`}</Caption1>}
      {status?.inserted && !status.upgradeAvailable && <Caption1>{t("nextStep")}</Caption1>}
      <Button ref={insertRef} appearance="primary" disabledFocusable={state.busy} onClick={() => void insert("ask")}>
        {label}
      </Button>
      {conflicts && (
        // The warning first, what differs, then its choices with it.
        <MessageBar intent="warning" layout="multiline" role="group" aria-label={t("conflictsTitle")}>
          <MessageBarBody>
            {t("conflictsTitle")}
            <ul className={styles.list}>
              {conflicts.map((c) => (
                <li key={`${c.sheet}!${c.address}`}>
                  {c.sheet}!{c.address} ({c.key}, {c.header}): {t("conflictWorkbook")} {String(c.workbook)} → {t("conflictTemplate")} {String(c.template)}
                </li>
              ))}
            </ul>
          </MessageBarBody>
          <MessageBarActions>
            <Button ref={keepRef} disabledFocusable={state.busy} onClick={() => resolve("keep")}>
              {t("keepMine")}
            </Button>
            <Button disabledFocusable={state.busy} onClick={() => resolve("replace")}>
              {t("replace")}
            </Button>
            <Button appearance="subtle" onClick={() => (setConflicts(null), back())}>
              {t("cancel")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {status?.inserted && (
        <Switch checked={status.protection} disabled={state.busy} label={t("protection")} onChange={(_, d) => void protect(d.checked)} />
      )}
      {status?.inserted && (
        <div className={styles.row}>
          <Select aria-label={t("addRowTo")} value={rowTable} onChange={(_, d) => setRowTable(d.value as typeof rowTable)}>
            <option value="schools">{t("rowSchool")}</option>
            <option value="indicators">{t("rowIndicator")}</option>
            <option value="tasks">{t("rowTask")}</option>
            <option value="projects">{t("rowProject")}</option>
          </Select>
          <Button disabledFocusable={state.busy} onClick={() => void addRow()}>
            {t("addRow")}
          </Button>
        </div>
      )}
      {status?.inserted && (
        <div className={styles.row}>
          <Button ref={applyRef} disabledFocusable={state.busy} onClick={() => void apply("ask")}>
            {t("applyDefinition")}
          </Button>
          <Button appearance="subtle" disabledFocusable={state.busy} onClick={() => void download()}>
            {t("exportPlan")}
          </Button>
        </div>
      )}
      {moves && (
        <div className={styles.row} role="group" aria-label={t("applyDefinition")}>
          <Button ref={moveRef} appearance="primary" disabledFocusable={state.busy} onClick={() => answerMoves(true)}>
            {t("movePeriods")}
          </Button>
          <Button disabledFocusable={state.busy} onClick={() => answerMoves(false)}>
            {t("keepPeriods")}
          </Button>
        </div>
      )}
      {problems && (
        <ul className={styles.list} aria-label={t("definitionProblems")}>
          {problems.map((p) => (
            <li key={`${p.sheet}!${p.address}`}>
              <Button appearance="transparent" onClick={() => void start(() => host.run((port) => selectCell(port, p.sheet, p.address)))}>
                {p.message[language]}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Feedback state={state} message={message} language={language} />
    </div>
  );
}
