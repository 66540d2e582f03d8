import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { seedQueue, send } from "./events";
import { createWallboardToken } from "./wallboard-pair";

const WEB_URL = "http://127.0.0.1:3100";
const FULL_HD = { width: 1920, height: 1080 };
const UHD = { width: 3840, height: 2160 };
/** Key figures stand at least this share of the screen's height: legible from 3 m. */
const KEY_FIGURE_SHARE = 0.06;

/** A TV: no session, just the screen's link, at a TV's resolution. */
async function openScreen(browser: Browser, path: string, viewport = FULL_HD): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport });
  const page = await context.newPage();
  await page.goto(`${WEB_URL}${path}`);
  return page;
}

async function expectLegible(tile: Locator, screenHeight: number) {
  for (const id of ["waiting", "longest-wait", "sl-today", "abandoned", "can-ring"]) {
    const px = await tile.getByTestId(id).evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(px, `${id} at ${px}px on a ${screenHeight}px screen`).toBeGreaterThanOrEqual(
      KEY_FIGURE_SHARE * screenHeight,
    );
  }
}

test("at 1920×1080 the wallboard shows the URL's queues in its order and follows the center live", async ({
  page,
  browser,
}) => {
  const a = await seedQueue(page.request, "wba");
  const b = await seedQueue(page.request, "wbb");
  const c = await seedQueue(page.request, "wbc");
  // Marks low enough for the longest wait to cross them while the test watches.
  await send(page.request, {
    type: "queue.upserted",
    queue: {
      id: a.queue,
      name: "Queue wba",
      groups: [{ groupId: "wba-team", primary: true }],
      wrapUpTimeLimit: 3,
      longestWaitAmberSec: 2,
      longestWaitRedSec: 4,
    },
  });
  const token = await createWallboardToken(page.request, WEB_URL, "Floor TV", [a.queue, b.queue, c.queue]);
  const tv = await openScreen(browser, `/wallboard?queues=${b.queue},${a.queue}#token=${token}`);

  // The URL narrows and orders the token's queues.
  const tileA = tv.getByTestId(`wallboard-tile-${a.queue}`);
  const tileB = tv.getByTestId(`wallboard-tile-${b.queue}`);
  await expect(tileA).toBeVisible();
  await expect(tileB).toBeVisible();
  await expect(tv.getByTestId(`wallboard-tile-${c.queue}`)).toHaveCount(0);
  expect((await tileB.boundingBox())!.x).toBeLessThan((await tileA.boundingBox())!.x);
  await expect(tv.getByTestId("wallboard-live")).toContainText(/Live · data as of \d\d:\d\d:\d\d/);
  await expect(tileA.getByTestId("waiting")).toHaveText("0");
  await expect(tileA.getByTestId("can-ring")).toHaveText("1");
  await expect(tileA.getByTestId("staffing")).toContainText("not enough calls yet");

  // Nobody can ring and a caller arrives: the screen follows, and says why the tile is red.
  await send(page.request, { type: "agent.manual_status_set", agentId: a.first, status: "LUNCH_BREAK" });
  await expect(tileA.getByTestId("can-ring")).toHaveText("0");
  await send(page.request, {
    type: "call.arrived",
    callId: "wb-call-1",
    queueId: a.queue,
    from: "84901110001",
  });
  await expect(tileA.getByTestId("waiting")).toHaveText("1");
  await expect(tileA).toContainText("Nobody can ring");
  // The longest wait crosses its marks: said in words and signs, not by colour alone.
  await expect(tileA).toContainText("▲ over 2 s");
  await expect(tileA).toContainText("▲▲ over 4 s");
  await expectLegible(tileA, FULL_HD.height);
  await tv.screenshot({ path: test.info().outputPath("wallboard-1920x1080.png") });

  // Accessibility: no serious or critical issue (contrast, names, landmarks …) on a live screen in alarm.
  const scan = await new AxeBuilder({ page: tv }).analyze();
  const serious = scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  await send(page.request, { type: "call.abandoned", callId: "wb-call-1" });
  await expect(tileA.getByTestId("waiting")).toHaveText("0");
  await expect(tileA.getByTestId("abandoned")).toHaveText("1");
});

test("a queue in the URL that the screen does not have gets a notice, not a blank tile; 4K stays legible", async ({
  page,
  browser,
}) => {
  const mine = await seedQueue(page.request, "wbn");
  const other = await seedQueue(page.request, "wbo");
  const token = await createWallboardToken(page.request, WEB_URL, "Lobby", [mine.queue]);
  const tv = await openScreen(
    browser,
    `/wallboard?queues=${mine.queue},${other.queue},no-such-queue&rotate=soon#token=${token}`,
    UHD,
  );
  const tile = tv.getByTestId(`wallboard-tile-${mine.queue}`);
  await expect(tile).toBeVisible();
  const notice = tv.getByTestId("wallboard-notice");
  await expect(notice).toContainText(`Queue “${other.queue}” is not shown`);
  await expect(notice).toContainText("Queue “no-such-queue” is not shown");
  await expect(notice).toContainText("rotate=soon is not a number of seconds");
  await expect(tv.getByTestId(`wallboard-tile-${other.queue}`)).toHaveCount(0);
  await expectLegible(tile, UHD.height);
  await tv.screenshot({ path: test.info().outputPath("wallboard-3840x2160.png") });
});

test("tiles that do not fit turn pages every `rotate` seconds", async ({ page, browser }) => {
  const queues = [];
  for (const prefix of ["wbr1", "wbr2", "wbr3"]) queues.push((await seedQueue(page.request, prefix)).queue);
  const token = await createWallboardToken(page.request, WEB_URL, "Corridor", queues);
  // A 5:4 screen holds two wide tiles, one above the other; a row of three narrow ones would not fit.
  const tv = await openScreen(browser, `/wallboard?rotate=5#token=${token}`, { width: 1280, height: 1024 });
  await expect(tv.getByTestId("wallboard-page")).toHaveText("Page 1 of 2");
  await expect(tv.getByTestId(`wallboard-tile-${queues[2]}`)).toHaveCount(0);
  await expect(tv.getByTestId("wallboard-page")).toHaveText("Page 2 of 2", { timeout: 7_000 });
  await expect(tv.getByTestId(`wallboard-tile-${queues[2]}`)).toBeVisible();
});

/**
 * An old screen meets a newer core. Nothing test-only ships: the test stands between the page and
 * the core (Playwright's WebSocket routing) and makes the page's wallboard:subscribe say protocol 0,
 * as a page built before a protocol change would; the real core answers "incompatible" (the server
 * integration test pins that answer), and the page's real handling must say so and reload itself.
 */
test("a screen the core finds incompatible says so and reloads itself", async ({ page, browser }) => {
  const q = await seedQueue(page.request, "wbx");
  const token = await createWallboardToken(page.request, WEB_URL, "Old TV", [q.queue]);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: FULL_HD });
  const tv = await context.newPage();
  await tv.routeWebSocket(/\/socket\.io\//, (ws) => {
    const core = ws.connectToServer();
    ws.onMessage((message) =>
      core.send(
        typeof message === "string"
          ? message.replace(/^(42\d*\["wallboard:subscribe",\{"protocol":)\d+/, "$10")
          : message,
      ),
    );
  });
  let loads = 0;
  tv.on("load", () => loads++);
  await tv.goto(`${WEB_URL}/wallboard#token=${token}`);
  const message = tv.getByTestId("wallboard-message");
  await expect(message).toContainText("another version of the Callboard core");
  await expect(message).toContainText(/Reloading in \d+ s/);
  await expect.poll(() => loads, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
});

test("an old ?token= link still opens its screen, and from then on the token is only in the fragment", async ({
  page,
  browser,
}) => {
  const q = await seedQueue(page.request, "wbl");
  const token = await createWallboardToken(page.request, WEB_URL, "Legacy TV", [q.queue]);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: FULL_HD });
  const tv = await context.newPage();
  const carried: string[] = [];
  tv.on("request", (request) => {
    const referer = request.headers().referer ?? "";
    if (request.url().includes(token) || referer.includes(token)) carried.push(request.url());
  });
  await tv.goto(`${WEB_URL}/wallboard?token=${token}&queues=${q.queue}`);
  await expect(tv.getByTestId(`wallboard-tile-${q.queue}`)).toBeVisible();
  await expect(tv.getByTestId("wallboard-live")).toBeVisible();
  const address = new URL(tv.url());
  expect(address.searchParams.get("token")).toBeNull();
  expect(address.searchParams.get("queues")).toBe(q.queue);
  expect(address.hash).toBe(`#token=${token}`);
  // Only the old link's own request carried it; no script, style or socket request after the redirect.
  expect(carried).toEqual([`${WEB_URL}/wallboard?token=${token}&queues=${q.queue}`]);
  await context.close();
});
