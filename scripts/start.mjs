// `npm start`: build and serve the add-in on https://localhost:3000, then sideload it into desktop
// Excel where that exists (Windows, macOS). Elsewhere keep serving and say how to load manifest.xml
// into Excel on the web. Stop with Ctrl+C (and `npm stop` to remove a desktop sideload).
import { spawn } from "node:child_process";
import https from "node:https";

const URL_TASKPANE = "https://localhost:3000/taskpane.html";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

function run(args) {
  const child = spawn(npx, args, { stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code) => process.exit(code ?? 1));
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  return child;
}

function probe() {
  return new Promise((resolve) => {
    const req = https.get(URL_TASKPANE, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on("error", () => resolve(null));
    req.on("timeout", () => req.destroy());
  });
}

async function waitForServer(limitMs) {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if ((await probe()) === 200) return true;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}

if (process.platform === "win32" || process.platform === "darwin") {
  // office-addin-debugging starts `npm run dev-server` itself, then sideloads manifest.xml.
  run(["office-addin-debugging", "start", "manifest.xml", "desktop"]);
} else {
  const server = run(["webpack", "serve", "--mode", "development"]);
  if (await waitForServer(240_000)) {
    console.log(`
==============================================================================
 Plan Monitor is being served at ${URL_TASKPANE}

 Desktop Excel does not exist on ${process.platform}, so nothing was sideloaded.
 Load the add-in into Excel on the web:
   1. Open a workbook at https://www.office.com (Excel on the web).
   2. Home › Add-ins › More Add-ins › My Add-ins › Upload My Add-in.
   3. Choose manifest.xml from this folder, then click "Open Plan Monitor" on the Home tab.
 Your browser must trust the development certificate (~/.office-addin-dev-certs/ca.crt).

 规划监测助手已在 ${URL_TASKPANE} 运行。本系统没有桌面版 Excel，未执行旁加载。
 请在 Excel 网页版中：主页 › 加载项 › 更多加载项 › 我的加载项 › 上传我的加载项，选择本目录的 manifest.xml。

 Stop with Ctrl+C. / 按 Ctrl+C 停止。
==============================================================================
`);
  } else {
    console.error(`Plan Monitor: the dev server did not answer at ${URL_TASKPANE} within 4 minutes; see the output above.`);
    server.kill("SIGTERM");
    process.exit(1);
  }
}
