/**
 * The offline page: a bar to open, start and download a workbook, and below it the task pane's own
 * sections working on that workbook in memory. It calls use cases only, through the session.
 */
import { Suspense, lazy, useEffect, useRef, useState, type DragEvent } from "react";
import { Button, Caption1, MessageBar, MessageBarBody, Select, Subtitle2, Text, Title2, ToggleButton, makeStyles } from "@fluentui/react-components";
import type { Bilingual, Language } from "../core/i18n";
import { embeddedPlan } from "../core/plan/embedded";
import { CliFailure } from "../xlsx/failure";
import { REPORT_PRINT_CSS } from "../core/report/html";
import { offlineText as t } from "./text";
import type { Session } from "./session";

/**
 * The workbook library is loaded on first use, not before the page is interactive. In the one-file
 * page its chunk is inert text in the page (webpack.config.js): run once, it registers its modules,
 * and the import below finds them loaded without asking for a file.
 */
let deferredRun = false;
function runDeferredChunks(): void {
  if (deferredRun) return;
  deferredRun = true;
  for (const inert of Array.from(document.querySelectorAll<HTMLScriptElement>("script[data-deferred-chunk]"))) {
    const script = document.createElement("script");
    script.textContent = inert.textContent;
    document.head.append(script);
  }
}
const sessions = () => {
  runDeferredChunks();
  return import("./session");
};
// The pane's sections, needed once a workbook is open: loaded the same way.
const App = lazy(() => {
  runDeferredChunks();
  return import("../taskpane/App").then((m) => ({ default: m.App }));
});

const useStyles = makeStyles({
  page: {
    maxWidth: "960px",
    margin: "0 auto",
    padding: "16px",
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    boxSizing: "border-box",
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    alignItems: "center",
    gap: "8px",
  },
  bar: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
  drop: {
    border: "2px dashed #8a8886",
    borderRadius: "6px",
    padding: "16px",
    display: "flex",
    flexDirection: "column",
    gap: "10px",
  },
  dropping: {
    backgroundColor: "#f3f9fd",
    outlineWidth: "2px",
    outlineStyle: "solid",
    outlineColor: "#0f6cbd",
  },
  hidden: { display: "none" },
  pane: { border: "1px solid #e0e0e0", borderRadius: "6px", maxWidth: "640px" },
});

type Notice = {
  intent: "success" | "error" | "warning" | "info";
  text: Bilingual;
} | null;

/** What went wrong, in a planner's words: the tool's own bilingual message, never a JavaScript internal. */
function problem(e: unknown): Bilingual {
  if (e instanceof CliFailure) return e.text;
  const detail = (e instanceof Error ? e.message : String(e)).split("\n")[0]!.slice(0, 200);
  return t.failed(detail);
}

async function bytesOf(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

export function OfflineApp({ initialLanguage }: { initialLanguage: Language }) {
  const styles = useStyles();
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [session, setSession] = useState<Session | null>(null);
  const [previous, setPrevious] = useState<Session | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);
  const [dropping, setDropping] = useState(false);
  // Printing straight from the page: which report, its years, and the report drawn for the printer.
  const [years, setYears] = useState<number[]>([]);
  const [toPrint, setToPrint] = useState("auto");
  const [printed, setPrinted] = useState<{
    title: string;
    html: string;
  } | null>(null);
  // A new key remounts the pane's sections on a new workbook.
  const [generation, setGeneration] = useState(0);
  const openInput = useRef<HTMLInputElement>(null);
  const planInput = useRef<HTMLInputElement>(null);
  const previousInput = useRef<HTMLInputElement>(null);
  const plan = embeddedPlan();
  const say = (text: Bilingual) => text[language];

  // First render committed: the page is interactive (read by `npm run bench`).
  useEffect(() => {
    performance.mark?.("plan-monitor:offline-interactive");
  }, []);
  useEffect(() => {
    document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
    document.title = say(t.title);
  }, [language]);

  // Leaving with changes not downloaded asks first (the browser words the question itself).
  useEffect(() => {
    const guard = (e: BeforeUnloadEvent) => {
      if (session?.changed) e.preventDefault();
    };
    window.addEventListener("beforeunload", guard);
    return () => window.removeEventListener("beforeunload", guard);
  }, [session]);

  const begin = (next: Session, message: Notice) => {
    setSession(next);
    setChanged(next.changed);
    setGeneration((g) => g + 1);
    setNotice(
      next.foreign.length
        ? {
            intent: "warning",
            text: t.foreign({
              zh: next.foreign.map((f) => f.zh).join("、"),
              en: next.foreign.map((f) => f.en).join(", "),
            }),
          }
        : message,
    );
  };

  const work = async (action: () => Promise<void>) => {
    setBusy(true);
    setNotice({ intent: "info", text: t.reading });
    try {
      await action();
    } catch (e) {
      setNotice({ intent: "error", text: problem(e) });
    } finally {
      setBusy(false);
    }
  };

  const open = (file: File) =>
    work(async () => {
      if (!/\.xlsx$/i.test(file.name)) throw new CliFailure(1, t.notXlsx(file.name));
      const next = await (await sessions()).openSession(await bytesOf(file), file.name);
      begin(next, { intent: "success", text: t.opened(file.name) });
    });

  const start = (source: "embedded" | File) =>
    work(async () => {
      const made = await (await sessions()).newSession(source === "embedded" ? { plan } : { file: await bytesOf(source), fileName: source.name }, previous, language);
      begin(made.session, {
        intent: "success",
        text: made.carried
          ? {
              zh: `${t.started(made.session.name).zh}；${t.carried(made.carried.count, made.carried.from).zh}`,
              en: `${t.started(made.session.name).en}; ${t.carried(made.carried.count, made.carried.from).en}`,
            }
          : t.started(made.session.name),
      });
    });

  const choosePrevious = (file: File) =>
    work(async () => {
      const opened = await (await sessions()).openSession(await bytesOf(file), file.name);
      setPrevious(opened);
      setNotice({ intent: "success", text: t.previousChosen(file.name) });
    });

  const download = () =>
    work(async () => {
      if (!session) return;
      const { sessionBytes, downloadName } = await sessions();
      const bytes = await sessionBytes(session, language);
      const name = downloadName(session.name, language);
      const url = URL.createObjectURL(
        new Blob([bytes as Uint8Array<ArrayBuffer>], {
          type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }),
      );
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      session.changed = false;
      setChanged(false);
      setNotice({ intent: "success", text: t.downloaded(name) });
    });

  const close = () => {
    if (session?.changed && !window.confirm(say(t.closeUnsaved))) return;
    setSession(null);
    setNotice(null);
  };

  const picked = (input: HTMLInputElement | null, use: (file: File) => void) => {
    const file = input?.files?.[0];
    if (file) use(file);
    if (input) input.value = ""; // the same file can be picked again
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDropping(false);
    const file = e.dataTransfer.files[0];
    if (file) void open(file);
  };

  const host = session ? session.host(() => setChanged(true)) : null;

  useEffect(() => {
    if (!session) return;
    sessions()
      .then((s) => s.sessionYears(session))
      .then(setYears, () => setYears([]));
  }, [session, generation]);

  // Once the report is drawn below the page, the browser's print dialog takes it.
  useEffect(() => {
    if (!printed) return;
    const previousTitle = document.title;
    document.title = printed.title;
    window.print();
    document.title = previousTitle;
  }, [printed]);

  const print = () =>
    work(async () => {
      if (!session) return;
      const options = {
        language,
        final: toPrint === "final",
        year: toPrint === "auto" || toPrint === "final" ? undefined : Number(toPrint),
      };
      const result = await (await sessions()).printable(session, options);
      if (result.kind === "error") throw new CliFailure(1, result.message);
      setPrinted({ title: result.title, html: result.html });
      setNotice({ intent: "success", text: t.printing(result.title) });
    });

  return (
    <>
      <style>{`@media screen { #print-root { display: none; } } @media print { .no-print { display: none !important; } body { margin: 0; } }\n${REPORT_PRINT_CSS}`}</style>
      <div className={`${styles.page} no-print`} onDragOver={(e) => (e.preventDefault(), setDropping(true))} onDragLeave={() => setDropping(false)} onDrop={onDrop}>
        <header className={styles.header}>
          <Title2 as="h1">{say(t.title)}</Title2>
          <ToggleButton size="small" checked={language === "en"} lang={language === "zh" ? "en" : "zh-CN"} onClick={() => setLanguage(language === "zh" ? "en" : "zh")}>
            {language === "zh" ? "English" : "中文"}
          </ToggleButton>
        </header>
        <Text>{say(t.intro)}</Text>
        {notice && (
          <MessageBar intent={notice.intent} role={notice.intent === "error" ? "alert" : "status"}>
            <MessageBarBody>{say(notice.text)}</MessageBarBody>
          </MessageBar>
        )}
        <input ref={openInput} className={styles.hidden} type="file" accept=".xlsx" data-testid="open-input" onChange={() => picked(openInput.current, (f) => void open(f))} />
        <input
          ref={planInput}
          className={styles.hidden}
          type="file"
          accept=".json,application/json"
          data-testid="plan-input"
          onChange={() => picked(planInput.current, (f) => void start(f))}
        />
        <input
          ref={previousInput}
          className={styles.hidden}
          type="file"
          accept=".xlsx"
          data-testid="previous-input"
          onChange={() => picked(previousInput.current, (f) => void choosePrevious(f))}
        />
        {!session ? (
          <section className={`${styles.drop} ${dropping ? styles.dropping : ""}`} aria-labelledby="start-title">
            <Subtitle2 as="h2" id="start-title">
              {say(t.startTitle)}
            </Subtitle2>
            <div className={styles.bar}>
              <Button appearance="primary" disabledFocusable={busy} onClick={() => openInput.current?.click()}>
                {say(t.open)}
              </Button>
              <Button disabledFocusable={busy} onClick={() => void start("embedded")}>
                {say(t.newEmbedded(plan.names[language]))}
              </Button>
              <Button disabledFocusable={busy} onClick={() => planInput.current?.click()}>
                {say(t.newFromPlan)}
              </Button>
              <Button appearance="subtle" disabledFocusable={busy} onClick={() => previousInput.current?.click()}>
                {previous ? say(t.previousChosen(previous.name)) : say(t.previous)}
              </Button>
            </div>
            <Caption1>{say(t.drop)}</Caption1>
          </section>
        ) : (
          <>
            <section className={styles.bar} aria-label={say(t.workbookTitle)}>
              <Subtitle2 as="h2">{session.name}</Subtitle2>
              <Button appearance="primary" disabledFocusable={busy} onClick={() => void download()}>
                {say(t.download)}
              </Button>
              <Button appearance="subtle" disabledFocusable={busy} onClick={close}>
                {say(t.close)}
              </Button>
              <Caption1 role="status">{say(changed ? t.unsaved : t.saved)}</Caption1>
            </section>
            <section className={styles.bar} aria-label={say(t.printTitle)}>
              <Select aria-label={say(t.printWhich)} value={toPrint} onChange={(_, d) => setToPrint(d.value)}>
                <option value="auto">{say(t.printLatest)}</option>
                {years.map((y) => (
                  <option key={y} value={String(y)}>
                    {say(t.printYear(y))}
                  </option>
                ))}
                <option value="final">{say(t.printFinal)}</option>
              </Select>
              <Button disabledFocusable={busy} onClick={() => void print()}>
                {say(t.print)}
              </Button>
            </section>
            <div className={styles.pane}>
              {host && (
                <Suspense fallback={<Caption1>{say(t.reading)}</Caption1>}>
                  <App key={generation} initialLanguage={language} language={language} onLanguage={setLanguage} host={host} />
                </Suspense>
              )}
            </div>
          </>
        )}
      </div>
      {/* Generated from the report model with every text escaped (core/report/html.ts). */}
      {printed && <div id="print-root" data-testid="print-root" dangerouslySetInnerHTML={{ __html: printed.html }} />}
    </>
  );
}
