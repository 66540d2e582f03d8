import { expect, test } from "@playwright/test";
import { seedQueue } from "./events";

const WEB_URL = "http://127.0.0.1:3100";

test("the language switch turns the board Vietnamese, and the choice survives a reload", async ({ page }) => {
  const { second } = await seedQueue(page.request, "lang");
  await page.goto("/");
  await expect(page.getByTestId("connection-status")).toHaveText("Live");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: /^Queues/ })).toBeVisible();
  await page.getByLabel("Search agents").fill("lang");
  await expect(page.getByTestId(`eligibility-${second}`)).toContainText("Not available");

  await page.getByTestId("language-switch").selectOption("vi");

  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByTestId("connection-status")).toHaveText("Trực tiếp");
  await expect(page.getByRole("heading", { name: /^Hàng đợi/ })).toBeVisible();
  await expect(page.getByTestId(`eligibility-${second}`)).toContainText("Không sẵn sàng");
  // The live board kept its connection and its filters through the switch (no reload).
  await expect(page.getByLabel("Tìm nhân viên")).toHaveValue("lang");

  await page.reload();
  await expect(page.getByTestId("connection-status")).toHaveText("Trực tiếp");
  await expect(page.getByTestId("language-switch")).toHaveValue("vi");
  await expect(page.getByRole("button", { name: "Đăng xuất" })).toBeVisible();
  // Server-rendered in Vietnamese: the HTML itself says so, before any script runs.
  const html = await (await page.request.get("/")).text();
  expect(html).toContain('<html lang="vi"');
  expect(html).toContain("Đang tải dữ liệu tổng đài…");
});

test("the sign-in page has the switch; an unknown language cookie falls back to English", async ({
  browser,
}) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  await context.addCookies([{ name: "callboard-locale", value: "klingon", url: WEB_URL }]);
  const page = await context.newPage();
  await page.goto("/signin");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();

  await page.getByTestId("language-switch").selectOption("vi");
  await expect(page.getByRole("button", { name: "Đăng nhập" })).toBeVisible();
  await expect(page.getByLabel("Tên đăng nhập")).toBeVisible();
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await context.close();
});

test("the theme switch turns the board dark at once and the server remembers it", async ({ page }) => {
  await seedQueue(page.request, "theme");
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  await expect(page.getByTestId("connection-status")).toHaveText("Live");
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();

  await page.getByTestId("theme-switch").selectOption("dark");
  await expect(page.locator("html")).toHaveClass("theme-dark");
  expect(await background()).not.toBe(light);

  const html = await (await page.request.get("/")).text();
  expect(html).toContain('class="theme-dark"');
});
