// Issue 9's browser test: the Biro Organisasi Kaltim operator uploads an LKjIP, the head of the Biro
// publishes it, and a citizen opens the public portal without an account and downloads it. The demo's
// Rencana Aksi 2022 stays unpublished and must not appear there.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { journey, launch, signIn } from "./browser.mjs";

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

const SCREEN = "/t/64/laporan/publikasi";
const TITLE = "LKjIP Biro Organisasi Tahun 2025 (uji peramban)";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "latin1");

test("upload, publish by the head, then download from the public portal without signing in", async () => {
  await journey(browser, "portal", async ({ context, shot }) => {
    const page = await context.newPage();
    await signIn(page, "operator.organisasi@demo.akuntabel.id");
    await page.waitForURL("**/t/64**");
    await page.goto(SCREEN);
    const form = page.getByRole("region", { name: "Unggah dokumen" });
    await form.getByLabel("Berkas").setInputFiles({ name: "LKjIP-2025.pdf", mimeType: "application/pdf", buffer: PDF });
    await form.getByLabel("Judul").fill(TITLE);
    await form.getByLabel("Tahun").fill("2025");
    await form.getByRole("button", { name: "Unggah" }).click();
    const row = page.locator("tr", { hasText: TITLE });
    await assert.doesNotReject(row.waitFor());
    assert.match(await row.textContent(), /Belum terbit/);
    // An operator prepares documents; publishing is the head's (or the tenant admin's) decision.
    assert.equal(await row.getByRole("button", { name: /Terbitkan/ }).count(), 0);
    await shot(page, "uploaded");
    await context.clearCookies();

    await signIn(page, "kepala.organisasi@demo.akuntabel.id");
    await page.waitForURL("**/t/64**");
    await page.goto(SCREEN);
    await row.getByRole("button", { name: /Terbitkan/ }).click();
    await assert.doesNotReject(row.locator(".badge", { hasText: /^Terbit / }).waitFor());
    // LKjIP 2025 was due at the end of February 2026: published today it counts as late for the Biro.
    await page.getByText("Rincian per perangkat daerah").click();
    assert.match(await page.locator("tr", { hasText: "Biro Organisasi" }).filter({ hasText: "4.01.07" }).textContent(), /Terlambat/);
    await shot(page, "published");
    await context.clearCookies();

    // A citizen: no session at all.
    await page.goto("/publik/64");
    await assert.doesNotReject(page.getByRole("heading", { name: "Provinsi Kalimantan Timur" }).waitFor());
    const link = page.getByRole("link", { name: TITLE });
    await assert.doesNotReject(link.waitFor());
    assert.equal(await page.getByText("Rencana Aksi Biro Organisasi Tahun 2022").count(), 0);
    assert.match(await page.locator("tr", { hasText: "LKjIP Biro Organisasi Setda Prov. Kalimantan Timur Tahun 2021" }).textContent(), /Tepat waktu/);
    assert.ok(await page.locator("canvas").count(), "the SAKIP history chart is drawn");
    await shot(page, "public-portal");
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    assert.equal(download.suggestedFilename(), "LKjIP-2025.pdf");
    assert.deepEqual(readFileSync(await download.path()), PDF);

    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, "public-portal-phone");
  }, { acceptDownloads: true });
});

test("the public portal of Jawa Timur shows Biro Adpim's SAKIP history 2015–2020", async () => {
  await journey(browser, "portal-sakip", async ({ context, shot }) => {
    const page = await context.newPage();
    await page.goto("/publik/35");
    await assert.doesNotReject(page.getByRole("heading", { name: "Riwayat nilai SAKIP" }).waitFor());
    await page.getByLabel("Tampilkan").selectOption({ label: "Biro Administrasi Pimpinan" });
    const years = await page.locator("tr[data-year]").evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent?.trim()).join(" ")));
    assert.deepEqual(years, [
      "2015 73,55 BB · Sangat Baik",
      "2016 74,07 BB · Sangat Baik",
      "2017 80,21 A · Memuaskan",
      "2018 81,57 A · Memuaskan",
      "2019 81,23 A · Memuaskan",
      "2020 81,26 A · Memuaskan",
    ]);
    await shot(page, "sakip-history");
  });
});
