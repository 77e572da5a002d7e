import { useEffect, useState } from "react";
import { Badge, Body1, Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { formatFigure, paneText, statusLabels, type Language } from "../core/i18n";
import type { Flag, YearSummary } from "../core/workbook/flags";
import { selectCell, summarizeYear } from "../usecases/workbook";
import type { PaneHost } from "./host";
import { Feedback } from "./Feedback";
import { useAction, type Message } from "./useAction";

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", gap: "8px" },
  row: { display: "flex", gap: "8px", alignItems: "flex-end", flexWrap: "wrap" },
  badges: { display: "flex", gap: "4px", flexWrap: "wrap" },
  list: { margin: 0, padding: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: "4px" },
  item: { justifyContent: "flex-start", textAlign: "left", height: "auto", padding: "4px 6px", whiteSpace: "normal", fontWeight: tokens.fontWeightRegular },
});

const COLORS = { met: "success", onTrack: "brand", behind: "warning", regressing: "danger", missed: "danger", noData: "informative" } as const;

export function ProgressSection({ host, language, version }: { host: PaneHost; language: Language; version: number }) {
  const styles = useStyles();
  const t = (k: keyof typeof paneText) => paneText[k][language];
  const [summary, setSummary] = useState<YearSummary | null>(null);
  const [years, setYears] = useState<number[]>([]);
  const [message, setMessage] = useState<Message>(null);
  const [state, start] = useAction();

  const load = (year?: number) =>
    start(async () => {
      const outcome = await host.run((port) => summarizeYear(port, year));
      if (outcome.kind === "error") {
        setSummary(null);
        setMessage({ intent: "info", text: outcome.message });
      } else {
        setSummary(outcome.summary);
        setYears(outcome.years);
        setMessage(outcome.summary.flags.length ? null : { intent: "success", text: paneText.noMisses });
      }
    });
  useEffect(() => {
    void load(summary?.year);
    // Reload when the template changes (version bumps after an insert).
  }, [version]);

  const describe = (f: Flag) => {
    const figure = (n: number, kind?: "gap") => formatFigure(n, f.unit, kind)[language];
    return `${f.id} ${f.name} — ${statusLabels[f.status][language]}: ${t("actual")} ${figure(f.actual)}, ${t("expected")} ${figure(f.expected)}, ${t("gap")} ${figure(f.gap, "gap")}`;
  };

  return (
    <div className={styles.column}>
      <div className={styles.row}>
        <Field label={t("year")}>
          <Select value={summary ? String(summary.year) : ""} disabled={state.busy || !summary} onChange={(_, d) => void load(Number(d.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        <Button disabled={state.busy} onClick={() => void load(summary?.year)}>
          {t("refresh")}
        </Button>
      </div>
      {summary && (
        <>
          <div className={styles.badges} aria-label={t("progressSection")}>
            {(Object.keys(summary.counts) as Array<keyof typeof summary.counts>).map((s) => (
              <Badge key={s} appearance="tint" color={COLORS[s]}>{`${statusLabels[s][language]} ${summary.counts[s]}`}</Badge>
            ))}
          </div>
          {summary.flags.length > 0 && (
            <>
              <Body1>{t("misses")}</Body1>
              <ul className={styles.list} aria-label={t("misses")}>
                {summary.flags.map((f) => (
                  <li key={f.id}>
                    <Button appearance="subtle" className={styles.item} onClick={() => void start(() => host.run((port) => selectCell(port, f.sheet, f.address)))}>
                      {describe(f)}
                    </Button>
                  </li>
                ))}
              </ul>
            </>
          )}
          {summary.unreadable.length > 0 && <Body1>{`${t("unreadable")} ${summary.unreadable.join(", ")}`}</Body1>}
        </>
      )}
      <Feedback state={state} message={message} language={language} />
    </div>
  );
}
