import { callEvent, callRoutingWebhook, signAndPostCallEvent } from "@callboard/stringee/fake";
import { expect, test } from "@playwright/test";
import { installFakeStringeeSdk } from "./fake-stringee-sdk";
import { signIn } from "./sign-in";
import {
  AGENTS,
  appLogin,
  fetchSeed,
  PROJECT_ID,
  SIGNING_SECRET,
  STRINGEE_PUBLIC_URL,
  STRINGEE_WEB_URL,
} from "./stringee-pair";

const CALL_ID = "call-vn-e2e-1";
const CALLER = "84911111111";

/** A call event exactly as PCC posts it, stamped now. */
const pccEvent = (status: "answered" | "ended", extra: { answerDuration?: number } = {}) =>
  callEvent({ callId: CALL_ID, status, timestampMs: Date.now(), from: CALLER, to: AGENTS.lan.id, ...extra });

test("a PCC call is routed by the webhook, rings the logged-in agent, and its call events reach the board", async ({
  page,
  request,
}) => {
  const { queueId, queueName, answerTimeoutSec } = await fetchSeed(request);
  const { sipUsername } = await appLogin(request, AGENTS.lan.id);
  expect(sipUsername).toBe(`${PROJECT_ID}_${AGENTS.lan.id}`);

  // Another Callboard, with its own users: sign in there (cookies are per host, not per port).
  await signIn(page, STRINGEE_WEB_URL);
  const panel = page.getByTestId("connector-panel");
  await expect(panel).toContainText(`project ${PROJECT_ID}`);
  await expect(panel.getByTestId("connector-sync")).toContainText("Sync ok · last sync");
  await expect(panel.getByTestId("connector-sync")).toContainText("2 agents, 1 group, 2 queues");
  // PCC's second queue routes to no group: not mirrored (one queue card), and the panel says why.
  const warnings = panel.getByTestId("connector-warnings");
  await expect(warnings).toContainText("1 warning");
  await warnings.getByText("1 warning").click();
  await expect(warnings.getByRole("listitem")).toHaveText(/routes to no group; skipped/);
  await warnings.getByText("1 warning").click(); // closed again: it opens over the queue cards
  await expect(page.locator('[data-testid^="queue-"]')).toHaveCount(1);
  await expect(page.getByTestId("mode-tag")).toHaveCount(0);
  // Both are Available at PCC; only Lan's App/Web client reported in, so only Lan can ring.
  await expect(page.getByTestId(`online-${AGENTS.lan.id}`)).toHaveText("App/Web");
  await expect(page.getByTestId(`eligibility-${AGENTS.lan.id}`)).toHaveText("Can ring");
  await expect(page.getByTestId(`eligibility-${AGENTS.minh.id}`)).toContainText("Offline");

  // PCC asks get_list_agents_url whom the new call should ring.
  const answer = await callRoutingWebhook(`${STRINGEE_PUBLIC_URL}/stringee/routing`, {
    queueId,
    projectId: PROJECT_ID,
    calls: [{ callId: CALL_ID, from: CALLER, to: "842473000000" }],
  });
  expect(answer).toEqual({
    version: 2,
    calls: [
      {
        callId: CALL_ID,
        agents: [{ stringee_user_id: AGENTS.lan.id, routing_type: 1, answer_timeout: answerTimeoutSec }],
      },
    ],
  });

  const card = page.getByTestId(`queue-${queueId}`);
  await expect(card).toContainText(queueName);
  await expect(card.getByTestId("ringing")).toHaveText("1");
  await expect(page.getByTestId(`call-${AGENTS.lan.id}`)).toContainText(`Ringing · ${CALLER}`);
  const decision = page.getByTestId(`decision-${CALL_ID}-1`);
  await expect(decision).toContainText(`${queueName} → ${AGENTS.lan.name}`);
  await decision.getByRole("button").click();
  const candidates = decision.getByTestId("candidate-table");
  await expect(candidates.getByRole("row", { name: AGENTS.lan.name })).toContainText("Rang");
  await expect(candidates.getByRole("row", { name: AGENTS.minh.name })).toContainText(
    "Could not ring: rings App/Web/SIP but is offline",
  );
  await expect(panel.getByTestId("connector-routing")).toContainText("1 request · last");

  // A forged event (not signed with the project's secret) is refused and shows on the panel.
  const eventsUrl = `${STRINGEE_PUBLIC_URL}/stringee/events`;
  const forged = await signAndPostCallEvent(eventsUrl, "not-the-signing-secret", pccEvent("answered"));
  expect(forged.status).toBe(401);
  await expect(page.getByTestId(`call-${AGENTS.lan.id}`)).toContainText("Ringing");

  expect((await signAndPostCallEvent(eventsUrl, SIGNING_SECRET, pccEvent("answered"))).status).toBe(200);
  await expect(page.getByTestId(`call-${AGENTS.lan.id}`)).toContainText(`On call · ${CALLER}`);
  await expect(page.getByTestId(`system-status-${AGENTS.lan.id}`)).toHaveText("0 · On call");
  await expect(card.getByTestId("talking")).toHaveText("1");
  await expect(decision.getByTestId("call-timeline")).toContainText(`answered by ${AGENTS.lan.name}`);

  const ended = pccEvent("ended", { answerDuration: 42 });
  expect((await signAndPostCallEvent(eventsUrl, SIGNING_SECRET, ended)).status).toBe(200);
  await expect(page.getByTestId(`eligibility-${AGENTS.lan.id}`)).toContainText("Wrap-up");
  await expect(card.getByTestId("wrap-up")).toContainText(AGENTS.lan.name);
  await expect(card.getByTestId("outcomes")).toContainText("1 answered · 0 abandoned");
  await expect(card.getByTestId("talking")).toHaveText("0");

  // The panel (polled every 5 s) counts what PCC sent, the forged event included.
  await expect(panel.getByTestId("connector-events")).toContainText(
    "2 received · 2 applied · 0 ignored · 1 refused signature",
  );
  await expect(panel.getByTestId("connector-error")).toContainText("Last error · Call events · ");
  await expect(panel.getByTestId("connector-error")).toContainText("X-STRINGEE-SIGNATURE");
});

test("the agent desk in stringee mode: the SDK logs in with the desk's own token, PCC rings it, the agent answers and hangs up", async ({
  page,
  browser,
  request,
}) => {
  const { queueId, queueName } = await fetchSeed(request);
  await signIn(page, STRINGEE_WEB_URL);
  const created = await page.request.post(`${STRINGEE_WEB_URL}/trpc/users.create`, {
    data: {
      username: "pcc-lan",
      name: "Lan at PCC",
      role: "agent",
      password: "pcc desk password 1",
      agentId: "lan",
    },
  });
  expect(created.ok(), await created.text()).toBe(true);

  // The agent's own browser, with the SDK replaced by the fake at its interface.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  await context.addInitScript(installFakeStringeeSdk);
  const desk = await context.newPage();
  await desk.goto(`${STRINGEE_WEB_URL}/signin?next=/agent`);
  await desk.getByLabel("Username").fill("pcc-lan");
  await desk.getByLabel("Password").fill("pcc desk password 1");
  await desk.getByRole("button", { name: "Sign in" }).click();
  await expect(desk.getByTestId("desk-sdk")).toHaveText("Stringee softphone connected");
  await expect(desk.getByTestId("desk-sip")).toContainText(`${PROJECT_ID}_${AGENTS.lan.id}`);
  const log = () =>
    desk.evaluate(() => (window as unknown as { __fakeStringeeLog: string[] }).__fakeStringeeLog);
  expect(await log()).toContain(`connect ${AGENTS.lan.id}`);

  // Written to PCC first, then seen on the board; the previous call's wrap-up may still be running.
  await desk.getByRole("combobox", { name: "My status" }).selectOption("AVAILABLE");
  await expect(page.getByTestId(`eligibility-${AGENTS.lan.id}`)).toHaveText("Can ring", { timeout: 30_000 });

  const callId = "call-vn-e2e-desk";
  const caller = "84922222222";
  const answer = await callRoutingWebhook(`${STRINGEE_PUBLIC_URL}/stringee/routing`, {
    queueId,
    projectId: PROJECT_ID,
    calls: [{ callId, from: caller, to: "842473000000" }],
  });
  expect(JSON.stringify(answer)).toContain(`"stringee_user_id":"${AGENTS.lan.id}"`);
  // PCC rings the agent's SDK with the same call id.
  await desk.evaluate(
    ([id, from]) =>
      (window as unknown as { __fakeStringee: { ring(a: string, b: string): void } }).__fakeStringee.ring(
        id!,
        from!,
      ),
    [callId, caller],
  );
  const ringing = desk.getByTestId("desk-ringing");
  await expect(ringing).toContainText(caller);
  await expect(ringing).toContainText(queueName);
  await ringing.getByRole("button", { name: "Answer" }).click();
  await expect(desk.getByTestId("desk-on-call")).toContainText(caller);
  await expect(page.getByTestId(`call-${AGENTS.lan.id}`)).toContainText(`On call · ${caller}`);
  expect(await log()).toContain(`answer ${callId}`);

  // The SDK asks for a new token: the desk gets one through the agent's session and connects again.
  await desk.evaluate(() =>
    (window as unknown as { __fakeStringee: { emit(e: string): void } }).__fakeStringee.emit(
      "requestnewtoken",
    ),
  );
  await expect
    .poll(() =>
      desk.evaluate(
        () => (window as unknown as { __fakeStringee: { tokens: string[] } }).__fakeStringee.tokens,
      ),
    )
    .toHaveLength(2);

  await desk.getByRole("button", { name: "Hang up" }).click();
  await expect(desk.getByTestId("desk-wrap-up")).toBeVisible();
  await expect(page.getByTestId(`eligibility-${AGENTS.lan.id}`)).toContainText("Wrap-up");
  expect(await log()).toContain(`hangup ${callId}`);
  await context.close();
});
