/**
 * The task pane: a planner's cockpit. It renders use-case results and decides nothing itself.
 */
import { useEffect, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Caption1,
  Title3,
  ToggleButton,
  makeStyles,
} from "@fluentui/react-components";
import { paneText } from "./text";
import { type Language } from "../core/i18n";
import { templateOverview } from "../usecases/overview";
import { currentPlan } from "../usecases/workbook";
import type { Plan } from "../core/plan/schema";
import type { PaneHost } from "./host";
import { TemplateSection } from "./TemplateSection";
import { CheckSection } from "./CheckSection";
import { ProgressSection } from "./ProgressSection";
import { FunctionsSection } from "./FunctionsSection";
import { ReportsSection } from "./ReportsSection";
import { Notices } from "./Notices";
import { Announcer } from "./Announcer";

const useStyles = makeStyles({
  // Reflows down to 160 CSS px (320 px at 200 % zoom): controls shrink and wrap, nothing scrolls sideways.
  root: {
    padding: "12px",
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    minWidth: 0,
    maxWidth: "100%",
    boxSizing: "border-box",
    "& .fui-Field, & .fui-Select, & .fui-Select__select": { maxWidth: "100%", minWidth: 0 },
    "& .fui-Button": { maxWidth: "100%", minWidth: 0, whiteSpace: "normal", height: "auto" },
    "& div": { maxWidth: "100%" },
    "& .fui-AccordionHeader__button": { whiteSpace: "normal", minWidth: 0, height: "auto" },
  },
  header: { display: "flex", flexWrap: "wrap", justifyContent: "space-between", alignItems: "center", gap: "8px" },
  list: { margin: 0, paddingLeft: "18px", display: "flex", flexDirection: "column", gap: "4px" },
});

/**
 * `language` and `onLanguage` given: the page around the sections owns the language and the title
 * (the offline page), and the pane shows neither its own title nor its own switch.
 */
export function App({ initialLanguage, host, language: given, onLanguage }: { initialLanguage: Language; host: PaneHost; language?: Language; onLanguage?: (l: Language) => void }) {
  const [own, setOwn] = useState<Language>(initialLanguage);
  const language = given ?? own;
  const setLanguage = onLanguage ?? setOwn;
  const embedded = given !== undefined;
  const [version, setVersion] = useState(0);
  const styles = useStyles();
  const t = (key: keyof typeof paneText) => paneText[key][language];
  // The plan the workbook follows, once read (the embedded plan until then, and before any template).
  const [plan, setPlan] = useState<Plan | undefined>(undefined);
  // Before the template is in, the sections that need it say so instead of failing when used.
  const [inserted, setInserted] = useState<boolean | null>(null);
  useEffect(() => {
    host.run((port) => currentPlan(port)).then(
      (current) => {
        setPlan(current.plan);
        setInserted(current.inserted);
      },
      () => undefined,
    );
  }, [version]);
  const overview = templateOverview(language, plan);
  // The page's language follows the pane's, for screen readers and hyphenation.
  useEffect(() => {
    document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
  }, [language]);
  // First render committed: the pane is interactive (read by `npm run bench`).
  useEffect(() => {
    performance.mark?.("plan-monitor:pane-interactive"); // absent in some webviews and jsdom
  }, []);

  return (
    <Announcer>
      <main className={styles.root} lang={language === "zh" ? "zh-CN" : "en"}>
        {!embedded && (
          <div className={styles.header}>
            <Title3 as="h1">{t("title")}</Title3>
            {/* The spoken name starts with the visible text (WCAG 2.5.3), then says what the button does. */}
            <ToggleButton
              size="small"
              checked={language === "en"}
              aria-label={`${language === "zh" ? "English" : "中文"} ${t("switchLanguage")}`}
              lang={language === "zh" ? "en" : "zh-CN"}
              onClick={() => setLanguage(language === "zh" ? "en" : "zh")}
            >
              {language === "zh" ? "English" : "中文"}
            </ToggleButton>
          </div>
        )}
        <Caption1>
          {overview.planName} · {overview.period}
        </Caption1>
        <Notices language={language} />
        <Accordion multiple collapsible defaultOpenItems={["template", "progress"]}>
          <AccordionItem value="template">
            <AccordionHeader as="h2">{t("templateSection")}</AccordionHeader>
            <AccordionPanel>
              <TemplateSection host={host} language={language} onChanged={() => setVersion((v) => v + 1)} />
            </AccordionPanel>
          </AccordionItem>
          <AccordionItem value="check">
            <AccordionHeader as="h2">{t("checkSection")}</AccordionHeader>
            <AccordionPanel>
              <CheckSection host={host} language={language} inserted={inserted} />
            </AccordionPanel>
          </AccordionItem>
          <AccordionItem value="progress">
            <AccordionHeader as="h2">{t("progressSection")}</AccordionHeader>
            <AccordionPanel>
              <ProgressSection host={host} language={language} version={version} />
            </AccordionPanel>
          </AccordionItem>
          <AccordionItem value="reports">
            <AccordionHeader as="h2">{t("reportsSection")}</AccordionHeader>
            <AccordionPanel>
              <ReportsSection host={host} language={language} version={version} inserted={inserted} />
            </AccordionPanel>
          </AccordionItem>
          <AccordionItem value="contradictions">
            <AccordionHeader as="h2">
              {/* One inline run, so the count wraps with the words on a narrow pane. */}
              <span>
                {t("contradictions")}{" "}
                <Badge appearance="tint" color="warning">
                  {overview.contradictions.length}
                </Badge>
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {overview.contradictions.map((c) => (
                  <li key={c.id}>{c.summary}</li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
          {/* PLAN.* are the add-in's: a workbook written with built-in functions has none to look up. */}
          {host.formulas !== "portable" && (
            <AccordionItem value="functions">
              <AccordionHeader as="h2">{t("functions")}</AccordionHeader>
              <AccordionPanel>
                <FunctionsSection language={language} />
              </AccordionPanel>
            </AccordionItem>
          )}
        </Accordion>
      </main>
    </Announcer>
  );
}
