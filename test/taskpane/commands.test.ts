import { excelPort } from "../../src/excel/port";
import { FakeContext, FakeWorkbookData, installExcelEnums } from "../excel/fake-excel";
import { annualReportCommand, insertTemplateCommand, type CommandDeps } from "../../src/commands/commands";
import { currentNotice, publishNotice } from "../../src/commands/notices";
import { TABLES, yearHeader } from "../../src/core/workbook/layout";

beforeAll(installExcelEnums);
afterEach(() => publishNotice(null));

function deps(data: FakeWorkbookData, failing = false) {
  const shown = { count: 0 };
  const d: CommandDeps = {
    host: {
      run: async (action) => {
        if (failing) throw new Error("RichApi.Error: The workbook is busy.\n    at x");
        return action(excelPort(new FakeContext(data).excel));
      },
    },
    language: () => "zh",
    showPane: async () => void shown.count++,
  };
  return { d, shown };
}

const event = () => ({ completed: jest.fn() });

describe("ribbon commands", () => {
  test("Insert template inserts, reports in the pane, and completes", async () => {
    const data = new FakeWorkbookData();
    const { d, shown } = deps(data);
    const e = event();
    await insertTemplateCommand(d)(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(data.table(TABLES.indicators)).toBeDefined();
    expect(currentNotice()).toMatchObject({ intent: "success", text: { zh: expect.stringContaining("新建表格 10 个") } });
    expect(shown.count).toBe(1);
  });

  test("Insert template from the ribbon never replaces a planner's value", async () => {
    const data = new FakeWorkbookData();
    const { d } = deps(data);
    await insertTemplateCommand(d)(event());
    const cell = data.addressOf(TABLES.indicators, "INT-03", "状态 Status");
    data.type("规划指标", cell, "手工状态");
    await insertTemplateCommand(d)(event());
    expect(data.at("规划指标", cell)!.formula).toBe("手工状态");
    expect(currentNotice()!.text.zh).toContain("保留不同之处 1 处");
  });

  test("Annual report writes the report; run again it leaves it and opens the pane to ask", async () => {
    const data = new FakeWorkbookData();
    const { d, shown } = deps(data);
    await insertTemplateCommand(d)(event());
    data.type("规划指标", data.addressOf(TABLES.indicators, "LOC-01", yearHeader(2022)), 0.93);
    shown.count = 0;
    await annualReportCommand(d)(event());
    expect(data.sheet("2022年度监测报告")).toBeDefined();
    expect(shown.count).toBe(0);
    const before = JSON.stringify([...data.sheet("2022年度监测报告")!.cells]);
    const e = event();
    await annualReportCommand(d)(e);
    expect(e.completed).toHaveBeenCalled();
    expect(shown.count).toBe(1);
    expect(currentNotice()).toMatchObject({ intent: "warning" });
    expect(JSON.stringify([...data.sheet("2022年度监测报告")!.cells])).toBe(before);
  });

  test("a failure still completes the event and shows a message without a stack", async () => {
    const { d, shown } = deps(new FakeWorkbookData(), true);
    const e = event();
    await annualReportCommand(d)(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(shown.count).toBe(1);
    expect(currentNotice()!.text.en).toBe("The action failed: RichApi.Error: The workbook is busy. Try again; if it persists, contact support.");
  });
});
