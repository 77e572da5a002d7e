/**
 * The one bilingual helper every layer shares: a zh/en pair, picking a language, and Office's
 * display language. The strings themselves live beside the layer that shows them.
 */
export type Language = "zh" | "en";

export interface Bilingual {
  zh: string;
  en: string;
}

export function pick(text: Bilingual, language: Language): string {
  return text[language];
}

/** Office display languages look like "zh-CN", "zh-TW", "en-US"; anything Chinese gets zh. */
export function languageFromLocale(locale: string | null | undefined): Language {
  return typeof locale === "string" && locale.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** Text quoted as the messages quote an input. */
export const quoted = (input: string): string => JSON.stringify(input);

/** The product's name, wherever it is shown. */
export const APP_NAME = { zh: "规划监测助手", en: "Plan Monitor" } as const satisfies Bilingual;
