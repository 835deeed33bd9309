// IKM on a phone: a citizen opens a unit's survey link (as scanning its QR code would), submits,
// and the public board counts the response; a submission without signal is kept and sent later.
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { after, before, test } from "node:test";
import { journey, launch } from "./browser.mjs";

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const SLUG = "kaltim-biro-organisasi";
const JS_BUDGET_GZIP = 150 * 1024;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function boardCount(page) {
  await page.goto("/papan-ikm/64");
  const unit = page.locator(`li[data-slug="${SLUG}"] [data-testid="unit-responses"]`);
  await unit.waitFor();
  return Number((await unit.innerText()).replace(/\D/g, ""));
}

async function fillSurvey(page) {
  await page.locator("legend .num").first().waitFor();
  const questions = page.locator("fieldset").filter({ has: page.locator("legend .num") });
  assert.equal(await questions.count(), 9);
  for (let i = 0; i < 9; i++) await questions.nth(i).locator("label.choice").nth(3 - (i % 2)).click();
  await page.getByLabel("Perempuan").check();
  await page.getByLabel("Usia (tahun)").fill("41");
  await page.getByLabel("Pendidikan terakhir").selectOption("D4-S1");
  await page.getByLabel("Pekerjaan").selectOption("WIRAUSAHA");
  await page.getByLabel("Jenis layanan yang Anda terima").selectOption({ index: 1 });
  await page.getByLabel(/Saran untuk perbaikan/).fill("Ruang tunggu nyaman, terima kasih.");
  // The server refuses forms sent faster than a person can read them.
  await page.waitForTimeout(3200);
}

test("a citizen submits by URL on a phone and the public board counts it", async () => {
  await journey(browser, "ikm-survei", async ({ context, shot }) => {
    const page = await context.newPage();
    const before = await boardCount(page);

    const scripts = new Set();
    page.on("response", (r) => r.request().resourceType() === "script" && scripts.add(r.url()));
    await page.goto(`/s/${SLUG}`);
    await page.getByRole("heading", { name: "Konsultasi Kelembagaan dan Tata Laksana" }).waitFor();
    await shot(page, "formulir");

    // Page weight: every script the survey page loaded, gzipped.
    let gzip = 0;
    for (const url of scripts) gzip += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length;
    console.log(`# /s/${SLUG}: ${scripts.size} scripts, ${(gzip / 1024).toFixed(1)} kB gzip`);
    assert.ok(gzip <= JS_BUDGET_GZIP, `survey page JS ${gzip} B gzip exceeds ${JS_BUDGET_GZIP}`);

    // Sending with an unanswered question shows the problem at the question.
    await page.getByRole("button", { name: "Kirim jawaban" }).click();
    await page.getByRole("alert").filter({ hasText: "belum lengkap" }).waitFor();

    await fillSurvey(page);
    await page.getByRole("button", { name: "Kirim jawaban" }).click();
    await page.getByRole("heading", { name: "Terima kasih!" }).waitFor();
    await shot(page, "terima-kasih");

    assert.equal(await boardCount(page), before + 1);
    await shot(page, "papan");
  }, PHONE);
});

test("without signal the answer is kept on the phone and sent once the signal returns", async () => {
  await journey(browser, "ikm-luring", async ({ context, shot }) => {
    const page = await context.newPage();
    const before = await boardCount(page);
    await page.goto(`/s/${SLUG}`);
    await fillSurvey(page);
    await context.setOffline(true);
    await page.getByRole("button", { name: "Kirim jawaban" }).click();
    await page.getByRole("heading", { name: "Jawaban tersimpan di perangkat" }).waitFor();
    await shot(page, "tersimpan");
    await context.setOffline(false);
    await page.getByText("1 jawaban tertunda sudah terkirim").waitFor();
    await shot(page, "terkirim");
    // A second flush (reload) must not count it twice.
    await page.reload();
    assert.equal(await boardCount(page), before + 1);
  }, PHONE);
});

test("the admin sees results, the weakest unsur and the seed's IKM figures", async () => {
  await journey(browser, "ikm-hasil", async ({ context, shot }) => {
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill("admin.kaltim@demo.akuntabel.id");
    await page.getByLabel("Kata sandi").fill("akuntabel-demo");
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL(/\/t\/64/);
    await page.goto("/t/64/survei-ikm?year=2021");
    await page.getByRole("heading", { name: "Per unit layanan" }).waitFor();
    const row = (name) => page.locator("tr", { hasText: name });
    await assert.doesNotReject(row("Pelayanan Administrasi Pimpinan").getByText("85,24").waitFor());
    await assert.doesNotReject(row("Pelayanan Kerumahtanggaan Sekretariat Daerah").getByText("79,81").waitFor());
    await shot(page, "hasil-2021");
    await row("Pelayanan Administrasi Pimpinan").getByRole("link").click();
    await page.getByText("Terlemah", { exact: true }).waitFor();
    await shot(page, "unit-adpim");
  }, { viewport: { width: 1280, height: 800 } });
});

