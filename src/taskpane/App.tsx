/**
 * The task pane. It renders use-case results only; it decides nothing itself.
 */
import { useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Caption1,
  Subtitle2,
  Title3,
  ToggleButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { paneText, type Language } from "../core/i18n";
import { templateOverview } from "../usecases/overview";
import { FUNCTION_REFERENCE } from "../functions/reference";

const useStyles = makeStyles({
  root: { padding: "12px", display: "flex", flexDirection: "column", gap: "8px", minWidth: "280px" },
  header: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: "8px" },
  list: { margin: 0, paddingLeft: "18px", display: "flex", flexDirection: "column", gap: "4px" },
  code: { fontFamily: tokens.fontFamilyMonospace, backgroundColor: tokens.colorNeutralBackground3, padding: "0 4px" },
});

export function App({ initialLanguage }: { initialLanguage: Language }) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const styles = useStyles();
  const t = (key: keyof typeof paneText) => paneText[key][language];
  const overview = templateOverview(language);

  return (
    <main className={styles.root} lang={language === "zh" ? "zh-CN" : "en"}>
      <div className={styles.header}>
        <Title3 as="h1">{t("title")}</Title3>
        <ToggleButton
          size="small"
          checked={language === "en"}
          aria-label={t("switchLanguage")}
          onClick={() => setLanguage(language === "zh" ? "en" : "zh")}
        >
          {language === "zh" ? "English" : "中文"}
        </ToggleButton>
      </div>
      <Body1>{overview.planName}</Body1>
      <Caption1>
        {overview.period} · {t("templateVersion")} {overview.version}
      </Caption1>
      <Accordion multiple collapsible defaultOpenItems={["template"]}>
        <AccordionItem value="template">
          <AccordionHeader as="h2">{t("templateSection")}</AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {overview.groups.map((g) => (
                <li key={g.id}>
                  {g.name}: {g.count}
                </li>
              ))}
              <li>
                {t("taskTargets")}: {overview.taskCount}
              </li>
            </ul>
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="contradictions">
          <AccordionHeader as="h2">
            {t("contradictions")}&nbsp;<Badge appearance="tint" color="warning">{overview.contradictions.length}</Badge>
          </AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {overview.contradictions.map((c) => (
                <li key={c.id}>{c.summary}</li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="functions">
          <AccordionHeader as="h2">{t("functions")}</AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {FUNCTION_REFERENCE.map((f) => (
                <li key={f.id}>
                  <Subtitle2>PLAN.{f.id}</Subtitle2> — {f.summary[language]}
                  <br />
                  <code className={styles.code}>{f.example}</code>
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </main>
  );
}
