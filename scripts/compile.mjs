// Compiles TypeScript entry points (and what they import) for node; returns a require for the
// compiled files. `compile` builds into node_modules/.cache/NAME on every call (the bench);
// `prebuilt` loads what `npm run build` put in dist/NAME, compiling only when that is missing or
// older than a source file (a checkout being worked on), never on a plain run.
// `node scripts/compile.mjs cli` is the build step for the command line.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

export const root = new URL("..", import.meta.url).pathname;

function tsc(out, entries) {
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
}

export function compile(name, entries) {
  const out = join(root, "node_modules/.cache", name);
  mkdirSync(out, { recursive: true });
  tsc(out, entries);
  const require = createRequire(import.meta.url);
  return (file) => require(join(out, file));
}

/** The newest modification time of the sources a build is made from. */
function newestSource() {
  let newest = 0;
  for (const dir of ["src"]) {
    for (const f of readdirSync(join(root, dir), { recursive: true })) {
      if (/\.(ts|tsx|json)$/.test(f)) newest = Math.max(newest, statSync(join(root, dir, f)).mtimeMs);
    }
  }
  return newest;
}

/**
 * Builds dist/NAME: compiled into a folder of its own, then moved into place, so a second process
 * building at the same time never reads half a build. The stamp file marks it complete.
 */
export function build(name, entries) {
  const out = join(root, "dist", name);
  const temp = `${out}.${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  tsc(temp, entries);
  writeFileSync(join(temp, ".built"), new Date().toISOString());
  rmSync(out, { recursive: true, force: true });
  try {
    renameSync(temp, out);
  } catch {
    // Another process moved its build in first: theirs is as good.
    rmSync(temp, { recursive: true, force: true });
  }
  return out;
}

export function prebuilt(name, entries) {
  const out = join(root, "dist", name);
  const stamp = join(out, ".built");
  if (!existsSync(stamp) || (existsSync(join(root, "src")) && statSync(stamp).mtimeMs < newestSource())) {
    process.stderr.write(`正在构建命令行（一次） / building the command line (once)…\n`);
    build(name, entries);
  }
  const require = createRequire(import.meta.url);
  return (file) => require(join(out, file));
}

export const CLI_ENTRIES = ["src/xlsx/cli.ts"];

if (process.argv[1] === new URL(import.meta.url).pathname && process.argv[2] === "cli") {
  build("cli", CLI_ENTRIES);
}
