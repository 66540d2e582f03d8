// Takes a screenshot of a running board (default http://localhost:3000) for the README and reviews:
//   node e2e/scripts/screenshot.mjs [url] [out.png] [waitMs] [open]   ("open" expands the newest decision)
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const [url = "http://localhost:3000", out = "docs/board.png", waitMs = "3000", open] = process.argv.slice(2);
const executablePath =
  process.env.CHROMIUM_PATH ??
  (existsSync("/usr/lib/chromium/chromium") ? "/usr/lib/chromium/chromium" : "/usr/bin/chromium");
const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
});
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
await page.goto(url);
if (new URL(page.url()).pathname === "/signin") {
  // The board is behind sign-in: use the account given in the environment.
  await page.getByLabel("Username").fill(process.env.CALLBOARD_USER ?? "admin");
  await page.getByLabel("Password").fill(process.env.CALLBOARD_PASSWORD ?? "");
  await page.getByRole("button", { name: "Sign in" }).click();
}
await page.getByTestId("connection-status").filter({ hasText: "Live" }).waitFor();
await page.waitForTimeout(Number(waitMs));
if (open === "open") await page.getByTestId("decision-feed").getByRole("button").first().click();
await page.screenshot({ path: out });
await browser.close();
console.log(`saved ${out}`);
