import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:8799";
export const DEMO_PASSWORD = "akuntabel-demo";

// Chromium's background services try to reach the internet, which is closed here.
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export const launch = () => chromium.launch({ executablePath: CHROMIUM, args: ARGS });

/**
 * A journey: a browser context with tracing, `shot(name)` saving numbered screenshots under
 * test-output/<journey>/, and the trace kept only when the journey fails.
 */
export async function journey(browser, name, fn, contextOptions = {}) {
  const dir = `test-output/${name}`;
  mkdirSync(dir, { recursive: true });
  const context = await browser.newContext({ baseURL: BASE_URL, locale: "id-ID", ...contextOptions });
  await context.tracing.start({ screenshots: true, snapshots: true });
  let step = 0;
  const shot = (page, label) => page.screenshot({ path: `${dir}/${String(++step).padStart(2, "0")}-${label}.png`, fullPage: true });
  try {
    await fn({ context, shot });
    await context.tracing.stop();
  } catch (err) {
    await context.tracing.stop({ path: `${dir}/trace.zip` });
    throw err;
  } finally {
    await context.close();
  }
}

export async function signIn(page, email, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
}
