/**
 * Packages from other tools made readable for exceljs (src/xlsx/package.ts), on hand-written parts.
 */
import JSZip from "jszip";
import { prefixedDrawing, relativeTargets } from "../../src/xlsx/package";

const rels = (targets: string) => `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${targets}</Relationships>`;

describe("absolute relationship targets (openpyxl) made relative to their source part", () => {
  test("a sheet's, the workbook's and the package's own; an external link left alone; nothing else touched", async () => {
    const zip = new JSZip();
    zip.file("_rels/.rels", rels('<Relationship Id="rId1" Type="t" Target="/xl/workbook.xml"/>'));
    zip.file("xl/_rels/workbook.xml.rels", rels('<Relationship Id="rId1" Type="t" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="t" Target="styles.xml"/>'));
    zip.file("xl/worksheets/_rels/sheet1.xml.rels", rels('<Relationship Id="rId1" Type="t" Target="/xl/drawings/drawing1.xml"/><Relationship Id="rId2" Type="h" Target="/intranet/page" TargetMode="External"/>'));
    zip.file("xl/drawings/_rels/drawing1.xml.rels", rels('<Relationship Type="c" Target="/xl/charts/chart1.xml" Id="rId1" />'));
    expect(await relativeTargets(zip)).toBe(true);
    const read = (n: string) => zip.file(n)!.async("string");
    expect(await read("_rels/.rels")).toContain('Target="xl/workbook.xml"');
    expect(await read("xl/_rels/workbook.xml.rels")).toContain('Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="t" Target="styles.xml"/>');
    expect(await read("xl/worksheets/_rels/sheet1.xml.rels")).toContain('Target="../drawings/drawing1.xml"/><Relationship Id="rId2" Type="h" Target="/intranet/page" TargetMode="External"/>');
    expect(await read("xl/drawings/_rels/drawing1.xml.rels")).toContain('Target="../charts/chart1.xml"');
    // A package as Excel writes it: unchanged.
    expect(await relativeTargets(zip)).toBe(false);
  });
});

describe("a drawing in the default namespace (openpyxl) written with the xdr: prefix", () => {
  const NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
  test("every unprefixed element prefixed, the prefixed ones (a:, c:) and the attributes kept", () => {
    const xml = `<wsDr xmlns:a="A" xmlns:c="C" xmlns="${NS}"><twoCellAnchor editAs="oneCell"><from><col>0</col></from><graphicFrame><a:graphic><c:chart r:id="rId1" /></a:graphic></graphicFrame><clientData /></twoCellAnchor></wsDr>`;
    expect(prefixedDrawing(xml)).toBe(
      `<xdr:wsDr xmlns:a="A" xmlns:c="C" xmlns:xdr="${NS}"><xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>0</xdr:col></xdr:from><xdr:graphicFrame><a:graphic><c:chart r:id="rId1" /></a:graphic></xdr:graphicFrame><xdr:clientData /></xdr:twoCellAnchor></xdr:wsDr>`,
    );
  });

  test("a drawing as Excel writes it (xdr: already) is left as it is", () => {
    const xml = `<xdr:wsDr xmlns:xdr="${NS}"><xdr:twoCellAnchor/></xdr:wsDr>`;
    expect(prefixedDrawing(xml)).toBe(xml);
  });
});
