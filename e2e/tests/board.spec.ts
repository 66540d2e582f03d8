import { expect, test } from "@playwright/test";
import { CORE_URL, seedQueue, send } from "./events";
import { readHeartbeats } from "./heartbeats";

test("a supervisor sets an agent Available and another open board shows it can ring", async ({
  browser,
  request,
}) => {
  const { second } = await seedQueue(request, "avail");
  const supervisor = await (await browser.newContext()).newPage();
  const wall = await (await browser.newContext()).newPage();
  await supervisor.goto("/");
  await wall.goto("/");
  await expect(wall.getByTestId("connection-status")).toHaveText("Live");
  // The list is virtualized and other specs seed agents too: bring this spec's agents into view.
  for (const board of [supervisor, wall]) await board.getByLabel("Search agents").fill("avail");
  // No PCC behind this core: the board says so and shows no connector panel.
  await expect(wall.getByTestId("mode-tag")).toHaveText("Standalone");
  await expect(wall.getByTestId("connector-panel")).toHaveCount(0);

  const badge = wall.getByTestId(`eligibility-${second}`);
  await expect(badge).toHaveAttribute("data-eligible", "false");
  await expect(badge).toContainText("Not available");

  await supervisor.getByTestId(`manual-status-${second}`).selectOption("AVAILABLE");

  await expect(badge).toHaveAttribute("data-eligible", "true");
  await expect(badge).toHaveText("Can ring");
  await expect(supervisor.getByTestId(`eligibility-${second}`)).toHaveText("Can ring");
});

test("a call arrives, rings the longest-idle eligible agent, then shows on call, wrap-up and free again", async ({
  page,
  request,
}) => {
  const { first, second, queue } = await seedQueue(request, "flow");
  await page.goto("/");
  await expect(page.getByTestId("connection-status")).toHaveText("Live");
  await page.getByLabel("Search agents").fill("flow");

  // Only `first` is Available, so the decision must pick it and say why `second` could not ring.
  await send(request, { type: "call.arrived", callId: "flow-call-1", queueId: queue, from: "84901234567" });
  await expect(page.getByTestId(`call-${first}`)).toContainText("Ringing");
  await expect(page.getByTestId(`call-${first}`)).toContainText("84901234567");
  await expect(page.getByTestId(`eligibility-${first}`)).toContainText("Ringing");
  await expect(page.getByTestId(`queue-${queue}`).getByTestId("ringing")).toHaveText("1");
  const decision = page.getByTestId("decision-flow-call-1-1");
  await expect(decision).toContainText("Lan flow");
  await decision.getByRole("button").click();
  await expect(decision.getByTestId("candidate-table")).toContainText(
    "Could not ring: manual status is not Available",
  );
  await expect(decision.getByTestId("call-timeline")).toContainText("arrived from 84901234567");
  await expect(decision.getByTestId("call-timeline")).toContainText("rang Lan flow (attempt 1)");

  await send(request, { type: "call.answered", callId: "flow-call-1", agentId: first });
  await expect(page.getByTestId(`call-${first}`)).toContainText("On call");
  await expect(page.getByTestId(`call-${first}`)).toContainText("84901234567");
  await expect(page.getByTestId(`system-status-${first}`)).toHaveText("0 · On call");
  await expect(page.getByTestId(`eligibility-${first}`)).toContainText("On a call");
  await expect(decision.getByTestId("call-timeline")).toContainText("answered by Lan flow");

  await send(request, { type: "call.ended", callId: "flow-call-1" });
  await expect(page.getByTestId(`eligibility-${first}`)).toContainText("Wrap-up");
  await expect(page.getByTestId(`queue-${queue}`).getByTestId("wrap-up")).toContainText("Lan flow");
  // PCC's status stays 0 through after-call work, but the agent is not on a call: say which.
  await expect(page.getByTestId(`system-status-${first}`)).toHaveText("0 · Wrap-up");
  // The 3-second wrap-up ends by itself; the agent is free and can ring again.
  await expect(page.getByTestId(`system-status-${first}`)).toHaveText("1 · Free");
  await expect(page.getByTestId(`eligibility-${first}`)).toHaveText("Can ring");
  await expect(page.getByTestId(`queue-${queue}`).getByTestId("outcomes")).toContainText("1 answered");
  await expect(page.getByTestId(`agent-row-${second}`)).toBeVisible();
});

test("the queue card counts waiting calls when nobody can ring", async ({ page, request }) => {
  const { first, queue } = await seedQueue(request, "wait");
  await send(request, { type: "agent.manual_status_set", agentId: first, status: "LUNCH_BREAK" });
  await page.goto("/");
  const card = page.getByTestId(`queue-${queue}`);
  await expect(card.getByTestId("eligible")).toHaveText("0/2");
  await send(request, { type: "call.arrived", callId: "wait-call-1", queueId: queue, from: "84907654321" });
  await expect(card.getByTestId("waiting")).toHaveText("1");
  await send(request, { type: "call.abandoned", callId: "wait-call-1" });
  await expect(card.getByTestId("waiting")).toHaveText("0");
});

test("filters and search narrow the agent list", async ({ page, request }) => {
  const { first, second } = await seedQueue(request, "filter");
  await page.goto("/");
  await page.getByLabel("Search agents").fill("filter");
  await expect(page.getByTestId(`agent-row-${first}`)).toBeVisible();
  await expect(page.getByTestId(`agent-row-${second}`)).toBeVisible();
  await page.getByRole("button", { name: /^Can ring/ }).click();
  await expect(page.getByTestId(`agent-row-${first}`)).toBeVisible();
  await expect(page.getByTestId(`agent-row-${second}`)).toHaveCount(0);
  await page.getByLabel("Search agents").fill("no such agent");
  await expect(page.getByText("No agent matches these filters.")).toBeVisible();
});

test("the board says it is stale while the network is down, then catches up", async ({ page, request }) => {
  const { second } = await seedQueue(request, "recon");
  await page.goto("/");
  await expect(page.getByTestId("connection-status")).toHaveText("Live");
  // The list is virtualized and other specs seed agents too: bring this spec's agents into view.
  await page.getByLabel("Search agents").fill("recon");
  // Cut the browser's network (Chromium drops the open WebSocket); meanwhile the center changes.
  await page.context().setOffline(true);
  await expect(page.getByTestId("connection-status")).toContainText("Reconnecting… stale since", {
    timeout: 30_000,
  });
  await send(request, { type: "agent.manual_status_set", agentId: second, status: "AVAILABLE" });
  await page.context().setOffline(false);
  await expect(page.getByTestId("connection-status")).toHaveText("Live", { timeout: 30_000 });
  await expect(page.getByTestId(`eligibility-${second}`)).toHaveText("Can ring");
  expect((await request.get(`${CORE_URL}/healthz`)).ok()).toBe(true);
});

test("the board goes stale within seconds when the core falls silent, and stops its clocks", async ({
  page,
  request,
}) => {
  const { first } = await seedQueue(request, "hung");
  // A hung core (SIGSTOP) keeps its socket open and says nothing: hold back everything it sends.
  let silent = false;
  let lastBeat = 0;
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => server.send(message));
    const read = readHeartbeats((beat) => {
      lastBeat = beat.serverTime;
    });
    server.onMessage((message) => {
      if (silent) return;
      read(message);
      ws.send(message);
    });
  });
  await page.goto(`/?q=${first}`);
  await expect(page.getByTestId("connection-status")).toHaveText("Live");
  await expect.poll(() => lastBeat).toBeGreaterThan(0);
  silent = true;
  const silentAt = Date.now();
  const banner = page.getByTestId("stale-banner");
  await expect(banner).toBeVisible({ timeout: 5_000 });
  expect(Date.now() - silentAt).toBeLessThan(4_000);
  // Since the last data it heard, not since it noticed.
  const since = await page.evaluate((t) => {
    const d = new Date(t);
    return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, "0")).join(":");
  }, lastBeat);
  await expect(banner).toContainText(`Stale since ${since}`);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "stale");
  await expect(page.getByTestId("board-data")).toHaveAttribute("data-frozen", "true");
  const inState = page.getByTestId(`in-state-${first}`);
  await expect(inState).toContainText("≥");
  const frozenText = await inState.textContent();
  await page.waitForTimeout(2_500);
  await expect(inState).toHaveText(frozenText ?? "");

  silent = false;
  await expect(page.getByTestId("connection-status")).toHaveText("Live");
  await expect(banner).toHaveCount(0);
  await expect(inState).not.toContainText("≥");
});
