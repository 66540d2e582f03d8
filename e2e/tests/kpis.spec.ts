import { expect, type Page, test } from "@playwright/test";
import { seedQueue, send } from "./events";
import { readHeartbeats } from "./heartbeats";

interface Beat {
  seq: number;
  serverTime: number;
  kpis: {
    queueId: string;
    today: {
      serviceLevel: number | null;
      asaSec: number | null;
      abandoned: number;
      abandonRate: number | null;
    };
    levels: { serviceLevelToday: string };
  }[];
}

/** Every heartbeat the core sends this page, read off the wire as it passes. */
async function recordHeartbeats(page: Page): Promise<Beat[]> {
  const beats: Beat[] = [];
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => server.send(message));
    const read = readHeartbeats<Beat["kpis"][number]>((beat) => beats.push(beat));
    server.onMessage((message) => {
      read(message);
      ws.send(message);
    });
  });
  return beats;
}

test("a queue's KPIs on the board are the server's at the same seq, and match a scenario with known answers", async ({
  page,
  request,
}) => {
  const { first, queue } = await seedQueue(request, "kpi");
  // Service level counts answers within 2 s; abandons under 1 s are short (left out).
  await send(request, {
    type: "queue.upserted",
    queue: {
      id: queue,
      name: "Queue kpi",
      groups: [{ groupId: "kpi-team", primary: true }],
      wrapUpTimeLimit: 3,
      serviceLevelSec: 2,
      shortAbandonSec: 1,
      serviceLevelTarget: 80,
    },
  });
  const beats = await recordHeartbeats(page);
  await page.goto("/?view=cards");

  // One call answered at once (within 2 s); one that waits 2.5 s (nobody free) and hangs up.
  await send(request, { type: "call.arrived", callId: "kpi-call-1", queueId: queue, from: "84901111111" });
  await send(request, { type: "call.answered", callId: "kpi-call-1", agentId: first });
  await send(request, { type: "call.arrived", callId: "kpi-call-2", queueId: queue, from: "84902222222" });
  await page.waitForTimeout(2_500);
  const lastSeq = await send(request, { type: "call.abandoned", callId: "kpi-call-2" });

  // Offered 2, answered 1 within 2 s, abandoned 1 after 2.5 s: SL 50 % (under 80 %), abandon rate 50 %.
  const card = page.getByTestId(`queue-${queue}`);
  await expect(card.getByTestId("sl-today")).toContainText("50%");
  await expect(card.getByTestId("sl-today").locator("[data-level]")).toHaveAttribute("data-level", "alarm");
  await expect(card.getByTestId("sl-today")).toContainText("below target");
  await expect(card.getByTestId("abandon-today")).toHaveText("1 · 50%");

  // The same seq on the wire and on the board: the figures must be the server's.
  const shownSeq = Number((await page.getByTestId("kpis-seq").textContent())?.match(/seq (\d+)/)?.[1]);
  expect(shownSeq).toBeGreaterThanOrEqual(lastSeq);
  // Beats carry only the queues whose figures changed (every queue right after a subscribe): the
  // board shows the latest view of this queue sent at or before the seq it shows.
  const beat = [...beats].reverse().find((b) => b.seq <= shownSeq && b.kpis.some((k) => k.queueId === queue));
  const server = beat?.kpis.find((k) => k.queueId === queue);
  expect(server).toBeDefined();
  expect(server?.today.serviceLevel).toBe(0.5);
  expect(server?.today.abandonRate).toBe(0.5);
  expect(server?.levels.serviceLevelToday).toBe("alarm");
  const asa = server?.today.asaSec ?? Number.NaN;
  expect(asa).toBeLessThan(2);
  await expect(card.getByTestId("asa-today")).toHaveText(`${Math.round(asa)}s`);
  // Two calls are not enough for the staffing advisor; it says so instead of guessing.
  await expect(card.getByTestId("staffing")).toContainText("not enough calls yet");
});

test("the view is in the URL: filters, queue, group and sort survive a reload; an unknown value falls back with a notice", async ({
  page,
  request,
}) => {
  const { first, second, queue } = await seedQueue(request, "urlf");
  await page.goto("/");
  await expect(page.getByTestId("connection-status")).toHaveText("Live");
  await page.getByTestId("filter-queue").selectOption(queue);
  await page.getByTestId("filter-group").selectOption("urlf-team");
  await page.getByLabel("Search agents").fill("urlf");
  await page.getByRole("button", { name: /^Can ring/ }).click();
  await page.getByRole("button", { name: "In state" }).click();
  await expect(page).toHaveURL(/\?activity=can_ring&q=urlf&queue=urlf-queue&group=urlf-team&sort=in-state$/);
  await expect(page.getByTestId(`agent-row-${first}`)).toBeVisible();
  await expect(page.getByTestId(`agent-row-${second}`)).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId(`agent-row-${first}`)).toBeVisible();
  await expect(page.getByTestId(`agent-row-${second}`)).toHaveCount(0);
  await expect(page.getByTestId("filter-queue")).toHaveValue(queue);
  await expect(page.getByTestId("filter-group")).toHaveValue("urlf-team");
  await expect(page.getByLabel("Search agents")).toHaveValue("urlf");
  await expect(page.getByRole("button", { name: /^Can ring/ })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("columnheader", { name: /In state/ })).toHaveAttribute(
    "aria-sort",
    "descending",
  );

  // A queue filter keeps only members of the queue's groups.
  await page.goto(`/?queue=${queue}`);
  await expect(page.getByTestId(`agent-row-${second}`)).toBeVisible();
  await expect(page.getByTestId("agent-row-kpi-lan")).toHaveCount(0);

  await page.goto("/?activity=dancing&queue=no-such-queue&q=urlf");
  await expect(page.getByTestId("params-notice")).toContainText("activity, queue");
  await expect(page.getByRole("button", { name: /^All/ })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId(`agent-row-${second}`)).toBeVisible();
  await expect(page).toHaveURL(/\/\?q=urlf$/);
});

test("at 1366 px the agent table shows every column without scrolling sideways", async ({
  page,
  request,
}) => {
  await seedQueue(request, "wide");
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("/?q=wide");
  await expect(page.getByTestId("connection-status")).toHaveText("Live");
  const table = page.getByTestId("agent-table");
  const { scrollWidth, clientWidth } = await table.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  const box = (await table.boundingBox())!;
  const headers = table.getByRole("columnheader");
  await expect(headers).toHaveCount(8);
  for (const header of await headers.all()) {
    const h = (await header.boundingBox())!;
    expect(h.x + h.width).toBeLessThanOrEqual(box.x + box.width);
  }
});

test("keyboard users skip straight to the decisions", async ({ page, request }) => {
  await seedQueue(request, "skip");
  await page.goto("/");
  await expect(page.getByRole("main")).toBeVisible();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to decisions" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#decisions")).toBeFocused();
});
