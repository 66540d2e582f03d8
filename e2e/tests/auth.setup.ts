import { fileURLToPath } from "node:url";
import { test as setup } from "@playwright/test";
import { signIn } from "./sign-in";

const ADMIN_STATE = fileURLToPath(new URL("../.auth/admin.json", import.meta.url));

/** Every board spec starts signed in as the admin (the session cookie, saved once). */
setup("sign in as the admin", async ({ page }) => {
  await signIn(page);
  await page.context().storageState({ path: ADMIN_STATE });
});
