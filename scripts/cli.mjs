// Runs the command-line tools (src/xlsx/cli.ts): `node scripts/cli.mjs report …` / `… demo …`.
// The TypeScript is compiled into node_modules/.cache first, so the output resolves the project's packages.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const out = join(root, "node_modules/.cache/plan-monitor-cli");
mkdirSync(out, { recursive: true });
execFileSync(
  process.execPath,
  [
    join(root, "node_modules/typescript/bin/tsc"),
    ...["--outDir", out, "--rootDir", root, "--module", "commonjs", "--moduleResolution", "node", "--target", "es2022"],
    ...["--skipLibCheck", "--strict", "--esModuleInterop", "--resolveJsonModule", "--types", "node"],
    join(root, "src/xlsx/cli.ts"),
  ],
  { stdio: "inherit" },
);
const { main } = createRequire(import.meta.url)(join(out, "src/xlsx/cli.js"));
const result = await main(process.argv.slice(2));
for (const line of result.lines) (result.code === 0 ? console.log : console.error)(line);
process.exitCode = result.code;
