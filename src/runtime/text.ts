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
  howTitle: { zh: "如何加载", en: "How to load it" },
  steps: [
    {
      zh: "Windows 或 Mac 上的 Excel：在项目目录运行 npm start，会自动旁加载；或在 Excel 中选择“插入 › 加载项 › 我的加载项 › 上传我的加载项”，选择 manifest.xml。",
      en: "Excel on Windows or Mac: run npm start in the project folder, which sideloads it; or in Excel choose Insert › Add-ins › My Add-ins › Upload My Add-in and pick manifest.xml.",
    },
    {
      zh: "Excel 网页版：保持 npm start 运行，打开 Excel 网页版中的工作簿，选择“主页 › 加载项 › 更多加载项 › 我的加载项 › 上传我的加载项”，上传 manifest.xml。",
      en: "Excel on the web: keep npm start running, open a workbook in Excel on the web, choose Home › Add-ins › More Add-ins › My Add-ins › Upload My Add-in, and upload manifest.xml.",
    },
    {
      zh: "加载后，在“主页”选项卡的“规划监测”组中点击“打开规划监测助手”。",
      en: "Once loaded, click Open Plan Monitor in the Plan Monitor group on the Home tab.",
    },
  ],
  startFailed: (detail: string) => ({
    zh: `启动失败：${detail}。请刷新页面；若问题持续，请联系维护人员。`,
    en: `Start-up failed: ${detail}. Reload the page; if it persists, contact support.`,
  }),
} as const;
