import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { seedQueue, send } from "./events";

/**
 * History: a seeded day's calls drawn as a chart, its totals by the live tiles' formulas, and a CSV
 * with the chart's own numbers; a bad range is refused beside its field or by the server.
 */

async function downloadCsv(page: Page, button = "Download CSV"): Promise<string[][]> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: button }).click(),
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
  await expect(total(page, "offered")).toHaveText("3");
  await expect(total(page, "answered")).toHaveText("2");
  await expect(total(page, "shortAbandoned")).toHaveText("1");
  await page.screenshot({ path: testInfo.outputPath("history-calls-1366.png") });

  const day = await downloadCsv(page);
  // The CSV's header is stable names in every language (spreadsheets and scripts read it).
  expect(day[0]).toEqual(["period", "offered", "answered", "abandoned", "shortAbandoned", "timedOut"]);
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
  await expect(total(page, "serviceLevel")).toHaveText("100%");
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

  // In Vietnamese: the header's language switch (the board's own), words, dates and numbers follow.
  await page.getByTestId("language-switch").selectOption("vi");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lịch sử: Nhân viên");
  await expect(page.getByRole("img", { name: "Thời gian ở mỗi trạng thái" })).toHaveAttribute(
    "data-chart-ready",
    "true",
  );
  await expect(page.getByRole("columnheader", { name: "Cuộc gọi đã xử lý" })).toBeVisible();
  await page.getByRole("link", { name: "Cuộc gọi", exact: true }).click();
  await expect(page.getByRole("img", { name: /Cuộc gọi đến, đã trả lời và bỏ dở/ })).toHaveAttribute(
    "data-chart-ready",
    "true",
  );
  await expect(page.getByLabel("Bước")).toHaveValue("hour");
  await expect(page.getByText(/\d+ thg \d+, \d{4} \(/)).toBeVisible();
  await expect(total(page, "offered")).toHaveText("3");
  await expect(page).toHaveTitle("Lịch sử: Cuộc gọi — Callboard");
  // The CSV is the same file in any language.
  const vi = await downloadCsv(page, "Tải CSV");
  expect(vi).toEqual(hours);
});

test("a bad range is refused: inverted beside its field, a future day by the server", async ({ page }) => {
  await page.goto("/history?queue=hist-queue&preset=custom&from=2026-01-10&to=2026-01-09&step=day");
  await expect(page.getByText("the last day is before the first day")).toBeVisible();
  await expect(page.getByLabel("To", { exact: true })).toHaveAttribute("aria-invalid", "true");
  // Two days after today in UTC is after today everywhere.
  const later = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/history?queue=hist-queue&preset=custom&from=${later}&to=${later}&step=day`);
  // The server's refusal, said beside its field in the page's language (not its English API words).
  await expect(page.getByText(`${later} is in the future (today is `)).toBeVisible();
  await expect(page.getByLabel("From", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("range.from:")).toHaveCount(0);
  await page.getByTestId("language-switch").selectOption("vi");
  await expect(page.getByText(`${later} là ngày trong tương lai (hôm nay là `)).toBeVisible();
  await expect(page.getByLabel("Từ ngày", { exact: true })).toHaveAttribute("aria-invalid", "true");
});
