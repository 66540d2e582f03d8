import { expect, type Page, test } from "@playwright/test";
import { send } from "./events";

/** Screenshots of each admin page at a laptop's size, for a person to look at (ADMIN_SHOTS=<folder>). */
async function shoot(page: Page, name: string) {
  const folder = process.env.ADMIN_SHOTS;
  if (!folder) return;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: `${folder}/${name}.png`, fullPage: true });
}

test("an admin builds a center in the browser, and a call routed to the new agent shows on the board", async ({
  page,
  request,
}) => {
  await page.goto("/admin/agents");
  const agentForm = page.getByRole("form", { name: "Create an agent" });
  await agentForm.getByLabel("stringee_user_id", { exact: true }).fill("adm-an");
  await agentForm.getByLabel("Name", { exact: true }).fill("An Admin");
  await agentForm.locator('input[name="phoneNumber"]').fill("84901112233");
  await agentForm.locator('select[name="routingType"]').selectOption("2");
  await agentForm.locator('select[name="initialManualStatus"]').selectOption("AVAILABLE");
  await agentForm.getByRole("button", { name: "Create agent" }).click();
  await page.getByLabel("Search agents").fill("adm-an");
  const row = page.getByTestId("agent-adm-an");
  await expect(row).toContainText("An Admin");
  await expect(row).toContainText("84901112233");
  await expect(row).toContainText("Available");
  await shoot(page, "agents");

  await page.goto("/admin/groups");
  const groupForm = page.getByRole("form", { name: "Create a group" });
  await groupForm.getByLabel("Group id", { exact: true }).fill("adm-team");
  await groupForm.getByLabel("Name", { exact: true }).fill("Admin team");
  await groupForm.getByLabel("Members", { exact: true }).fill("adm-an");
  await groupForm.getByRole("button", { name: "Create group" }).click();
  const card = page.getByTestId("group-adm-team");
  await expect(card).toContainText("An Admin");
  await expect(card).toContainText("no queue");
  await shoot(page, "groups");

  await page.goto("/admin/queues");
  await page.getByRole("button", { name: "New queue" }).click();
  const queueForm = page.getByRole("form", { name: "New queue" });
  await queueForm.getByLabel("Queue id", { exact: true }).fill("adm-queue");
  await queueForm.getByLabel("Name", { exact: true }).fill("Admin queue");
  await queueForm.locator('select[name="strategy"]').selectOption("top-down");
  await queueForm.locator('select[name="addGroup"]').selectOption({ label: "Admin team" });
  await expect(queueForm.getByTestId("queue-group-adm-team")).toBeVisible();
  await shoot(page, "queue-form");
  await queueForm.getByRole("button", { name: "Create queue" }).click();
  await expect(page.getByTestId("queue-adm-queue")).toContainText("Admin team (primary)");
  await shoot(page, "queues");

  // The agent's phone logs in (a machine's input), then a caller rings the new queue.
  await send(request, { type: "agent.presence_changed", agentId: "adm-an", signal: "app", online: true });
  await send(request, {
    type: "call.arrived",
    callId: "adm-call-1",
    queueId: "adm-queue",
    from: "84907770000",
  });
  await page.goto("/");
  await expect(page.getByTestId("connection-status")).toHaveText("Live");
  await page.getByLabel("Search agents").fill("adm-an");
  await expect(page.getByTestId("call-adm-an")).toContainText("Ringing");
  await expect(page.getByTestId("queue-adm-queue")).toBeVisible();
});

test("a bad phone number shows its error beside the field, and nothing is created", async ({ page }) => {
  await page.goto("/admin/agents");
  const form = page.getByRole("form", { name: "Create an agent" });
  await form.getByLabel("stringee_user_id", { exact: true }).fill("adm-bad");
  await form.getByLabel("Name", { exact: true }).fill("Bad Number");
  await form.locator('input[name="phoneNumber"]').fill("0901234567");
  await form.getByRole("button", { name: "Create agent" }).click();
  // The problem stands beside its field and is the field's description (aria-describedby).
  const phone = form.locator('input[name="phoneNumber"]');
  await expect(phone).toHaveAttribute("aria-invalid", "true");
  await expect(phone).toHaveAccessibleDescription(/country code first/);
  await expect(phone).toHaveAccessibleName("Phone number");
  await expect(form.getByLabel("Name", { exact: true })).not.toHaveAttribute("aria-invalid");
  await expect(form.getByLabel("Name", { exact: true })).toHaveAccessibleDescription("");
  await shoot(page, "agents-bad-phone");
  await page.getByLabel("Search agents").fill("adm-bad");
  await expect(page.getByText("No agent matches.")).toBeVisible();
});

test("the server's refusals are shown: a duplicate id beside its field, a group in use naming its queue", async ({
  page,
  request,
}) => {
  await send(request, {
    type: "agent.upserted",
    agent: { id: "adm-dup", name: "Dup", phoneNumber: null, routingType: 1 },
  });
  await send(request, { type: "group.upserted", group: { id: "adm-used", name: "Used team", members: [] } });
  await send(request, {
    type: "queue.upserted",
    queue: { id: "adm-uses", name: "Uses it", groups: [{ groupId: "adm-used", primary: true }] },
  });
  await page.goto("/admin/agents");
  const form = page.getByRole("form", { name: "Create an agent" });
  await form.getByLabel("stringee_user_id", { exact: true }).fill("adm-dup");
  await form.getByLabel("Name", { exact: true }).fill("Second Dup");
  await form.getByRole("button", { name: "Create agent" }).click();
  await expect(form.getByLabel("stringee_user_id", { exact: true })).toHaveAccessibleDescription(
    'agent "adm-dup" already exists',
  );

  await page.goto("/admin/groups");
  const card = page.getByTestId("group-adm-used");
  await card.getByRole("button", { name: "Delete group" }).click();
  await card.getByRole("button", { name: "Really delete?" }).click();
  await expect(card.getByRole("alert")).toHaveText(
    'group "adm-used" is used by queue "Uses it" (adm-uses); take it off the queue first',
  );
});

test("two admins edit the same queue: the second save is refused, not written over the first", async ({
  browser,
  request,
}) => {
  await send(request, { type: "group.upserted", group: { id: "adm-race", name: "Race team", members: [] } });
  await send(request, {
    type: "queue.upserted",
    queue: { id: "adm-race-q", name: "Race queue", groups: [{ groupId: "adm-race", primary: true }] },
  });
  const [first, second] = await Promise.all(
    [0, 1].map(async () => (await browser.newContext({ storageState: ".auth/admin.json" })).newPage()),
  );
  for (const page of [first!, second!]) {
    await page.goto("/admin/queues");
    await page.getByTestId("queue-adm-race-q").getByRole("button", { name: "Edit" }).click();
    await page.getByLabel("Answer timeout, s (wait_agent_answer_timeout)").fill(page === first ? "20" : "40");
  }
  await first!.getByRole("button", { name: "Save queue" }).click();
  await expect(first!.getByTestId("queue-adm-race-q")).toBeVisible();
  await second!.getByRole("button", { name: "Save queue" }).click();
  await expect(second!.getByRole("alert").first()).toContainText("was changed by someone else");
  await first!.reload();
  await first!.getByTestId("queue-adm-race-q").getByRole("button", { name: "Edit" }).click();
  await expect(first!.getByLabel("Answer timeout, s (wait_agent_answer_timeout)")).toHaveValue("20");
});

test("an admin moves an agent between groups from the board", async ({ page, request }) => {
  await send(request, {
    type: "agent.upserted",
    agent: { id: "adm-mover", name: "Mover", phoneNumber: null, routingType: 1 },
  });
  await send(request, {
    type: "group.upserted",
    group: { id: "adm-from", name: "From team", members: ["adm-mover"] },
  });
  await send(request, { type: "group.upserted", group: { id: "adm-to", name: "To team", members: [] } });
  await page.goto("/");
  await expect(page.getByTestId("connection-status")).toHaveText("Live");
  const panel = page.getByTestId("group-move");
  await panel.getByText("Move an agent between groups").click();
  await panel.locator('input[name="agentId"]').fill("adm-mover");
  await expect(panel.locator('select[name="fromGroupId"]')).toHaveValue("adm-from");
  await panel.locator('select[name="toGroupId"]').selectOption("adm-to");
  await panel.getByRole("button", { name: "Move" }).click();
  await expect(panel.getByRole("button", { name: "Move" })).toBeEnabled();
  await expect(panel.locator('select[name="fromGroupId"]')).toHaveValue("adm-to");
  await shoot(page, "board-move");
});
