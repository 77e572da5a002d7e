/**
 * Builds the zh-CN custom-functions metadata from functions.json plus the @zh / @zhparam JSDoc lines
 * in src/functions/functions.ts, so the English and Chinese formula-bar text share one source.
 * Throws when a function or parameter has no Chinese text.
 */
const fs = require("fs");
const ts = require("typescript");

function tagText(tag) {
  return typeof tag.comment === "string" ? tag.comment : (tag.comment || []).map((c) => c.text).join("");
}

/** id → { description, params: { name → description } } from the @zh tags. */
function readChinese(sourcePath) {
  const text = fs.readFileSync(sourcePath, "utf8");
  const file = ts.createSourceFile(sourcePath, text, ts.ScriptTarget.Latest, true);
  const out = {};
  file.forEachChild((node) => {
    if (!ts.isFunctionDeclaration(node)) return;
    const tags = ts.getJSDocTags(node);
    const cf = tags.find((t) => t.tagName.escapedText === "customfunction");
    if (!cf) return;
    const id = tagText(cf).trim().split(/\s+/)[0] || node.name.text.toUpperCase();
    const entry = { description: "", params: {} };
    for (const tag of tags) {
      const name = tag.tagName.escapedText;
      const body = tagText(tag).trim();
      if (name === "zh") entry.description = body;
      if (name === "zhparam") {
        const match = /^(\S+)\s+([\s\S]+)$/.exec(body);
        if (match) entry.params[match[1]] = match[2].trim();
      }
    }
    out[id] = entry;
  });
  return out;
}

function localize(metadata, sourcePath) {
  const zh = readChinese(sourcePath);
  const missing = [];
  const functions = metadata.functions.map((fn) => {
    const entry = zh[fn.id];
    if (!entry || !entry.description) missing.push(`${fn.id}: @zh`);
    const parameters = (fn.parameters || []).map((p) => {
      const description = entry && entry.params[p.name];
      if (!description) missing.push(`${fn.id}: @zhparam ${p.name}`);
      return { ...p, description: description || p.description };
    });
    return { ...fn, description: (entry && entry.description) || fn.description, parameters };
  });
  if (missing.length) throw new Error(`Chinese formula-bar text missing for ${missing.join(", ")}`);
  return { ...metadata, functions };
}

module.exports = { localize, readChinese };
