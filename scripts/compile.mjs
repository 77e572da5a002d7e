// Compiles TypeScript entry points (and what they import) for node, into node_modules/.cache/NAME,
// so the output resolves the project's packages; returns a require for the compiled files.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

export const root = new URL("..", import.meta.url).pathname;

export function compile(name, entries) {
  const out = join(root, "node_modules/.cache", name);
  mkdirSync(out, { recursive: true });
  execFileSync(
    process.execPath,
    [
      join(root, "node_modules/typescript/bin/tsc"),
      ...["--outDir", out, "--rootDir", root, "--module", "commonjs", "--moduleResolution", "node", "--target", "es2022"],
      ...["--skipLibCheck", "--strict", "--esModuleInterop", "--resolveJsonModule", "--types", "node,office-js,custom-functions-runtime"],
      ...entries.map((e) => join(root, e)),
    ],
    // From the project's folder: tsc looks for the --types packages from where it runs.
    { stdio: "inherit", cwd: root },
  );
  const require = createRequire(import.meta.url);
  return (file) => require(join(out, file));
}
