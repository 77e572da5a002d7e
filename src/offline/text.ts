/** Every string of the offline page, in both languages. */
import type { Bilingual } from "../core/i18n";

export const offlineText = {
  title: { zh: "规划监测助手 · 离线版", en: "Plan Monitor · offline" },
  intro: {
    zh: "在本机浏览器中使用：不联网、不安装、不上传任何数据。打开或新建一个工作簿，完成后下载更新后的工作簿（原文件不会被修改），在 WPS、Excel 或 LibreOffice 中打开。",
    en: "Runs in this browser: no network, no installation, nothing uploaded. Open or start a workbook, then download the updated workbook (the original file is never changed) and open it in WPS, Excel or LibreOffice.",
  },
  startTitle: { zh: "打开或新建工作簿", en: "Open or start a workbook" },
  open: { zh: "打开工作簿…", en: "Open a workbook…" },
  drop: { zh: "也可以把 .xlsx 文件拖到本页", en: "or drop an .xlsx file on this page" },
  newEmbedded: (plan: string): Bilingual => ({ zh: `新建：${plan}`, en: `New: ${plan}` }),
  newFromPlan: { zh: "新建：按规划文件（JSON）…", en: "New: from a plan file (JSON)…" },
  previous: { zh: "上期工作簿（可选，新规划未给基期值的指标沿用其终值）…", en: "Last period's workbook (optional: indicators without a baseline take its final values)…" },
  previousChosen: (name: string): Bilingual => ({ zh: `上期工作簿：${name}`, en: `Last period's workbook: ${name}` }),
  reading: { zh: "正在读取…", en: "Reading…" },
  opened: (name: string): Bilingual => ({ zh: `已打开 ${name}`, en: `Opened ${name}` }),
  started: (name: string): Bilingual => ({ zh: `已新建 ${name}：模板已插入`, en: `Started ${name}: the template is in` }),
  carried: (n: number, from: number): Bilingual => ({ zh: `${n} 项指标的基期值沿用上期 ${from} 年终值（已在“规划定义”中标出）`, en: `${n} baseline(s) carried over from ${from} (marked in the plan definition)` }),
  workbookTitle: { zh: "当前工作簿", en: "This workbook" },
  download: { zh: "下载更新后的工作簿", en: "Download the updated workbook" },
  downloaded: (name: string): Bilingual => ({ zh: `已下载 ${name}`, en: `Downloaded ${name}` }),
  unsaved: { zh: "有更改尚未下载", en: "Changes not downloaded yet" },
  saved: { zh: "没有未下载的更改", en: "No changes since the last download" },
  close: { zh: "关闭此工作簿", en: "Close this workbook" },
  closeUnsaved: { zh: "更改尚未下载，仍要关闭吗？", en: "The changes have not been downloaded. Close anyway?" },
  foreign: (parts: Bilingual): Bilingual => ({
    zh: `此工作簿含有本工具不能保留的内容（${parts.zh}）：下载的文件中不会有这些内容，请保留原文件，把报告另存或复制过去。`,
    en: `This workbook holds content this tool cannot keep (${parts.en}): the downloaded file will not have it. Keep the original and copy the report into it.`,
  }),
  notXlsx: (name: string): Bilingual => ({ zh: `${name} 不是 .xlsx 工作簿`, en: `${name} is not an .xlsx workbook` }),
  failed: (detail: string): Bilingual => ({ zh: `操作失败：${detail}`, en: `That failed: ${detail}` }),
  oldBrowser: {
    zh: "此浏览器版本过旧，无法运行离线版。请使用 Chrome、Edge、360、QQ 等浏览器的较新版本（Chromium 80 及以上）或 Firefox 78 及以上。",
    en: "This browser is too old for the offline page. Use a recent Chrome, Edge or another Chromium-based browser (80 or later), or Firefox 78 or later.",
  },
} as const;
