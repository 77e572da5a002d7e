/**
 * docs/functions.md, the PLAN.* reference in Chinese and English, generated from the JSDoc of
 * src/functions/functions.ts (the same source as functions.json and its zh-CN twin) and the
 * examples in src/functions/reference.ts, so the document cannot drift from the functions.
 * `node scripts/functions-doc.cjs` writes it (`npm run build` does); a test fails when it is stale.
 */
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const ROOT = path.join(__dirname, "..");
const SOURCE = path.join(ROOT, "src/functions/functions.ts");
const REFERENCE = path.join(ROOT, "src/functions/reference.ts");
const OUT = path.join(ROOT, "docs/functions.md");

const tagText = (tag) => (typeof tag.comment === "string" ? tag.comment : (tag.comment || []).map((c) => c.text).join("")).trim();
const oneLine = (s) => s.replace(/\s*\n\s*/g, " ").trim();
const cell = (s) => oneLine(s).replace(/\|/g, "\\|");

function functions() {
  const text = fs.readFileSync(SOURCE, "utf8");
  const file = ts.createSourceFile(SOURCE, text, ts.ScriptTarget.Latest, true);
  const out = [];
  file.forEachChild((node) => {
    if (!ts.isFunctionDeclaration(node)) return;
    const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
    const tags = ts.getJSDocTags(node);
    const cf = tags.find((t) => t.tagName.escapedText === "customfunction");
    if (!cf) return;
    const id = tagText(cf).split(/\s+/)[0] || node.name.text.toUpperCase();
    const comment = docs.map((d) => (typeof d.comment === "string" ? d.comment : (d.comment || []).map((c) => c.text).join(""))).join("\n");
    const fn = { id, en: oneLine(comment), zh: "", params: [], returns: "" };
    const zhParams = {};
    for (const tag of tags) {
      const name = tag.tagName.escapedText;
      if (name === "zh") fn.zh = oneLine(tagText(tag));
      if (name === "zhparam") {
        const m = /^(\S+)\s+([\s\S]+)$/.exec(tagText(tag));
        if (m) zhParams[m[1]] = oneLine(m[2]);
      }
      if (name === "returns") fn.returns = oneLine(tagText(tag));
      if (ts.isJSDocParameterTag(tag)) fn.params.push({ name: tag.name.getText(), optional: tag.isBracketed, en: oneLine(tagText(tag)) });
    }
    for (const p of fn.params) p.zh = zhParams[p.name] || "";
    out.push(fn);
  });
  return out;
}

function examples() {
  const text = fs.readFileSync(REFERENCE, "utf8");
  const out = {};
  for (const m of text.matchAll(/\{\s*id:\s*"([A-Z]+)",\s*example:\s*(['"])(.*?)\2\s*\}/g)) out[m[1]] = m[3];
  return out;
}

function render() {
  const ex = examples();
  const lines = [
    "# PLAN.* 函数参考 · PLAN.* function reference",
    "",
    "<!-- Generated from src/functions/functions.ts and src/functions/reference.ts by scripts/functions-doc.cjs (npm run build). Do not edit by hand. -->",
    "",
    "在装有本加载项的 Excel 中可用；只用内置函数的工作簿（命令行和离线版的默认）不含这些函数。参数中的数值都可写成规划原文的样子（`19.62:1`、`＜0.40`、`92.52%`）。",
    "",
    "Available in Excel with the add-in; workbooks written with built-in functions only (the command line's and the offline page's default) contain none. Every value argument accepts plan-style text (`19.62:1`, `＜0.40`, `92.52%`).",
    "",
  ];
  for (const fn of functions()) {
    const signature = `PLAN.${fn.id}(${fn.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
    lines.push(`## PLAN.${fn.id}`, "", `\`${signature}\``, "", fn.zh, "", fn.en, "");
    if (fn.params.length) {
      lines.push("| 参数 Parameter | 说明 | Description |", "|---|---|---|");
      for (const p of fn.params) lines.push(`| \`${p.name}\`${p.optional ? "（可选 optional）" : ""} | ${cell(p.zh)} | ${cell(p.en)} |`);
      lines.push("");
    }
    if (fn.returns) lines.push(`返回 Returns: ${fn.returns}`, "");
    if (ex[fn.id]) lines.push(`例 Example: \`${ex[fn.id]}\``, "");
  }
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}

module.exports = { render, OUT };

if (require.main === module) fs.writeFileSync(OUT, render());
