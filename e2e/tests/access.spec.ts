import { expect, test } from "@playwright/test";
import { seedQueue } from "./events";
import { signIn } from "./sign-in";

test("a newcomer without a session lands on the sign-in form, and a wrong password says so", async ({
  browser,
}) => {
  const page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  const response = await page.goto("/");
  await expect(page).toHaveURL(/\/signin$/);
  // The page is served with a nonce-based CSP and no framing.
  const headers = (await page.request.get("/signin")).headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).not.toMatch(/unsafe-eval/);
  expect(headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(response?.ok()).toBe(true);
  await page.getByLabel("Username").fill("admin");
  await page.getByLabel("Password").fill("certainly not it");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong username or password.")).toBeVisible();
});

test("an admin creates a viewer, who watches the board but cannot change a manual status", async ({
  page,
  browser,
}) => {
  const { second } = await seedQueue(request(page), "view");
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "Create a user" });
  await form.getByLabel("Username").fill("vic");
  await form.getByLabel("Name", { exact: true }).fill("Vic Viewer");
  await form.getByLabel("Role").selectOption("viewer");
  await form.getByLabel("Password").fill("short");
  await form.getByRole("button", { name: "Create user" }).click();
  // The same schema as the server, shown beside the field; nothing is sent.
  await expect(form.getByText("must be at least 12 characters")).toBeVisible();
  await form.getByLabel("Password").fill("vic's long passphrase");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByTestId("user-vic")).toContainText("Vic Viewer");
  // The audit log says who created whom.
  await page.getByRole("link", { name: "Audit log" }).click();
  await page.getByLabel("Target").fill("vic");
  const created = page.getByRole("row", { name: /user\.created/ });
  await expect(created).toContainText("admin");
  await expect(created).toContainText("vic");

  const vic = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await signIn(vic, "", { username: "vic", password: "vic's long passphrase" });
  await expect(vic.getByTestId("user-menu")).toContainText("Vic Viewer · viewer");
  await vic.getByLabel("Search agents").fill("view");
  await expect(vic.getByTestId(`manual-status-${second}`)).toBeDisabled();
  await expect(vic.getByRole("link", { name: "Admin" })).toHaveCount(0);
});

test("a wallboard paired by an admin shows its queue's counts, and says so when its access is revoked", async ({
  page,
  browser,
}) => {
  const { queue } = await seedQueue(request(page), "tv");
  await page.goto("/admin/wallboards");
  const form = page.getByRole("form", { name: "Pair a wallboard" });
  await form.getByLabel("Screen name").fill("Floor TV");
  await form.getByLabel(`Queue tv`).check();
  await form.getByRole("button", { name: "Create the screen's link" }).click();
  const link = (await page.getByTestId("wallboard-link").locator("code").textContent()) ?? "";
  // The token rides in the fragment: no request, log or Referer ever carries it.
  expect(link).toMatch(/\/wallboard#token=/);

  // The TV has no session: the token alone opens its screen.
  const tv = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await tv.goto(link);
  await expect(tv.getByTestId(`wallboard-tile-${queue}`)).toBeVisible();
  await expect(tv.getByTestId(`wallboard-tile-${queue}`)).toContainText("Can ring");
  await expect(tv.getByText("Lan tv")).toHaveCount(0);

  await page
    .getByRole("row", { name: /Floor TV/ })
    .getByRole("button", { name: "Revoke" })
    .click();
  await expect(tv.getByTestId("wallboard-message")).toHaveText("This screen's access was revoked.", {
    timeout: 5_000,
  });
});

/** The page's own request context (it carries the admin's session for the API calls seedQueue makes). */
function request(page: import("@playwright/test").Page) {
  return page.request;
}
