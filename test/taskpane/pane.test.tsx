/**
 * @jest-environment jsdom
 */
import type { WorkbookPort } from "../../src/usecases/port";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { excelPort } from "../../src/excel/port";
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import type { PaneHost } from "../../src/taskpane/host";
import { FakeContext, FakeWorkbookData, installExcelEnums } from "../excel/fake-excel";
import { DH, TABLES, yearHeader } from "../../src/core/workbook/layout";

beforeAll(installExcelEnums);
// The live region repeats what the pane shows, for screen readers: queries by text look at the pane.
configure({ defaultIgnore: "script, style, [data-testid=announcer] *" });

/** A host that runs use cases against the Excel double, counting calls. */
function doubleHost(data: FakeWorkbookData): PaneHost & { calls: number; syncs: number } {
  const host = {
    calls: 0,
    syncs: 0,
    async run<T>(action: (port: WorkbookPort) => Promise<T>): Promise<T> {
      host.calls++;
      const ctx = new FakeContext(data);
      try {
        return await action(excelPort(ctx.excel));
      } finally {
        host.syncs += ctx.syncCount;
      }
    },
  };
  return host;
}

function renderPane(host: PaneHost, language: "zh" | "en" = "zh") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App initialLanguage={language} host={host} />
    </FluentProvider>,
  );
}

const open = (name: RegExp) => fireEvent.click(screen.getByRole("button", { name }));

/**
 * The Chinese pane's visible text and accessible names with Latin words and no Chinese beside them:
 * IDs (INT-01), function names and formulas (PLAN.GAP, =PLAN.GAP(…)), sheet addresses aside, and the
 * language switch, which names the language it switches to in that language ("English").
 */
function englishOnly(): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n.textContent ?? "");
  for (const el of document.body.querySelectorAll("[aria-label],[title],[placeholder]")) {
    for (const a of ["aria-label", "title", "placeholder"]) texts.push(el.getAttribute(a) ?? "");
  }
  return texts
    .map((t) => t.trim())
    .filter((t) => t && t !== "English" && !/[\u3400-\u9fff]/.test(t) && !t.startsWith("="))
    .filter((t) => /[A-Za-z]{3,}/.test(t.replace(/\b[A-Z][A-Z0-9]*(?:[-_.][A-Za-z0-9]+)+\b|\b[A-Z]{2,}\b|[A-Za-z0-9_]+!\$?[A-Z]+\$?\d+/g, "")));
}

describe("task pane against a workbook double", () => {
  test("template: insert, then the status says so; the progress section loads", async () => {
    const data = new FakeWorkbookData();
    renderPane(doubleHost(data));
    await screen.findByText("本工作簿尚未插入规划模板。");
    // Before insertion the check waits for the template and says so, instead of failing when used.
    fireEvent.click(screen.getByRole("button", { name: "数据校验" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "校验数据" }).getAttribute("aria-disabled")).toBe("true"));
    expect(screen.getByText("插入模板后即可使用。")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    await screen.findByText(/完成：新建表格 10 个；保留已填数据 0 项。/);
    await waitFor(() => expect(screen.getByRole("button", { name: "校验数据" }).getAttribute("aria-disabled")).not.toBe("true"));
    // The pane's one polite live region said it too (each outcome a line of its own).
    const spoken = () => [...screen.getByTestId("announcer").querySelectorAll("p")].map((p) => p.textContent);
    await waitFor(() => expect(spoken()).toEqual(expect.arrayContaining([expect.stringMatching(/^完成：新建表格 10 个/)])));
    expect(screen.getByTestId("announcer").getAttribute("aria-live")).toBe("polite");
    expect(document.documentElement.lang).toBe("zh-CN");
    expect(data.table(TABLES.indicators)).toBeDefined();
    await screen.findByText(new RegExp(`已插入模板 · 模板版本 ${embeddedPlan().version.replace(/\./g, "\\.")}`));
    expect(screen.getByRole("button", { name: "重新插入 / 补全模板" }).getAttribute("aria-disabled")).not.toBe("true");
    // Progress shows the counts once the template exists (all 23 without data), and says there is
    // nothing to judge yet instead of a green "no misses" (issue 13).
    await screen.findByText("无数据 23");
    expect(screen.getByText(/该年度还没有填写任何指标数据/)).toBeTruthy();
    expect(screen.queryByText(/没有数据有误、倒退、未实现或滞后/)).toBeNull();
    expect(englishOnly()).toEqual([]);
  });

  test("conflicts are shown and the planner chooses; nothing is replaced without asking", async () => {
    const data = new FakeWorkbookData();
    const host = doubleHost(data);
    renderPane(host);
    await screen.findByText("本工作簿尚未插入规划模板。");
    fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    await screen.findByText(/完成：/);
    const address = data.addressOf(TABLES.indicators, "INT-03", "状态 Status");
    data.type("规划指标", address, "手工状态");
    fireEvent.click(screen.getByRole("button", { name: "重新插入 / 补全模板" }));
    const group = await screen.findByRole("group", { name: /以下单元格与模板不同/ });
    expect(within(group).getByText(/规划指标!X8 \(INT-03, 状态 Status\): 工作簿中 手工状态/)).toBeTruthy();
    expect(data.at("规划指标", address)!.formula).toBe("手工状态");
    // Focus is on the first choice, and goes back to the button that asked once chosen.
    await waitFor(() => expect(document.activeElement).toBe(within(group).getByRole("button", { name: "保留我的数据" })));
    fireEvent.click(within(group).getByRole("button", { name: "保留我的数据" }));
    await screen.findByText(/保留不同之处 1 处/);
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "重新插入 / 补全模板" }));
    expect(data.at("规划指标", address)!.formula).toBe("手工状态");
  });

  test("data check lists findings; choosing one selects its cell", async () => {
    const data = new FakeWorkbookData();
    renderPane(doubleHost(data));
    await screen.findByText("本工作簿尚未插入规划模板。");
    fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    await screen.findByText(/完成：/);
    const cell = data.addressOf(TABLES.indicators, "INT-03", yearHeader(2023));
    data.type("规划指标", cell, 92.52);
    open(/数据校验/);
    fireEvent.click(screen.getByRole("button", { name: "校验数据" }));
    const finding = await screen.findByRole("button", { name: new RegExp(`错误 ${cell}：92.52 像是按百分点填写的`) });
    expect(screen.getByText("错误 1")).toBeTruthy();
    fireEvent.click(finding);
    await waitFor(() => expect(data.selection?.address).toBe(`'规划指标'!${cell}:${cell}`));
  });

  test("progress: the misses of the year, worst first; choosing one selects its row", async () => {
    const data = new FakeWorkbookData();
    const host = doubleHost(data);
    renderPane(host);
    await screen.findByText("本工作簿尚未插入规划模板。");
    fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    await screen.findByText(/完成：/);
    data.type("规划指标", data.addressOf(TABLES.indicators, "INT-05-PRI", yearHeader(2023)), 18.5);
    data.type("规划指标", data.addressOf(TABLES.indicators, "LOC-01", yearHeader(2023)), 0.92);
    data.type("规划指标", "B3", 2023);
    const refresh = screen.getByRole("button", { name: "刷新" });
    await waitFor(() => expect(refresh.getAttribute("aria-disabled")).not.toBe("true")); // the load after the insert is done
    // The insert's own load showed the first year (nothing typed yet): the planner picks 2023.
    const year = screen.getAllByRole("combobox").find((c) => within(c).queryByRole("option", { name: "2023" }) && !within(c).queryByText("有数据的最近年份"))!;
    fireEvent.change(year, { target: { value: "2023" } });
    const list = await screen.findByRole("list", { name: /需关注的指标和任务/ });
    const items = within(list).getAllByRole("button");
    expect(items.map((b) => b.textContent)).toEqual([
      // Badge, ID and name, then the figures: 0.94 − 0.92 = 2 points to go; 序时进度值 92.52% + 1.48 × 0.6 = 93.408%.
      expect.stringMatching(/^倒退LOC-01 .*实际：92\.00%；序时进度值：93\.41%；差距：2\.00 个百分点$/),
      // The task that restates LOC-01 takes its value (issue 9).
      expect.stringMatching(/^倒退T-PRE-01 .*实际：92\.00%；序时进度值：93\.41%；差距：2\.00 个百分点$/),
      expect.stringMatching(/^滞后INT-05-PRI 生师比（小学）实际：18\.50:1；序时进度值：18\.05:1；差距：1\.50$/),
    ]);
    // The year's verdicts as one picture: a bar with a segment per status, spoken as the counts.
    expect(screen.getByRole("img", { name: "滞后 1，倒退 1，无数据 21" })).toBeTruthy();
    // The year list loads on commit: arrow keys only move the choice, Enter loads it.
    const calls = host.calls;
    fireEvent.keyDown(year, { key: "ArrowUp" });
    fireEvent.change(year, { target: { value: "2022" } });
    expect(host.calls).toBe(calls);
    fireEvent.keyDown(year, { key: "ArrowDown" });
    fireEvent.change(year, { target: { value: "2023" } });
    fireEvent.keyDown(year, { key: "Enter" });
    expect(host.calls).toBe(calls); // 2023 is the year shown: nothing to load
    // A picture per row: completion (19.62 → 18.5 of the way to 17: 1.12 / 2.62 = 43 %) against 60 % of time elapsed.
    expect(within(items[2]!).getByRole("img").getAttribute("aria-label")).toBe("完成率 43%，时间进度 60%");
    fireEvent.click(items[2]!);
    await waitFor(() => expect(data.selection?.address).toBe(`'规划指标'!${data.addressOf(TABLES.indicators, "INT-05-PRI", "状态 Status").replace(/^/, "")}:${data.addressOf(TABLES.indicators, "INT-05-PRI", "状态 Status")}`));
  });

  test("English, switched by keyboard; a failing Excel call shows a message, not a stack", async () => {
    const failing: PaneHost = { run: async () => Promise.reject(new Error("RichApi.Error: The request failed.\n    at stack line")) };
    renderPane(failing);
    const alerts = await screen.findAllByRole("alert");
    expect(alerts[0]!.textContent).toContain("操作失败");
    expect(alerts[0]!.textContent).toContain("RichApi.Error: The request failed.");
    expect(alerts[0]!.textContent).not.toContain("at stack line");
    const toggle = screen.getByRole("button", { name: "English 切换为英文界面" });
    toggle.focus();
    await act(async () => {
      fireEvent.click(toggle);
    });
    expect(screen.getByRole("heading", { name: "Plan Monitor" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("en");
    expect(screen.getAllByRole("alert")[0]!.textContent).toContain("The action failed");
  });

  test("a second click while an action runs is ignored", async () => {
    const data = new FakeWorkbookData();
    const host = doubleHost(data);
    renderPane(host);
    await screen.findByText("本工作簿尚未插入规划模板。");
    const button = screen.getByRole("button", { name: "插入模板" });
    const before = host.syncs;
    fireEvent.click(button);
    fireEvent.click(button);
    await screen.findByText(/完成：新建表格 10 个/);
    await screen.findByText("无数据 23");
    // One insert (3 syncs) and the three reads it triggers (status 2, progress 2, the plan the header shows 2); a second insert would add 3.
    expect(host.syncs - before).toBe(9);
    expect(data.tables.length).toBe(10);
  });
});

describe("reports and function reference sections", () => {
  test("generate a report, confirm before replacing it, and list it", async () => {
    const data = new FakeWorkbookData();
    renderPane(doubleHost(data));
    await screen.findByText("本工作簿尚未插入规划模板。");
    fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    await screen.findByText(/完成：/);
    data.type("规划指标", data.addressOf(TABLES.indicators, "LOC-01", yearHeader(2021)), 0.93);
    open(/年度报告/);
    const generate = screen.getByRole("button", { name: "生成年度报告" });
    await waitFor(() => expect(generate.getAttribute("aria-disabled")).not.toBe("true")); // its first refresh is done
    fireEvent.click(generate);
    await screen.findByText("已生成报告工作表“2021年度监测报告”。");
    expect(data.sheet("2021年度监测报告")).toBeDefined();
    await screen.findByRole("button", { name: "2021年度监测报告" });
    const before = JSON.stringify([...data.sheet("2021年度监测报告")!.cells]);
    fireEvent.click(screen.getByRole("button", { name: "生成年度报告" }));
    const ask = await screen.findByRole("group", { name: /已存在/ });
    expect(JSON.stringify([...data.sheet("2021年度监测报告")!.cells])).toBe(before);
    // The warning carries its own choices; focus is on the first of them, and returns afterwards.
    expect(within(ask).getByText(/重新生成将替换该报告工作表/)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(within(ask).getByRole("button", { name: "替换该报告" })));
    fireEvent.click(within(ask).getByRole("button", { name: "替换该报告" }));
    await screen.findByText("已生成报告工作表“2021年度监测报告”。");
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "生成年度报告" }));
    fireEvent.click(screen.getByRole("button", { name: "2021年度监测报告" }));
    await waitFor(() => expect(data.selection).toEqual({ sheet: "2021年度监测报告", address: "'2021年度监测报告'!A1:A1" }));
    expect(englishOnly()).toEqual([]);
  });

  test("the final evaluation from the pane; the year list follows the plan the workbook carries", async () => {
    const data = new FakeWorkbookData();
    renderPane(doubleHost(data));
    await screen.findByText("本工作簿尚未插入规划模板。");
    fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    await screen.findByText(/完成：/);
    open(/年度报告/);
    const final = screen.getByRole("button", { name: "生成终期评估报告" });
    await waitFor(() => expect(final.getAttribute("aria-disabled")).not.toBe("true"));
    const years = screen.getAllByRole("combobox").find((c) => within(c).queryByText("有数据的最近年份"))!;
    expect(within(years).getAllByRole("option").map((o) => o.textContent)).toEqual(["有数据的最近年份", "2021", "2022", "2023", "2024", "2025"]);
    fireEvent.click(final);
    await screen.findByText("已生成报告工作表“2021-2025终期评估”。");
    await screen.findByRole("button", { name: "2021-2025终期评估" });
  });

  test("apply the plan definition: a bad cell is named and can be chosen; fixed, the apply reports the period", async () => {
    const data = new FakeWorkbookData();
    renderPane(doubleHost(data));
    await screen.findByText("本工作簿尚未插入规划模板。");
    fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    await screen.findByText(/完成：/);
    const sheet = data.table(TABLES.plan)!.sheet;
    const target = data.addressOf(TABLES.plan, "LOC-10", DH.target);
    data.type(sheet, target, "大幅提高");
    fireEvent.click(screen.getByRole("button", { name: "应用规划定义" }));
    await screen.findByText(/规划定义有 1 处问题/);
    fireEvent.click(await screen.findByRole("button", { name: /“大幅提高”不是数值/ }));
    await waitFor(() => expect(data.selection?.address).toContain(target));
    data.type(sheet, target, "85");
    const apply = screen.getByRole("button", { name: "应用规划定义" });
    await waitFor(() => expect(apply.getAttribute("aria-disabled")).not.toBe("true")); // the selection has finished
    fireEvent.click(apply);
    await screen.findByText(/规划期 2021–2025。完成：/);
  });

  test("a new period typed into the definition: one question for the rows on the old years; moving them applies in one step", async () => {
    const data = new FakeWorkbookData();
    renderPane(doubleHost(data));
    await screen.findByText("本工作簿尚未插入规划模板。");
    fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    await screen.findByText(/完成：/);
    const sheet = data.table(TABLES.plan)!.sheet;
    data.type(sheet, "B3", 2025);
    data.type(sheet, "D3", 2030);
    fireEvent.click(screen.getByRole("button", { name: "应用规划定义" }));
    await screen.findByText(/^规划期已由 2021–2025 改为 2026–2030：有 64 行/);
    const move = screen.getByRole("button", { name: "改为新规划期" });
    expect(screen.getByRole("button", { name: "保持原样" })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(move));
    fireEvent.click(move);
    // The new years' columns differ from what the tables hold: the planner keeps their values, and the
    // answer about the periods is remembered, not asked again.
    fireEvent.click(await screen.findByRole("button", { name: "保留我的数据" }, { timeout: 30_000 }));
    await screen.findByText(/^规划期 2026–2030。64 行任务或里程碑的期间改为新规划期。/, {}, { timeout: 30_000 });
    expect(screen.queryByRole("button", { name: "改为新规划期" })).toBeNull();
    expect(data.at(sheet, data.addressOf(TABLES.plan, "T-BLD-PROJ", DH.period))!.formula).toBe("2026–2028");
  }, 60_000);

  test("every PLAN function has an example to copy", async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    renderPane(doubleHost(new FakeWorkbookData()));
    open(/PLAN 函数参考/);
    const copy = screen.getByRole("button", { name: '复制 =PLAN.DIFFCOEF(D2:D30, C2:C30, B2:B30, "小学")' });
    fireEvent.click(copy);
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('=PLAN.DIFFCOEF(D2:D30, C2:C30, B2:B30, "小学")'));
    expect(screen.getAllByRole("button", { name: /^复制 =PLAN\./ }).length).toBe(21);
  });
});
