// Issue 12: a tenant admin turns on two-step sign-in (QR + secret, code computed here from the
// secret shown), signs in again with a code; an admin sees the deadline calendar with the
// late-updaters board and creates an API token.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { journey, launch, signIn } from "./browser.mjs";
import { enrolInBrowser, totpCode } from "./totp.mjs";

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

test("tenant admin enrols in TOTP and signs in with a code", async () => {
  await journey(browser, "keamanan-totp", async ({ context, shot }) => {
    const page = await context.newPage();
    await signIn(page, "admin.jambi@demo.akuntabel.id");
    await page.waitForURL("**/t/15");
    await page.locator(".user-menu summary").click();
    await page.getByRole("link", { name: "Akun & keamanan" }).click();
    await page.getByRole("heading", { name: "Keamanan akun" }).waitFor();
    const secret = await enrolInBrowser(page, shot);
    await page.getByText("Aktif", { exact: true }).waitFor();
    await page.getByRole("heading", { name: "Sesi aktif" }).waitFor();
    await shot(page, "enrolled");

    await page.locator(".user-menu summary").click();
    await page.getByRole("button", { name: "Keluar", exact: true }).click();
    await page.waitForURL("**/login");
    await signIn(page, "admin.jambi@demo.akuntabel.id");
    const wrong = page.getByLabel("Kode verifikasi");
    await wrong.fill("000000");
    await page.getByRole("button", { name: "Verifikasi" }).click();
    await page.getByText("Kode verifikasi salah atau sudah dipakai").waitFor();
    await shot(page, "wrong-code");
    // The enrolment code's step is used up; the next step's code is inside the accepted window.
    await wrong.fill(totpCode(secret, Date.now() + 30_000));
    await page.getByRole("button", { name: "Verifikasi" }).click();
    await page.waitForURL("**/t/15");
  });
});

test("tenant admin sees the deadline calendar and creates an API token shown once", async () => {
  await journey(browser, "keamanan-integrasi", async ({ context, shot }) => {
    const page = await context.newPage();
    await signIn(page, "admin.kaltim@demo.akuntabel.id");
    await page.waitForURL("**/t/64");
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("link", { name: "Tenggat & Pengingat" }).click();
    await page.getByRole("cell", { name: /Perjanjian Kinerja/ }).first().waitFor();
    // The late-updaters board: the demo has no PK submitted yet, so every PD is late for it.
    const board = page.getByTestId("late-board");
    await board.getByText("Belum disampaikan", { exact: true }).first().waitFor();
    await shot(page, "tenggat");

    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("link", { name: "Keamanan & Integrasi" }).click();
    await page.getByText("Buat token API").click();
    await page.getByLabel("Nama token").fill("Sinkronisasi SIPD");
    await page.getByRole("button", { name: "Buat token", exact: true }).click();
    // No scope chosen: the server says so.
    await page.getByText("Pilih minimal satu cakupan").waitFor();
    await page.locator("label.scope", { hasText: "perangkat-daerah" }).locator("select").selectOption("read");
    await page.getByRole("button", { name: "Buat token", exact: true }).click();
    const token = await page.getByTestId("api-token").textContent();
    assert.match(token ?? "", /^akt_/);
    await page.getByRole("cell", { name: /Sinkronisasi SIPD/ }).first().waitFor();
    await shot(page, "token-created");
    const res = await page.request.get("/api/v1/tenants/64/perangkat-daerah", { headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.status(), 200);
  }, { viewport: { width: 390, height: 844 } });
});
