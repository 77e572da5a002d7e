/** The page shown when the add-in's page is opened outside Excel. */
import { APP_NAME } from "../core/i18n";

/** The page shown when the add-in's page is opened outside Excel. */
export const outsideMessages = {
  title: APP_NAME,
  intro: {
    zh: "规划监测助手是一个 Excel 加载项，帮助教育局财务与规划人员在 Excel 中监测五年教育规划：导入指标模板、校验数据、计算进度与校际差异系数、标记未达标指标、一键生成年度报告。",
    en: "Plan Monitor is an Excel add-in that helps an education bureau's finance and planning staff monitor a five-year education plan inside Excel: insert the indicator template, validate data, calculate progress and inter-school difference coefficients, flag indicators that miss their targets, and produce annual reports.",
  },
  notInOffice: {
    zh: "此页面需要在 Excel 中作为加载项打开，目前是在普通浏览器中打开的。",
    en: "This page runs inside Excel as an add-in; it has been opened in an ordinary browser.",
  },
  wrongHost: (host: string) => ({
    zh: `此加载项只支持 Excel，当前宿主为 ${host}。`,
    en: `This add-in works in Excel only; the current host is ${host}.`,
  }),
  features: [
    { zh: "一键插入规划指标模板（指标、任务、里程碑、学校数据、教育经费、建设项目），已填数据永不丢失。", en: "Insert the plan's template in one click (indicators, tasks, milestones, schools, funding, building projects); nothing you type is ever lost." },
    { zh: "校验填报数据：每个问题都指明单元格和改法。", en: "Check the figures you enter: every problem names its cell and the fix." },
    { zh: "按规划判定每项指标：提前实现、已实现、符合预期、滞后、倒退、未实现。", en: "A verdict for every indicator: reached early, reached, on track, behind, regressing, missed." },
    { zh: "一键生成年度监测报告和规划期终期评估报告，可直接打印上报。", en: "Annual monitoring reports and the final evaluation of the period in one click, ready to print." },
  ],
  pictureAlt: {
    zh: "任务窗格：插入模板后校验数据，列出一处问题及其单元格，并显示进度与预警",
    en: "The task pane after inserting the template: the data check lists a problem with its cell, and the progress section",
  },
  getTitle: { zh: "如何在 Excel 中使用", en: "How to get it into Excel" },
  get: [
    {
      zh: "请本单位的信息技术人员在 Microsoft 365 管理中心“集中部署”本加载项（清单文件 manifest.xml），部署后它会出现在每位同事的 Excel 中。",
      en: "Ask your IT staff to deploy the add-in centrally in the Microsoft 365 admin center (its manifest file, manifest.xml): it then appears in everyone's Excel.",
    },
    {
      zh: "或自行上传：在 Excel 中选择“插入 › 加载项 › 我的加载项 › 上传我的加载项”，选择 manifest.xml。",
      en: "Or upload it yourself: in Excel choose Insert › Add-ins › My Add-ins › Upload My Add-in, and pick manifest.xml.",
    },
    {
      zh: "加载后，在“主页”选项卡的“规划监测”组中点击“打开规划监测助手”。",
      en: "Once loaded, click Open Plan Monitor in the Plan Monitor group on the Home tab.",
    },
  ],
  howTitle: { zh: "开发与测试人员", en: "For developers" },
  steps: [
    {
      zh: "Windows 或 Mac 上的 Excel：在项目目录运行 npm start，会自动旁加载。",
      en: "Excel on Windows or Mac: run npm start in the project folder, which sideloads it.",
    },
    {
      zh: "Excel 网页版：保持 npm start 运行，打开 Excel 网页版中的工作簿，选择“主页 › 加载项 › 更多加载项 › 我的加载项 › 上传我的加载项”，上传 manifest.xml。",
      en: "Excel on the web: keep npm start running, open a workbook in Excel on the web, choose Home › Add-ins › More Add-ins › My Add-ins › Upload My Add-in, and upload manifest.xml.",
    },
  ],
  /** office.js never arrived: the page cannot reach Microsoft's site (no network, or blocked). */
  officeUnavailable: {
    zh: "Office 的脚本（office.js）未能从微软网站载入：本机可能没有联网，或访问被拦截。加载项需要能访问微软网站；也可以改用离线版（见下）。",
    en: "Office's script (office.js) could not be loaded from Microsoft's site: this computer may be offline, or the site blocked. The add-in needs to reach Microsoft's site; or use the offline page instead (below).",
  },
  offlineTitle: { zh: "没有 Microsoft 365、用 WPS 或无法联网？", en: "No Microsoft 365, on WPS, or no internet?" },
  offline: {
    zh: "用离线版：同一文件夹中的 plan-monitor.html（可复制到 U 盘），用浏览器打开即可，不联网、不安装；它打开或新建工作簿、校验数据、生成报告，下载的工作簿只用内置函数，在 WPS、LibreOffice 和各版本 Excel 中都会计算。",
    en: "Use the offline page: plan-monitor.html in the same folder (copy it to a USB stick) opens in a browser, with no network and no installation; it opens or starts workbooks, checks data and writes reports, and the workbooks it downloads use built-in functions only, live in WPS, LibreOffice and every Excel.",
  },
  offlineLink: { zh: "打开离线版", en: "Open the offline page" },
  startFailed: (detail: string) => ({
    zh: `启动失败：${detail}。请刷新页面；若问题持续，请联系维护人员。`,
    en: `Start-up failed: ${detail}. Reload the page; if it persists, contact support.`,
  }),
} as const;
