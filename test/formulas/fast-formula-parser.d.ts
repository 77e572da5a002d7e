// fast-formula-parser ships no types: the part the test engine uses.
declare module "fast-formula-parser" {
  interface Position {
    sheet: string;
    row: number;
    col: number;
  }
  interface Options {
    onCell?: (ref: Position) => unknown;
    onRange?: (ref: { sheet: string; from: { row: number; col: number }; to: { row: number; col: number } }) => unknown;
    onVariable?: (name: string, sheet: string) => unknown;
    functions?: Record<string, (...args: never[]) => unknown>;
  }
  export default class FormulaParser {
    constructor(options: Options);
    parse(formula: string, position: Position, allowReturnArray?: boolean): unknown;
  }
}
