/**
 * Workbooks as WPS Office saves them. WPS is not available here, so the package is the demo with
 * the parts and markup WPS adds (documented in public reports of WPS files): its build stamp in
 * docProps/custom.xml (KSOProductBuildVer), its namespace on the sheets, and a
 * picture embedded in a cell (嵌入单元格图片: xl/cellimages.xml, its relationship of WPS's own type,
 * a DISPIMG formula). Such a workbook is read and reported; a picture the tool cannot carry over
 * makes the report a workbook of its own, said so, never a picture silently dropped.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/xlsx/cli";
import { expectSchemaValid } from "./schema";

const dir = mkdtempSync(join(tmpdir(), "plan-monitor-wps-"));
const NOW = new Date(2026, 10, 30, 8, 40);
// A 1 × 1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");

async function wpsLike(from: string, to: string, picture: boolean) {
  const zip = await JSZip.loadAsync(readFileSync(from));
  const add = (path: string, xml: string) => zip.file(path, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`);
  let types = await zip.file("[Content_Types].xml")!.async("string");
  let rootRels = await zip.file("_rels/.rels")!.async("string");
  add(
    "docProps/custom.xml",
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0.16120</vt:lpwstr></property>' +
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="ICV"><vt:lpwstr>8A1B2C3D4E5F60718293A4B5C6D7E8F9</vt:lpwstr></property></Properties>',
  );
  types = types.replace("</Types>", '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>');
  rootRels = rootRels.replace("</Relationships>", '<Relationship Id="rIdWps1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>');
  // A sheet as WPS writes it: its own namespace declared on the root (rows already carry Excel 2010's
  // x14ac:dyDescent behind mc:Ignorable, as WPS writes them too).
  const sheet = "xl/worksheets/sheet1.xml";
  let xml = await zip.file(sheet)!.async("string");
  expect(xml).toMatch(/x14ac:dyDescent/);
  xml = xml.replace("<worksheet ", '<worksheet xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData" ');
  if (picture) {
    add(
      "xl/cellimages.xml",
      '<etc:cellImages xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData">' +
        '<etc:cellImage><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="ID_0F1E2D3C4B5A69788796A5B4C3D2E1F0"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>' +
        '<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="9525" cy="9525"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic></etc:cellImage></etc:cellImages>',
    );
    add("xl/_rels/cellimages.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>');
    zip.file("xl/media/image1.png", PNG);
    types = types.replace("</Types>", '<Default Extension="png" ContentType="image/png"/><Override PartName="/xl/cellimages.xml" ContentType="application/vnd.wps-officedocument.cellimage+xml"/></Types>');
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file("xl/_rels/workbook.xml.rels", rels.replace("</Relationships>", '<Relationship Id="rIdWps2" Type="http://www.wps.cn/officeDocument/2020/cellImage" Target="cellimages.xml"/></Relationships>'));
    // The picture shown in a cell below the table, as WPS writes it: a DISPIMG formula naming it.
    xml = xml.replace("</sheetData>", '<row r="300"><c r="A300" t="str"><f>_xlfn.DISPIMG("ID_0F1E2D3C4B5A69788796A5B4C3D2E1F0",1)</f><v>=DISPIMG("ID_0F1E2D3C4B5A69788796A5B4C3D2E1F0",1)</v></c></row></sheetData>');
  }
  zip.file(sheet, xml);
  zip.file("[Content_Types].xml", types);
  zip.file("_rels/.rels", rootRels);
  writeFileSync(to, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

async function reportRows(file: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, file));
  const rows: unknown[][] = [];
  wb.getWorksheet(sheet)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1, 14)));
  return rows;
}

beforeAll(async () => {
  expect((await main(["demo", "-o", "demo.xlsx"], { cwd: dir, now: NOW })).code).toBe(0);
  expect((await main(["report", "demo.xlsx", "--year", "2022", "-o", "demo-2022.xlsx"], { cwd: dir, now: NOW })).code).toBe(0);
}, 120_000);

test("a workbook WPS saved (its build stamp, its namespace) is reported into a copy, as from the demo itself", async () => {
  await wpsLike(join(dir, "demo.xlsx"), join(dir, "wps.xlsx"), false);
  const result = await main(["report", "wps.xlsx", "--year", "2022", "-o", "wps-2022.xlsx"], { cwd: dir, now: NOW });
  expect(result.code).toBe(0);
  expect(result.lines.join("\n")).not.toMatch(/of its own/);
  expect((await reportRows("wps-2022.xlsx", "2022年度监测报告")).slice(0, 200)).toEqual((await reportRows("demo-2022.xlsx", "2022年度监测报告")).slice(0, 200));
  expectSchemaValid([join(dir, "wps-2022.xlsx")]);
}, 240_000);

test("a WPS picture embedded in a cell (cellimages.xml, DISPIMG) is not dropped: the report stands alone and says why", async () => {
  await wpsLike(join(dir, "demo.xlsx"), join(dir, "wps-picture.xlsx"), true);
  const before = readFileSync(join(dir, "wps-picture.xlsx"));
  const result = await main(["report", "wps-picture.xlsx", "--year", "2022"], { cwd: dir, now: NOW });
  expect(result.code).toBe(0);
  expect(result.lines.join("\n")).toMatch(/图片 \/ images\), so the report was written as a workbook of its own/);
  expect(readFileSync(join(dir, "wps-picture.xlsx")).equals(before)).toBe(true);
  expect((await reportRows("wps-picture-report.xlsx", "2022年度监测报告")).slice(0, 200)).toEqual((await reportRows("demo-2022.xlsx", "2022年度监测报告")).slice(0, 200));
}, 120_000);
