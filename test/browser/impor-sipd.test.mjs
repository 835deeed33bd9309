// Issue 12: a PD operator imports a SIPD export whose headers differ from the template ("Tahun Anggaran",
// "Nomenklatur"): the import panel shows the mapping step with suggestions, the operator maps the column the
// server could not guess, checks again and saves. The data is the sample file (Biro Organisasi Kaltim 2022).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { journey, launch, signIn } from "./browser.mjs";

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

const sample = readFileSync(new URL("../../scripts/demo/files/kaltim-sipd-realisasi-2022.csv", import.meta.url), "utf8");
const [, ...body] = sample.trim().split("\n");
const HEADERS = "Tahun Anggaran,Kode SKPD,Kode,Nomenklatur,Sasaran,Jenis Belanja,Pagu Murni,Pagu Perubahan,Realisasi TW I,Realisasi TW II,Realisasi TW III,Realisasi TW IV";
const file = { name: "sipd-export.csv", mimeType: "text/csv", buffer: Buffer.from([HEADERS, ...body].join("\n")) };

test("a PD operator maps differing SIPD headers, checks and saves", async () => {
  await journey(browser, "impor-sipd", async ({ context, shot }) => {
    const page = await context.newPage();
    await signIn(page, "operator.organisasi@demo.akuntabel.id");
    await page.waitForURL("**/t/64**");
    await page.goto("/t/64/perjanjian-kinerja/anggaran?year=2022");
    const panel = page.locator("details", { hasText: "Impor ekspor SIPD" });
    await panel.locator("summary").click();
    await panel.getByLabel("Berkas").setInputFiles(file);
    await panel.getByRole("button", { name: "Periksa (uji coba)" }).click();

    const mapping = panel.getByTestId("column-mapping");
    await mapping.waitFor();
    // Suggested from similar headers; "Nomenklatur" is not similar to "Nama", so that one is left empty.
    assert.equal(await mapping.getByLabel("Tahun *").inputValue(), "Tahun Anggaran");
    assert.equal(await mapping.getByLabel("Nama *").inputValue(), "");
    assert.match(await panel.getByTestId("import-report").textContent(), /kesalahan/);
    await shot(page, "mapping");

    await mapping.getByLabel("Nama *").selectOption("Nomenklatur");
    await mapping.getByRole("button", { name: "Terapkan pemetaan dan periksa lagi" }).click();
    await panel.getByTestId("import-report").filter({ hasText: "3 baris: 2 baru, 0 diperbarui, 1 tetap" }).waitFor();
    await shot(page, "checked");
    await panel.getByRole("button", { name: "Simpan 2 baris" }).click();
    await panel.getByText("2 baris tersimpan.").waitFor();
    await page.getByText("Fasilitasi Kelembagaan dan Analisis Jabatan").first().waitFor();
    await shot(page, "saved");
  });
});
