import { copyFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { seedQueue, send } from "./events";

const AGENT_PASSWORD = "desk agent password 1";

/** An admin (this project's signed-in page) creates a person with the agent role, linked to `agentId`. */
async function createAgentUser(admin: Page, username: string, agentId: string) {
  const res = await admin.request.post("/trpc/users.create", {
    data: { username, name: username, role: "agent", password: AGENT_PASSWORD, agentId },
  });
  expect(res.ok(), await res.text()).toBe(true);
}

/** The agent signs in through the form, in a browser context of their own, and lands on the desk. */
async function openDesk(browser: Browser, username: string): Promise<Page> {
  const desk = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await desk.goto("/signin?next=/agent");
  await desk.getByLabel("Username").fill(username);
  await desk.getByLabel("Password").fill(AGENT_PASSWORD);
  await desk.getByRole("button", { name: "Sign in" }).click();
  await expect(desk.getByTestId("desk-connection")).toHaveText("Connected");
  return desk;
}

test("an agent goes Available on the desk, is rung, answers, hangs up and wraps up; the board follows", async ({
  page,
  browser,
  request,
}) => {
  const { first, queue } = await seedQueue(request, "desk");
  // The agent starts logged out and not available: the desk is what brings them in.
  await send(request, { type: "agent.presence_changed", agentId: first, signal: "app", online: false });
  await send(request, { type: "agent.manual_status_set", agentId: first, status: "NOT_AVAILABLE" });
  await page.goto("/");
  await expect(page.getByTestId("connection-status")).toHaveText("Live");
  await page.getByLabel("Search agents").fill("desk");
  await createAgentUser(page, "desk-lan", first);

  const desk = await openDesk(browser, "desk-lan");
  await expect(page.getByTestId(`online-${first}`)).toHaveText("App/Web");
  await desk.getByRole("combobox", { name: "My status" }).selectOption("AVAILABLE");
  await expect(desk.getByTestId("desk-status-note")).toHaveText("Set by you");
  await expect(page.getByTestId(`eligibility-${first}`)).toHaveText("Can ring");
  await expect(desk.getByTestId("desk-idle")).toHaveText("Waiting for a call");

  await send(request, { type: "call.arrived", callId: "desk-call-1", queueId: queue, from: "84901230001" });
  const ringing = desk.getByTestId("desk-ringing");
  await expect(ringing).toContainText("84901230001");
  await expect(ringing).toContainText("Queue desk");
  await expect(desk.getByTestId("desk-why")).toContainText("1st of 1 who could ring");
  await expect(page.getByTestId(`call-${first}`)).toContainText("Ringing");
  // The ringing desk: no serious or critical accessibility issue; its picture is the README's.
  const scan = await new AxeBuilder({ page: desk }).analyze();
  const serious = scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  const shot = test.info().outputPath("agent-desk-ringing.png");
  await desk.setViewportSize({ width: 1280, height: 720 });
  await desk.screenshot({ path: shot });
  if (process.env.UPDATE_DOCS_SCREENSHOT)
    copyFileSync(shot, fileURLToPath(new URL("../../docs/agent-desk.png", import.meta.url)));

  await ringing.getByRole("button", { name: "Answer" }).click();
  await expect(desk.getByTestId("desk-on-call")).toContainText("84901230001");
  await expect(desk.getByTestId("desk-call-timer")).toHaveText(/^\d+s$/);
  await expect(page.getByTestId(`call-${first}`)).toContainText("On call");

  await desk.getByRole("button", { name: "Hang up" }).click();
  await expect(desk.getByTestId("desk-wrap-up")).toBeVisible();
  await expect(page.getByTestId(`eligibility-${first}`)).toContainText("Wrap-up");
  // The queue's 3-second wrap-up runs out on both; the agent can ring again.
  await expect(desk.getByTestId("desk-idle")).toHaveText("Waiting for a call");
  await expect(page.getByTestId(`eligibility-${first}`)).toHaveText("Can ring");
  await expect(desk.getByTestId("desk-answered")).toHaveText("1");

  // A supervisor puts the agent on a break: the desk shows it at once, and who did it.
  await page.getByTestId(`manual-status-${first}`).selectOption("SHORT_BREAK");
  await expect(desk.getByRole("combobox", { name: "My status" })).toHaveValue("SHORT_BREAK");
  await expect(desk.getByTestId("desk-status-note")).toHaveText("Set by admin");

  // A second tab of the same agent is told the softphone is elsewhere.
  const second = await desk.context().newPage();
  await second.goto("/agent");
  await expect(second.getByTestId("desk-other-tab")).toContainText("open in another tab");

  // Closing the desk logs the agent out on the board (the page says so as it goes).
  await second.close({ runBeforeUnload: true });
  await desk.close({ runBeforeUnload: true });
  await expect(page.getByTestId(`online-${first}`)).toHaveText("Offline");
});
