/** A1-style addresses. Columns and rows are 0-based here, 1-based in the text. */

export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellAddress(col: number, row: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

export function rangeAddress(col: number, row: number, cols: number, rows: number): string {
  return `${cellAddress(col, row)}:${cellAddress(col + cols - 1, row + rows - 1)}`;
}

/** "Sheet 1!B3:D9" or "B3" → its sheet (if any), top-left column and row (0-based). */
export function parseAddress(address: string): { sheet: string | null; col: number; row: number } {
  const bang = address.lastIndexOf("!");
  const sheet = bang >= 0 ? address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'") : null;
  const cell = (bang >= 0 ? address.slice(bang + 1) : address).split(":")[0]!.replace(/\$/g, "");
  const match = /^([A-Za-z]+)(\d+)$/.exec(cell);
  if (!match) throw new Error(`Not an A1 address: ${address}`);
  return { sheet, col: columnIndex(match[1]!), row: Number(match[2]) - 1 };
}

/** "B3:D9" (or "B3") → its top-left and bottom-right cells, 0-based. */
export function parseRange(address: string): { col: number; row: number; toCol: number; toRow: number } {
  const [a, z] = address.split(":");
  const from = parseAddress(a!);
  const to = parseAddress(z ?? a!);
  return { col: from.col, row: from.row, toCol: to.col, toRow: to.row };
}

/** "$C$7" */
export function absoluteAddress(col: number, row: number): string {
  return `$${columnLetter(col)}$${row + 1}`;
}

/** "$C7": column fixed, row relative (for conditional-format formulas over a column). */
export function columnAbsoluteAddress(col: number, row: number): string {
  return `$${columnLetter(col)}${row + 1}`;
}
