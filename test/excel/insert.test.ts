import { FakeContext, FakeWorkbookData, installExcelEnums } from "./fake-excel";
import { insertTemplate } from "../../src/usecases/workbook";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { IH, TABLES } from "../../src/core/workbook/layout";

beforeAll(installExcelEnums);

async function insert(data: FakeWorkbookData, onConflict: "ask" | "replace" | "keep" = "ask", plan = embeddedPlan()) {
  const ctx = new FakeContext(data);
  const outcome = await insertTemplate(ctx.excel, { language: "zh", onConflict, plan, year: 2023 });
  return { outcome, syncs: ctx.syncCount };
}

describe("insert the template into an empty workbook", () => {
  test("creates every table, in three round trips", async () => {
    const data = new FakeWorkbookData();
    data.addSheet("Sheet1");
    const { outcome, syncs } = await insert(data);
    expect(outcome.kind).toBe("written");
    expect(syncs).toBe(3);
    for (const name of Object.values(TABLES)) expect(data.table(name)).toBeDefined();
    const rows = data.tableRows(TABLES.indicators);
    expect(rows.length).toBe(1 + 23);
    expect(data.column(TABLES.indicators, IH.id)).toEqual(embeddedPlan().indicators.map((i) => i.id));
  });
});
