/**
 * A plan file's bytes as text, however it was saved: UTF-8 with or without the byte-order mark
 * Notepad writes, UTF-16 with its mark, or GB18030/GBK (what Chinese Windows editors save as "ANSI").
 * A file that is not valid UTF-8 is read as GB18030, and the caller is told so: figures in ASCII read
 * the same either way, so a misread file would otherwise pass with garbled names.
 */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding; bom: boolean } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8", bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le", bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be", bom: true };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8", bom: false };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030", bom: false };
  }
}
