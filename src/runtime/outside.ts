/**
 * The page a person sees when taskpane.html is opened outside Excel: what the add-in is and how to
 * load it. Plain DOM, so it needs none of the pane's code.
 */
import { outsideMessages } from "./text";
import { type Language } from "../core/i18n";

export function renderOutsideOffice(target: HTMLElement, language: Language, host: string | null, error?: unknown): void {
  const t = outsideMessages;
  const other: Language = language === "zh" ? "en" : "zh";
  const section = (lang: Language) => {
    const el = document.createElement("section");
    el.lang = lang === "zh" ? "zh-CN" : "en";
    const h1 = document.createElement("h1");
    h1.textContent = t.title[lang];
    const intro = document.createElement("p");
    intro.textContent = t.intro[lang];
    const why = document.createElement("p");
    // office.js that never arrived is no "start-up failure": it is the network, and there is a way round it.
    const unreachable = error !== undefined && typeof (globalThis as { Office?: unknown }).Office === "undefined";
    why.textContent = unreachable ? t.officeUnavailable[lang] : host ? t.wrongHost(host)[lang] : t.notInOffice[lang];
    const offline = document.createElement("p");
    const link = document.createElement("a");
    link.href = "plan-monitor.html";
    link.textContent = t.offlineLink[lang];
    offline.append(`${t.offline[lang]} `, link);
    const list = (items: ReadonlyArray<{ zh: string; en: string }>, ordered: boolean) => {
      const l = document.createElement(ordered ? "ol" : "ul");
      for (const item of items) {
        const li = document.createElement("li");
        li.textContent = item[lang];
        l.append(li);
      }
      return l;
    };
    const heading = (text: string) => {
      const h2 = document.createElement("h2");
      h2.textContent = text;
      return h2;
    };
    // A planner first: what it does and how it gets into Excel; the developer steps last.
    // A picture of the pane, as it looks once the template is in (kept beside the page by the build).
    const picture = document.createElement("img");
    picture.src = "assets/pane.png";
    picture.alt = t.pictureAlt[lang];
    picture.width = 240;
    picture.style.cssText = "display:block;border:1px solid #d1d1d1;margin:8px 0";
    el.append(h1, intro, list(t.features, false), picture, why, heading(t.offlineTitle[lang]), offline, heading(t.getTitle[lang]), list(t.get, true), heading(t.howTitle[lang]), list(t.steps, true));
    if (error !== undefined && !unreachable) {
      const p = document.createElement("p");
      p.setAttribute("role", "alert");
      p.textContent = t.startFailed(error instanceof Error ? error.message : String(error))[lang];
      el.append(p);
    }
    return el;
  };
  const main = document.createElement("main");
  main.id = "outside-office";
  main.style.cssText = "padding:16px;max-width:720px;line-height:1.6;font-size:14px;color:#242424";
  main.append(section(language), document.createElement("hr"), section(other));
  target.replaceChildren(main);
}
