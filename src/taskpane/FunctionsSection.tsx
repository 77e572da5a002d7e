import { useState } from "react";
import { Button, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { functionSummaries } from "../functions/reference";
import { paneText } from "./text";
import { type Language } from "../core/i18n";
import { FUNCTION_REFERENCE } from "../functions/reference";

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: "8px" },
  code: { fontFamily: tokens.fontFamilyMonospace, backgroundColor: tokens.colorNeutralBackground3, padding: "0 4px", overflowWrap: "anywhere" }, // breaks at spaces; inside a token only if it cannot fit
});

export function FunctionsSection({ language }: { language: Language }) {
  const styles = useStyles();
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async (id: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(id);
    } catch {
      setCopied(null); // the example stays selectable by hand
    }
  };
  return (
    <ul className={styles.list}>
      {FUNCTION_REFERENCE.map((f) => (
        <li key={f.id}>
          <Subtitle2>PLAN.{f.id}</Subtitle2> — {functionSummaries[f.id][language]}
          <br />
          <code className={styles.code}>{f.example}</code>{" "}
          <Button size="small" appearance="subtle" aria-label={`${paneText.copy[language]} ${f.example}`} onClick={() => void copy(f.id, f.example)}>
            {copied === f.id ? paneText.copied[language] : paneText.copy[language]}
          </Button>
        </li>
      ))}
    </ul>
  );
}
