import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { seedQueue } from "./events";

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

test("axe finds no serious or critical issue on the sign-in page", async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await page.goto("/signin");
  const scan = await new AxeBuilder({ page }).analyze();
  const serious = scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
