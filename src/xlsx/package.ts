/**
 * An .xlsx package made readable for exceljs before it loads it. openpyxl writes relationship targets
 * as absolute part names ("/xl/drawings/drawing1.xml"), which the standard allows (ECMA-376 Part 2,
 * §9.3) and Excel reads; exceljs resolves every target against the source part's folder and fails
 * on them ("Cannot read properties of undefined (reading 'anchors')"). They are rewritten relative
 * to the source part, as Excel itself writes them. External targets (links) are left alone.
 * openpyxl also writes drawings in the default namespace (<wsDr xmlns="…spreadsheetDrawing">) where
 * exceljs knows only the xdr: prefix Excel uses; those elements get it (the same names, the same
 * namespace: the XML means the same).
 */
import type JSZip from "jszip";

/** The folder of a part name (no leading slash): "xl/worksheets/sheet1.xml" → "xl/worksheets"; "" at the root. */
const folderOf = (name: string) => (name.includes("/") ? name.slice(0, name.lastIndexOf("/")) : "");

/** A part name relative to a folder, as POSIX path.relative gives it ("xl/worksheets", "xl/drawings/d.xml" → "../drawings/d.xml"). */
export function relativePart(from: string, to: string): string {
  const a = from.split("/").filter(Boolean);
  const b = to.split("/").filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => ".."), ...b.slice(common)].join("/");
}

const SPREADSHEET_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/** A drawing part with its spreadsheetDrawing elements unprefixed, written with the xdr: prefix. */
export function prefixedDrawing(xml: string): string {
  if (!new RegExp(`<wsDr\\b[^>]*xmlns="${SPREADSHEET_DRAWING}"`).test(xml)) return xml;
  return xml
    .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, "<$1xdr:$2")
    .replace(`xmlns="${SPREADSHEET_DRAWING}"`, `xmlns:xdr="${SPREADSHEET_DRAWING}"`);
}

/** Makes a package written by another tool readable by exceljs; says whether anything changed. */
export async function readablePackage(zip: JSZip): Promise<boolean> {
  let changed = await relativeTargets(zip);
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/drawings\/[^/]+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    const fixed = prefixedDrawing(xml);
    if (fixed !== xml) {
      zip.file(name, fixed);
      changed = true;
    }
  }
  return changed;
}

/** Rewrites absolute internal targets; says whether anything changed. */
export async function relativeTargets(zip: JSZip): Promise<boolean> {
  let changed = false;
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith(".rels"))) {
    const xml = await zip.file(name)!.async("string");
    // xl/worksheets/_rels/sheet1.xml.rels describes xl/worksheets/sheet1.xml: targets start from xl/worksheets.
    const from = folderOf(folderOf(name));
    const fixed = xml.replace(/<Relationship\b[^>]*>/g, (tag) => {
      if (/TargetMode="External"/.test(tag)) return tag;
      return tag.replace(/Target="\/([^"]*)"/, (_, target: string) => `Target="${relativePart(from, target) || target}"`);
    });
    if (fixed !== xml) {
      zip.file(name, fixed);
      changed = true;
    }
  }
  return changed;
}
