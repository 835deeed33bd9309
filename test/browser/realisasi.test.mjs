// Issue 6's browser test and journey 2 of issue 10, on seed 004's demo data (Bagian Protokol dan
// Komunikasi Pimpinan, Kabupaten Mojokerto, 2022): an agency operator enters a triwulan realisasi and
// sees capaian update; then fixes the report the evaluator returned, resubmits it, and the evaluator
// accepts it, which locks that triwulan.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { journey, launch, signIn } from "./browser.mjs";

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

const REALISASI = "/t/35.16/perjanjian-kinerja/realisasi?year=2022";
const OPERATOR = "operator.protokol.mojokerto@demo.akuntabel.id";

test("an agency operator enters a triwulan realisasi and sees capaian update", async () => {
  await journey(browser, "realisasi-operator", async ({ context, shot }) => {
    const page = await context.newPage();
    await signIn(page, OPERATOR);
    await page.waitForURL("**/t/35.16**");
    await page.goto(REALISASI);
    const cell = page.getByLabel("Realisasi TW IV: Persentase Layanan Kegiatan Pimpinan Daerah");
    await assert.doesNotReject(cell.waitFor());
    // Seed 004 reports 319 % against a target of 95 %: kept and flagged, not dropped.
    assert.match(await page.getByTestId("capaian-0-4").textContent(), /335,79 % ⚠/);
    await shot(page, "grid-desktop");

    await cell.fill("banyak");
    assert.match(await page.locator("td.cell").filter({ has: cell }).locator(".field-error").textContent(), /banyak/);
    await cell.fill("90,25");
    await cell.press("Enter");
    // Enter saves and moves down to the next indicator's TW IV cell.
    await assert.doesNotReject(page.getByTestId("capaian-0-4").filter({ hasText: "95,00 %" }).waitFor());
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-cell")), "1:4");
    assert.doesNotMatch(await page.getByTestId("capaian-0-4").textContent(), /⚠/);
    await shot(page, "capaian-updated");

    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, "grid-phone");
  });
});

test("journey 2: evaluator returns a report, the operator fixes and resubmits, the evaluator accepts", async () => {
  await journey(browser, "realisasi-review", async ({ context, shot }) => {
    const page = await context.newPage();
    await signIn(page, OPERATOR);
    await page.waitForURL("**/t/35.16**");
    await page.goto(REALISASI);
    // Seed data: TW III came back with CAPAIAN DITELITI ULANG (213 % is above 150 %).
    assert.equal(await page.getByTestId("report-status-3").textContent(), "Perlu diperbaiki");
    const cell = page.getByLabel("Realisasi TW III: Persentase Layanan Kegiatan Pimpinan Daerah");
    await cell.fill("68");
    await cell.press("Enter");
    await assert.doesNotReject(page.getByTestId("capaian-0-3").filter({ hasText: "71,58 %" }).waitFor());
    await page.getByRole("button", { name: "Ajukan ulang" }).click();
    await assert.doesNotReject(page.getByTestId("report-status-3").filter({ hasText: "Menunggu penilaian" }).waitFor());
    await shot(page, "resubmitted");
    await page.getByRole("button", { name: "Keluar" }).click({ force: true }).catch(() => {});
    await context.clearCookies();

    await signIn(page, "evaluator.mojokerto@demo.akuntabel.id");
    await page.waitForURL("**/t/35.16**");
    await page.goto("/t/35.16/perjanjian-kinerja/laporan?status=submitted");
    await page.getByRole("link", { name: /Buka laporan Bagian Protokol dan Komunikasi Pimpinan TW III 2022/ }).click();
    await page.getByLabel("LAPORAN SUDAH BAIK").check();
    await page.getByLabel("Catatan").fill("Realisasi sudah dikoreksi");
    await shot(page, "disposition");
    await page.getByRole("button", { name: "Kirim disposisi" }).click();
    await assert.doesNotReject(page.getByTestId("report-status").filter({ hasText: "Diterima" }).waitFor());
    await shot(page, "accepted");
    await context.clearCookies();

    await signIn(page, OPERATOR);
    await page.waitForURL("**/t/35.16**");
    await page.goto(REALISASI);
    assert.equal(await page.getByTestId("report-status-3").textContent(), "Diterima");
    assert.equal(await page.getByLabel("Realisasi TW III: Persentase Layanan Kegiatan Pimpinan Daerah").getAttribute("readonly"), "");
  });
});
