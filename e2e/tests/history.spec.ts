import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { seedQueue, send } from "./events";

/**
 * History: a seeded day's calls drawn as a chart, its totals by the live tiles' formulas, and a CSV
 * with the chart's own numbers; a bad range is refused beside its field or by the server.
 */

async function downloadCsv(page: Page): Promise<string[][]> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download CSV" }).click(),
  ]);
  const text = readFileSync((await download.path())!, "utf8");
  return text
    .trimEnd()
    .split("\r\n")
    .map((line) => line.split(","));
}

const total = (page: Page, name: string) => page.locator(`[data-total="${name}"]`);

test("the history page shows a chart for a seeded day, and its CSV matches the figures", async ({
  page,
  request,
}, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const { first, queue } = await seedQueue(request, "hist");
  // Two calls answered, one abandoned at once (a short abandon), today.
  for (const n of [1, 2]) {
    await send(request, {
      type: "call.arrived",
      callId: `hist-call-${n}`,
      queueId: queue,
      from: "84901111111",
    });
    await send(request, { type: "call.answered", callId: `hist-call-${n}`, agentId: first });
    await send(request, { type: "call.ended", callId: `hist-call-${n}` });
    await page.waitForTimeout(3_200); // the queue's 3 s wrap-up
  }
  await send(request, { type: "call.arrived", callId: "hist-call-3", queueId: queue, from: "84902222222" });
  await send(request, { type: "call.abandoned", callId: "hist-call-3" });

  await page.goto(`/history?queue=${queue}&preset=today&step=day`);
  const chart = page.getByRole("img", { name: /Calls offered, answered and abandoned/ });
  await expect(chart).toHaveAttribute("data-chart-ready", "true");
  await expect(chart.locator("canvas")).toBeVisible();
  await expect(total(page, "Offered")).toHaveText("3");
  await expect(total(page, "Answered")).toHaveText("2");
  await expect(total(page, "Short abandoned")).toHaveText("1");
  await page.screenshot({ path: testInfo.outputPath("history-calls-1366.png") });

  const day = await downloadCsv(page);
  expect(day[0]).toEqual(["Period", "Offered", "Answered", "Abandoned", "Short abandoned", "Timed out"]);
  expect(day).toHaveLength(2);
  expect(day[1]!.slice(1)).toEqual(["3", "2", "0", "1", "0"]);

  // Per hour: 24 rows whose sums are the day's figures.
  await page.getByLabel("Step").selectOption("hour");
  await expect(page).toHaveURL(/step=hour/);
  await expect(chart).toHaveAttribute("data-chart-ready", "true");
  const hours = await downloadCsv(page);
  expect(hours).toHaveLength(25);
  const sum = (column: number) => hours.slice(1).reduce((s, row) => s + Number(row[column]), 0);
  expect([sum(1), sum(2), sum(4)]).toEqual([3, 2, 1]);

  // Service level and ASA: the same period, a chart against the target.
  await page.getByRole("link", { name: "Service level" }).click();
  const sl = page.getByRole("img", { name: /Service level and ASA/ });
  await expect(sl).toHaveAttribute("data-chart-ready", "true");
  await expect(total(page, "Service level %")).toHaveText("100%");
  await page.screenshot({ path: testInfo.outputPath("history-service-level-1366.png") });

  // Agents: each member's time and calls.
  await page.getByRole("link", { name: "Agents" }).click();
  await expect(page.getByRole("img", { name: "Time in each state" })).toHaveAttribute(
    "data-chart-ready",
    "true",
  );
  const row = page.getByRole("table", { name: "Time in each state" }).getByRole("row", { name: /Lan hist/ });
  await expect(row).toContainText("2");
  await page.screenshot({ path: testInfo.outputPath("history-agents-1366.png") });
});

test("a bad range is refused: inverted beside its field, a future day by the server", async ({ page }) => {
  await page.goto("/history?queue=hist-queue&preset=custom&from=2026-01-10&to=2026-01-09&step=day");
  await expect(page.getByText("the last day is before the first day")).toBeVisible();
  await expect(page.getByLabel("To", { exact: true })).toHaveAttribute("aria-invalid", "true");
  // Two days after today in UTC is after today everywhere.
  const later = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/history?queue=hist-queue&preset=custom&from=${later}&to=${later}&step=day`);
  await expect(page.getByText(`range.from: ${later} is in the future`)).toBeVisible();
});
