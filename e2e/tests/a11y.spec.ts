import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { seedQueue } from "./events";

const WEB_URL = "http://127.0.0.1:3100";

/** The pages people use, scanned with axe in Chromium: no serious or critical issue. */
for (const path of [
  "/",
  "/admin/agents",
  "/admin/groups",
  "/admin/queues",
  "/admin/users",
  "/admin/audit",
  "/admin/wallboards",
  "/history",
  "/history/service-level",
  "/history/agents",
  "/history/what-if",
]) {
  test(`axe finds no serious or critical issue on ${path}`, async ({ page }) => {
    await seedQueue(page.request, `a11y${path.replace(/\W/g, "")}`);
    await page.goto(path);
    if (path === "/") await expect(page.getByTestId("connection-status")).toHaveText("Live");
    else await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const scan = await new AxeBuilder({ page }).analyze();
    const serious = scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

/**
 * Each page names itself in the <head> of the first response, not later in the stream: a screen reader, a
 * wallboard's tab and axe all read the title as soon as the page loads (next.config: htmlLimitedBots).
 */
test("every page's title is in the head of its first response", async ({ page }) => {
  for (const path of [
    "/",
    "/wallboard",
    "/admin/agents",
    "/history",
    "/history/agents",
    "/history/what-if",
  ]) {
    const html = await (await page.request.get(`${WEB_URL}${path}`)).text();
    const head = html.slice(0, html.indexOf("</head>"));
    expect(head, path).toMatch(/<title>[^<]*Callboard[^<]*<\/title>/);
  }
});

/** Dark mode: by the system's preference (no cookie), and by the switch's cookie over a light system. */
for (const how of ["prefers-color-scheme", "theme cookie"] as const) {
  for (const path of ["/", "/admin/users", "/history", "/history/service-level", "/history/agents"]) {
    test(`axe finds no serious or critical issue on ${path} in dark mode (${how})`, async ({
      page,
      context,
    }) => {
      await seedQueue(page.request, `a11ydark${path.replace(/\W/g, "")}${how.length}`);
      if (how === "theme cookie") {
        await context.addCookies([{ name: "callboard-theme", value: "dark", url: WEB_URL }]);
        await page.emulateMedia({ colorScheme: "light" });
      } else {
        await page.emulateMedia({ colorScheme: "dark" });
      }
      await page.goto(path);
      if (path === "/") await expect(page.getByTestId("connection-status")).toHaveText("Live");
      else await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // History: the chart is drawn (in ECharts' dark theme) before the scan.
      if (path.startsWith("/history"))
        await expect(page.getByRole("img").first()).toHaveAttribute("data-chart-ready", "true");
      // Dark from the first paint: the server put the class on <html>, the body is slate-950.
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
        "oklch(0.129 0.042 264.695)",
      );
      const scan = await new AxeBuilder({ page }).analyze();
      const serious = scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    });
  }
}

test("axe finds no serious or critical issue on the sign-in page", async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await page.goto("/signin");
  const scan = await new AxeBuilder({ page }).analyze();
  const serious = scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
