import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { seedQueue, send } from "./events";

/**
 * What-if: a recorded stretch of a queue replayed with one more agent in the server's worker —
 * the page shows the run's progress, then the comparison; bad periods are refused beside their field.
 */

/** A datetime-local value (seconds included) in the browser's zone, which is this machine's. */
function local(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Records whether the progress bar was ever on the page, however briefly. */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { sawProgress: boolean };
    w.sawProgress = false;
    new MutationObserver(() => {
      if (document.querySelector("progress")) w.sawProgress = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
}

test("a what-if run shows progress, then a comparison", async ({ page, request }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const { first, queue } = await seedQueue(request, "wif");
  // The period starts once the queue exists: the what-if copies its busiest member at the start.
  // (The form's times are whole seconds: the start is rounded down by up to one.)
  await page.waitForTimeout(2_100);
  const from = Date.now() - 100;
  for (const n of [1, 2, 3]) {
    await send(request, {
      type: "call.arrived",
      callId: `wif-call-${n}`,
      queueId: queue,
      from: "84903333333",
    });
    await send(request, { type: "call.answered", callId: `wif-call-${n}`, agentId: first });
    await send(request, { type: "call.ended", callId: `wif-call-${n}` });
    await page.waitForTimeout(3_200); // the queue's 3 s wrap-up
  }
  const to = Date.now() - 1_000;

  await page.goto("/history/what-if");
  await page.getByLabel("Queue", { exact: true }).selectOption(queue);
  await page.getByLabel("From", { exact: true }).fill(local(from));
  await page.getByLabel("To", { exact: true }).fill(local(to));
  await page.getByLabel("Change", { exact: true }).selectOption("agents");
  await page.getByLabel("Agents to add (−: remove)").fill("1");
  await watchProgress(page);
  await page.getByRole("button", { name: "Run what-if" }).click();

  const result = page.getByTestId("what-if-result");
  await expect(result).toBeVisible({ timeout: 30_000 });
  expect(await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(true);
  const answered = result.getByRole("row", { name: /^Answered/ });
  await expect(answered.getByRole("cell").first()).toHaveText("3");
  await expect(result.getByRole("img", { name: "Calls waiting in the queue, each minute" })).toHaveAttribute(
    "data-chart-ready",
    "true",
  );
  // A copy of Lan (the busiest) joins: idle longer than Lan after her first call, it takes the
  // second — the first differing decisions, each with both candidate tables.
  const differences = result.getByTestId("what-if-difference");
  await expect(differences.first()).toBeVisible();
  await expect(differences.first().getByTestId("candidate-table")).toHaveCount(2);
  await expect(differences.first()).toContainText("rang Lan wif +");
  await expect(result).toContainText("Added: wif-lan+whatif1 (Lan wif).");
  await page.screenshot({ path: testInfo.outputPath("what-if-1366.png"), fullPage: true });
  const scan = await new AxeBuilder({ page }).analyze();
  const serious = scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // A period with no call for this queue says so.
  await page.getByLabel("From", { exact: true }).fill(local(from - 3 * 3_600_000));
  await page.getByLabel("To", { exact: true }).fill(local(from - 2 * 3_600_000));
  await page.getByRole("button", { name: "Run what-if" }).click();
  await expect(page.getByRole("status")).toContainText("nothing to replay");
});

test("a what-if period that is inverted, in the future or over a day is refused beside its field", async ({
  page,
}) => {
  await page.goto("/history/what-if");
  const now = Date.now();
  const run = page.getByRole("button", { name: "Run what-if" });
  const from = page.getByLabel("From", { exact: true });
  const to = page.getByLabel("To", { exact: true });

  await from.fill(local(now - 3_600_000));
  await to.fill(local(now - 7_200_000));
  await run.click();
  await expect(to).toHaveAccessibleDescription("must be after the start");

  await to.fill(local(now + 3_600_000));
  await run.click();
  await expect(to).toHaveAccessibleDescription("is in the future: the period must have ended");

  await from.fill(local(now - 30 * 3_600_000));
  await to.fill(local(now - 3_600_000));
  await run.click();
  await expect(to).toHaveAccessibleDescription("the period is longer than one day");

  await from.fill(local(now + 3_600_000));
  await to.fill(local(now + 7_200_000));
  await run.click();
  await expect(from).toHaveAccessibleDescription("is in the future: pick a past period");
  await expect(page.getByTestId("what-if-result")).toHaveCount(0);

  // In Vietnamese the same refusal is said in Vietnamese (the API's English words are for API clients).
  await page.getByTestId("language-switch").selectOption("vi");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await page.getByLabel("Từ", { exact: true }).fill(local(now + 3_600_000));
  await page.getByLabel("Đến", { exact: true }).fill(local(now + 7_200_000));
  await page.getByRole("button", { name: "Chạy mô phỏng" }).click();
  await expect(page.getByLabel("Từ", { exact: true })).toHaveAccessibleDescription(
    "ở tương lai: hãy chọn một khoảng thời gian đã qua",
  );
});
