#!/usr/bin/env node
// The command line (src/xlsx/cli.ts): `plan-monitor report …` / `plan-monitor demo …`, also
// `npm run report -- …` / `npm run demo -- …`. Relative paths start from the folder the user ran it in.
import { CLI_ENTRIES, prebuilt } from "./compile.mjs";

// Built by `npm run build` into dist/cli: a run starts at once, with no compile.
const load = prebuilt("cli", CLI_ENTRIES);
const cwd = process.env.INIT_CWD ?? process.cwd();
const result = await load("src/xlsx/cli.js").main(process.argv.slice(2), { cwd });
for (const line of result.lines) (result.code === 0 ? console.log : console.error)(line);
process.exitCode = result.code;
