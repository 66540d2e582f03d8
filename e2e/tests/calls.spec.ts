import { expect, test } from "@playwright/test";
import { seedQueue, send } from "./events";

test("a call nobody can take shows in its queue's live calls, waiting, then ringing", async ({
  page,
  request,
}) => {
  const { first, queue } = await seedQueue(request, "lcall");
  await send(request, { type: "agent.manual_status_set", agentId: first, status: "LUNCH_BREAK" });
  await send(request, { type: "call.arrived", callId: "lcall-1", queueId: queue, from: "84907770001" });
  await send(request, { type: "call.arrived", callId: "lcall-2", queueId: queue, from: "84907770002" });
  // The compact view (what a center with many queues shows): the live calls open under the row.
  await page.goto("/?view=compact");
  const row = page.getByTestId(`queue-${queue}`);
  await expect(row.getByTestId("waiting")).toHaveText(/2/);
  await row.getByRole("button", { name: `Live calls of Queue lcall` }).click();
  const list = page.getByTestId(`live-calls-${queue}`);
  const firstCall = list.getByTestId("live-call-lcall-1");
  await expect(firstCall).toContainText("#1");
  await expect(firstCall).toContainText("84907770001");
  await expect(firstCall).toContainText("Waiting");
  await expect(firstCall.getByTestId("live-call-wait")).toHaveText(/^\d+s$/);
  await expect(list.getByTestId("live-call-lcall-2")).toContainText("#2");

  await send(request, { type: "agent.manual_status_set", agentId: first, status: "AVAILABLE" });
  await expect(firstCall).toHaveAttribute("data-status", "ringing");
  await expect(firstCall).toContainText("Ringing Lan lcall");
  await send(request, { type: "call.answered", callId: "lcall-1", agentId: first });
  // Answered: out of the line; the other call moves up.
  await expect(list.getByTestId("live-call-lcall-1")).toHaveCount(0);
  await expect(list.getByTestId("live-call-lcall-2")).toContainText("#1");
});

test("searching an ended call's id opens its timeline; a number nobody called says so", async ({
  page,
  request,
}) => {
  const { first, queue } = await seedQueue(request, "srch");
  await send(request, { type: "call.arrived", callId: "srch-call-1", queueId: queue, from: "84908880001" });
  await send(request, { type: "call.answered", callId: "srch-call-1", agentId: first });
  await send(request, { type: "call.ended", callId: "srch-call-1" });
  await page.goto("/");
  await expect(page.getByTestId("connection-status")).toHaveText("Live");

  const box = page.getByTestId("call-search");
  await box.fill("srch-call-1");
  const results = page.getByTestId("call-search-results");
  const hit = results.getByTestId("call-hit-srch-call-1");
  await expect(hit).toContainText("ended");
  await expect(hit.getByTestId("call-timeline")).toContainText("arrived from 84908880001");
  await expect(hit.getByTestId("call-timeline")).toContainText("answered by Lan srch");

  // By the caller's number, with its "+" though the telephony sent none.
  await box.fill("+84908880001");
  await expect(results.getByTestId("call-hit-srch-call-1")).toBeVisible();

  await box.fill("84900000000999");
  await expect(results).toContainText('No call with the id or caller\'s number "84900000000999".');
  await box.fill("two words");
  await expect(results.getByRole("alert")).toContainText("query may hold letters, digits and symbols only");
  await box.press("Escape");
  await expect(results).toHaveCount(0);
});

test("an agent's calls today go up when a routed call is answered and ended, and sort the list", async ({
  page,
  request,
}) => {
  const { first, second, queue } = await seedQueue(request, "today");
  await page.goto("/?q=today&sort=calls-today");
  await expect(page.getByTestId("connection-status")).toHaveText("Live");
  await expect(page.getByTestId(`calls-today-${first}`)).toHaveText("0 ans");

  await send(request, { type: "call.arrived", callId: "today-call-1", queueId: queue, from: "84909990001" });
  await expect(page.getByTestId(`call-${first}`)).toContainText("Ringing");
  await send(request, { type: "call.answered", callId: "today-call-1", agentId: first });
  await send(request, { type: "call.ended", callId: "today-call-1", talkSec: 65 });
  await expect(page.getByTestId(`calls-today-${first}`)).toHaveText("1 ans");
  await expect(page.getByTestId(`stats-${first}`)).toContainText("1m 05s talk");
  await expect(page.getByTestId(`missed-today-${first}`)).toHaveText("0 miss");

  // Most calls today first; the sort survives a reload (it is in the URL), and the figures come back
  // with the snapshot.
  const rows = page.getByTestId("agent-list").locator("tr[data-testid^=agent-row-]");
  await expect(rows.first()).toHaveAttribute("data-testid", `agent-row-${first}`);
  await page.reload();
  await expect(page.getByTestId(`calls-today-${first}`)).toHaveText("1 ans");
  await expect(page.getByTestId(`calls-today-${second}`)).toHaveText("0 ans");
  await expect(page.getByRole("columnheader", { name: /Today/ })).toHaveAttribute("aria-sort", "descending");
  expect(new URL(page.url()).searchParams.get("sort")).toBe("calls-today");
});
