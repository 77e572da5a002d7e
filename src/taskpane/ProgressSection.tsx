import { useEffect, useRef, useState } from "react";
import { Badge, Body1, Button, Caption1, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { formatFigure } from "../core/format";
import { paneText, progressText } from "./text";
import { pick, type Language } from "../core/i18n";
import { STATUS_LABELS as statusLabels } from "../core/calc/status";
import { STATUSES, STATUS_COLORS, type Status } from "../core/calc/status";
import { flagText } from "../core/workbook/text";
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
  item: { justifyContent: "flex-start", textAlign: "left", height: "auto", padding: "4px 6px", whiteSpace: "normal", fontWeight: tokens.fontWeightRegular, width: "100%" },
  flag: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 },
  flagTitle: { display: "flex", gap: "6px", alignItems: "center", flexWrap: "wrap", fontWeight: tokens.fontWeightSemibold },
});

/** Fluent badge colours per status (the sheet and report use STATUS_COLORS). */
const COLORS: Record<Status, "success" | "brand" | "warning" | "danger" | "severe" | "informative" | "important" | "subtle"> = {
  reachedEarly: "success",
  reachedLate: "success",
  reached: "success",
  onTrack: "brand",
  behind: "warning",
  regressing: "severe",
  missed: "danger",
  noData: "informative",
  invalid: "important",
};

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
        setMessage(
          !outcome.summary.hasData
            ? { intent: "warning", text: paneText.noYearData }
            : outcome.summary.flags.length
              ? null
              : { intent: "success", text: flagText.noMisses },
        );
      }
    });
  useEffect(() => {
    void load(summary?.year);
    // Reload when the template changes (version bumps after an insert).
  }, [version]);
  // A year moved to with the arrow keys, not loaded yet.
  const [shown, setShown] = useState<string | null>(null);
  const byKeys = useRef(false);
  const commit = (value: string) => {
    setShown(null);
    if (Number(value) !== summary?.year) void load(Number(value));
  };

  const sep = language === "zh" ? "；" : "; ";
  const colon = language === "zh" ? "：" : ": ";
  const caption = (f: Flag) => {
    if (f.status === "invalid") return f.problems[0] ? pick(f.problems[0].message, language) : "";
    const figure = (n: number | null, kind?: "gap") => (n === null ? "—" : formatFigure(n, f.unit, kind)[language]);
    return [`${t("actual")}${colon}${figure(f.actual)}`, f.expected !== null ? `${t("expected")}${colon}${figure(f.expected)}` : "", `${t("gap")}${colon}${figure(f.gap, "gap")}`]
      .filter(Boolean)
      .join(sep);
  };

  return (
    <div className={styles.column}>
      <div className={styles.row}>
        <Field label={t("year")}>
          <Select
            value={shown ?? (summary ? String(summary.year) : "")}
            disabled={state.busy || !summary}
            // Arrow keys only move the choice; Enter or leaving the list loads it (a mouse choice loads at once).
            onKeyDown={(e) => {
              if (["ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"].includes(e.key)) byKeys.current = true;
              if (e.key === "Enter" && shown) void commit(shown);
            }}
            onBlur={() => shown && void commit(shown)}
            onChange={(_, d) => {
              if (byKeys.current) setShown(d.value);
              else void commit(d.value);
              byKeys.current = false;
            }}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        <Button disabledFocusable={state.busy} onClick={() => void load(summary?.year)}>
          {t("refresh")}
        </Button>
      </div>
      {summary && (
        <>
          <StatusChart counts={summary.counts} language={language} />
          <div className={styles.badges} aria-label={t("progressSection")}>
            {STATUSES.filter((s) => summary.counts[s] > 0).map((s) => (
              <Badge key={s} appearance="tint" color={COLORS[s]}>{`${statusLabels[s][language]} ${summary.counts[s]}`}</Badge>
            ))}
          </div>
          {summary.flags.length > 0 && (
            <>
              <Body1>{t("misses")}</Body1>
              <ul className={styles.list} aria-label={t("misses")}>
                {summary.flags.map((f) => (
                  <li key={`${f.kind}-${f.id}`}>
                    <Button appearance="subtle" className={styles.item} onClick={() => void start(() => host.run((port) => selectCell(port, f.sheet, f.address)))}>
                      <span className={styles.flag}>
                        <span className={styles.flagTitle}>
                          <Badge appearance="filled" color={COLORS[f.status]}>{statusLabels[f.status][language]}</Badge>
                          <span>{`${f.id} ${f.name}`}</span>
                        </span>
                        <Caption1>{caption(f)}</Caption1>
                        {f.completion !== null && <CompletionBar completion={f.completion} elapsed={f.elapsed} language={language} />}
                      </span>
                    </Button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <Feedback state={state} message={message} language={language} />
    </div>
  );
}

/**
 * Completion as a bar with a marker at the share of the period elapsed: behind is a bar that stops
 * short of the marker. Plain SVG, nothing added to the bundle that registers the functions.
 */
function CompletionBar({ completion, elapsed, language }: { completion: number; elapsed: number; language: Language }) {
  const width = 120;
  const clamp = (x: number) => Math.max(0, Math.min(1, x));
  const label = `${progressText.completion[language]} ${Math.round(completion * 100)}%，${progressText.elapsed[language]} ${Math.round(elapsed * 100)}%`;
  return (
    <svg role="img" aria-label={language === "zh" ? label : label.replace("，", ", ")} width={width} height={10} viewBox={`0 0 ${width} 10`}>
      <rect x={0} y={2} width={width} height={6} rx={3} fill="#E1E1E1" />
      <rect x={0} y={2} width={clamp(completion) * width} height={6} rx={3} fill={completion < 0 ? "#C50F1F" : "#0F6CBD"} />
      <rect x={clamp(elapsed) * width - 1} y={0} width={2} height={10} fill="#242424" />
    </svg>
  );
}

/** The year's verdicts as one bar, a segment per status in the report's colours (the badges below are its legend). */
function StatusChart({ counts, language }: { counts: Record<Status, number>; language: Language }) {
  const total = STATUSES.reduce((n, s) => n + counts[s], 0);
  if (!total) return null;
  let x = 0;
  const label = STATUSES.filter((s) => counts[s] > 0)
    .map((s) => `${statusLabels[s][language]} ${counts[s]}`)
    .join(language === "zh" ? "，" : ", ");
  return (
    <svg role="img" aria-label={label} width="100%" height={14} viewBox={`0 0 ${total} 14`} preserveAspectRatio="none">
      {STATUSES.filter((s) => counts[s] > 0).map((s) => {
        const segment = <rect key={s} x={x} y={0} width={counts[s]} height={14} fill={STATUS_COLORS[s].fill} stroke={STATUS_COLORS[s].font} strokeWidth={0.02} />;
        x += counts[s];
        return segment;
      })}
    </svg>
  );
}
