/**
 * Native charts in files written outside Excel. exceljs writes no charts, so the report's chart
 * (completion against time elapsed, the same one the add-in draws through Office.js) is added to the
 * package after exceljs has written it: a DrawingML chart part, a drawing anchoring it to the sheet,
 * their relationships and content types. exceljs also drops charts it reads, so the charts this tool
 * wrote are carried over from the input (marked by the frame's name) and written again on save.
 */
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { columnLetter, parseAddress } from "../core/workbook/a1";

/** The name of the chart frames this tool writes: how it recognises its own charts when it reads them. */
export const CHART_FRAME = "PlanMonitorChart";

interface ChartSpec {
  sheet: string;
  /** Header row and body: category (ID), then one column per series. */
  dataAddress: string;
  title: string;
  anchor: string;
  bottomRight: string;
}

/** A chart to write: from a spec, or carried over as read (its chart XML and anchor XML). */
type Pending = { sheet: string; spec: ChartSpec } | { sheet: string; chartXml: string; anchorXml: string };

const pending = new WeakMap<ExcelJS.Workbook, Pending[]>();

/** One chart per sheet: a new one replaces what the sheet had. */
function queue(wb: ExcelJS.Workbook, chart: Pending): void {
  const list = (pending.get(wb) ?? []).filter((p) => p.sheet.toLowerCase() !== chart.sheet.toLowerCase());
  pending.set(wb, [...list, chart]);
}

export function queueChart(wb: ExcelJS.Workbook, spec: ChartSpec): void {
  queue(wb, { sheet: spec.sheet, spec });
}

export function dropChart(wb: ExcelJS.Workbook, sheet: string): void {
  pending.set(wb, (pending.get(wb) ?? []).filter((p) => p.sheet.toLowerCase() !== sheet.toLowerCase()));
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const quoteSheet = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** A clustered bar chart: one bar per category, one series per data column after the first. */
function chartXml(spec: ChartSpec): string {
  const [from, to] = spec.dataAddress.replace(/\$/g, "").split(":").map((a) => parseAddress(a));
  const abs = (c: number, r1: number, r2: number) => `${quoteSheet(spec.sheet)}!$${columnLetter(c)}$${r1 + 1}:$${columnLetter(c)}$${r2 + 1}`;
  const categories = abs(from!.col, from!.row + 1, to!.row);
  const series = Array.from({ length: to!.col - from!.col }, (_, k) => {
    const col = from!.col + 1 + k;
    return `<c:ser><c:idx val="${k}"/><c:order val="${k}"/><c:tx><c:strRef><c:f>${escape(`${quoteSheet(spec.sheet)}!$${columnLetter(col)}$${from!.row + 1}`)}</c:f></c:strRef></c:tx>`
      + `<c:spPr><a:solidFill><a:srgbClr val="${k === 0 ? "5B9BD5" : "A5A5A5"}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`
      + `<c:cat><c:strRef><c:f>${escape(categories)}</c:f></c:strRef></c:cat>`
      + `<c:val><c:numRef><c:f>${escape(abs(col, from!.row + 1, to!.row))}</c:f></c:numRef></c:val></c:ser>`;
  }).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:roundedCorners val="0"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="1200" b="1"/><a:t>${escape(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="60"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart><c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="low"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx><c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/><c:numFmt formatCode="0%" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx></c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`;
}

function anchorXml(spec: ChartSpec): string {
  const a = parseAddress(spec.anchor.replace(/\$/g, ""));
  const b = parseAddress(spec.bottomRight.replace(/\$/g, ""));
  return `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${a.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${b.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${b.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${CHART_FRAME}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;
}

const DRAWING_NS = `xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";

/** Sheet names to their part paths (xl/worksheets/sheetN.xml). */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    if (name && id && targets.has(id)) out.set(unescapeXml(name), targets.get(id)!);
  }
  return out;
}

const unescapeXml = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const relsOf = (part: string) => part.replace(/([^/]+)$/, "_rels/$1.rels");
const resolve = (from: string, target: string) => {
  const parts = from.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
};

/**
 * Charts in a package read from a file: those this tool wrote (frame named CHART_FRAME, alone in its
 * drawing) are queued to be written again; any other chart makes the caller keep the file whole.
 */
/**
 * What exceljs loses of a sheet's print setup on a round trip, put back: the manual page breaks (it
 * reads none) and the absolute rows of the print area (it writes back `$A1:$M240`, which LibreOffice
 * reads as a relative range). Adding one report must not change how the others print.
 */
export async function carryPrintSetup(zip: JSZip, wb: ExcelJS.Workbook): Promise<void> {
  const sheets = await sheetParts(zip);
  for (const ws of wb.worksheets) {
    const area = ws.pageSetup?.printArea;
    // Rows get their `$` here; exceljs adds the columns' (as apply.ts writes a new report's).
    if (area) ws.pageSetup.printArea = area.split("&&").map((a) => a.replace(/\$/g, "").replace(/([A-Z]+)(\d+)/g, "$1$$$2")).join("&&");
    const part = sheets.get(ws.name);
    const xml = part ? await zip.file(part)?.async("string") : undefined;
    const breaks = /<rowBreaks\b[\s\S]*?<\/rowBreaks>/.exec(xml ?? "")?.[0] ?? "";
    for (const m of breaks.matchAll(/<brk\b[^>]*\bid="(\d+)"[^>]*>/g)) {
      if (/\bman="(?:1|true)"/.test(m[0])) ws.getRow(Number(m[1])).addPageBreak();
    }
  }
}

export async function carryCharts(zip: JSZip, wb: ExcelJS.Workbook): Promise<{ foreign: boolean }> {
  const sheets = await sheetParts(zip);
  let foreign = false;
  const found = new Set<string>();
  for (const [sheet, part] of sheets) {
    const rels = await zip.file(relsOf(part))?.async("string");
    const drawingTarget = rels ? [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(REL_DRAWING)) : undefined;
    if (!drawingTarget) continue;
    const drawing = resolve(part, /\bTarget="([^"]+)"/.exec(drawingTarget)![1]!);
    const drawingXml = (await zip.file(drawing)?.async("string")) ?? "";
    const anchors = drawingXml.match(/<xdr:(?:twoCellAnchor|oneCellAnchor|absoluteAnchor)\b[\s\S]*?<\/xdr:(?:twoCellAnchor|oneCellAnchor|absoluteAnchor)>/g) ?? [];
    const drawingRels = (await zip.file(relsOf(drawing))?.async("string")) ?? "";
    const chartRel = [...drawingRels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(REL_CHART));
    if (anchors.length === 1 && anchors[0]!.includes(`name="${CHART_FRAME}"`) && chartRel) {
      const chart = resolve(drawing, /\bTarget="([^"]+)"/.exec(chartRel)![1]!);
      const xml = await zip.file(chart)?.async("string");
      if (xml) {
        queue(wb, { sheet, chartXml: xml, anchorXml: anchors[0]!.replace(/r:id="[^"]+"/, 'r:id="rId1"') });
        found.add(chart);
        continue;
      }
    }
    foreign = true;
  }
  // A chart part not reached from any sheet (a chart sheet) is not ours either.
  if (Object.keys(zip.files).some((n) => /^xl\/charts\/chart\d+\.xml$/.test(n) && !found.has(n))) foreign = true;
  return { foreign };
}

/** The package exceljs wrote, with the queued charts added to the sheets that still exist. */
export async function withCharts(wb: ExcelJS.Workbook, buffer: Uint8Array): Promise<Uint8Array> {
  const charts = (pending.get(wb) ?? []).filter((p) => wb.worksheets.some((ws) => ws.name.toLowerCase() === p.sheet.toLowerCase()));
  if (!charts.length) return buffer;
  const zip = await JSZip.loadAsync(buffer);
  const sheets = await sheetParts(zip);
  let types = await zip.file("[Content_Types].xml")!.async("string");
  let n = 1;
  const free = (pattern: (k: number) => string) => {
    while (zip.file(pattern(n))) n++;
    return n;
  };
  for (const chart of charts) {
    const part = [...sheets.entries()].find(([name]) => name.toLowerCase() === chart.sheet.toLowerCase())?.[1];
    if (!part) continue;
    const k = Math.max(free((i) => `xl/charts/chart${i}.xml`), free((i) => `xl/drawings/drawing${i}.xml`));
    n = k + 1;
    const xml = "spec" in chart ? chartXml(chart.spec) : chart.chartXml;
    const anchor = "spec" in chart ? anchorXml(chart.spec) : chart.anchorXml;
    const flat = { createFolders: false };
    zip.file(`xl/charts/chart${k}.xml`, xml, flat);
    zip.file(`xl/drawings/drawing${k}.xml`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr ${DRAWING_NS}>${anchor}</xdr:wsDr>`, flat);
    zip.file(`xl/drawings/_rels/drawing${k}.xml.rels`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_CHART}" Target="../charts/chart${k}.xml"/></Relationships>`, flat);
    const relsPath = relsOf(part);
    let rels = (await zip.file(relsPath)?.async("string")) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    const id = `rIdPlanMonitorChart${k}`;
    rels = rels.replace("</Relationships>", `<Relationship Id="${id}" Type="${REL_DRAWING}" Target="../drawings/drawing${k}.xml"/></Relationships>`);
    zip.file(relsPath, rels, flat);
    // <drawing> stands right after the last of the elements the schema puts before it (the data, merges,
    // conditional formats, validation, print settings, page breaks); a data bar's own <extLst> sits
    // inside its rule, so the place is found from these, not from the elements that follow.
    let sheetXml = await zip.file(part)!.async("string");
    const ends = [...sheetXml.matchAll(/<\/(?:sheetData|mergeCells|conditionalFormatting|dataValidations|hyperlinks|headerFooter|rowBreaks|colBreaks|ignoredErrors)>|<(?:printOptions|pageMargins|pageSetup)\b[^>]*\/>/g)];
    const last = ends[ends.length - 1]!;
    const at = last.index + last[0].length;
    sheetXml = `${sheetXml.slice(0, at)}<drawing r:id="${id}"/>${sheetXml.slice(at)}`;
    if (!/xmlns:r=/.test(sheetXml.slice(0, 600))) sheetXml = sheetXml.replace("<worksheet ", `<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" `);
    zip.file(part, sheetXml);
    types = types.replace(
      "</Types>",
      `<Override PartName="/xl/charts/chart${k}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/><Override PartName="/xl/drawings/drawing${k}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`,
    );
  }
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
