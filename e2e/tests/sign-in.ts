import { expect, type Page } from "@playwright/test";
import { E2E_ADMIN } from "./events";

/** Signs in through the sign-in form, as a person does, and waits for the live board. */
export async function signIn(
  page: Page,
  webUrl = "",
  who: { username: string; password: string } = E2E_ADMIN,
) {
  await page.goto(`${webUrl}/signin`);
  await page.getByLabel("Username").fill(who.username);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("connection-status")).toHaveText("Live");
}
