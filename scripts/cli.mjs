// Runs the command-line tools (src/xlsx/cli.ts): `node scripts/cli.mjs report …` / `… demo …`.
import { compile } from "./compile.mjs";

const load = compile("plan-monitor-cli", ["src/xlsx/cli.ts"]);
const result = await load("src/xlsx/cli.js").main(process.argv.slice(2));
for (const line of result.lines) (result.code === 0 ? console.log : console.error)(line);
process.exitCode = result.code;
