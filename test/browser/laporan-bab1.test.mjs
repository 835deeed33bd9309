// LKjIP Bab I tables (seed 002): the Biro Organisasi operator opens the LKjIP 2021, finds Tabel 1.1 filled
// with the Setda's figures and its computed totals (621 people, 349 PNS by golongan), sees a warning while a
// row's columns disagree, adds an Honor/PTT row, edits and reorders Tabel 1.2, saves both and finds them in
// the preview; then starts 2022 from last year's tables.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { journey, launch, signIn } from "./browser.mjs";

/** Editor cells are labelled "<column> baris <n>": exact, so "baris 1" is not also "baris 10". */
const field = (scope, label) => scope.getByLabel(label, { exact: true });

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

test("an agency operator edits Tabel 1.1 and 1.2 and copies them into the next year", async () => {
  await journey(browser, "laporan-bab1", async ({ context, shot }) => {
    const page = await context.newPage();
    await signIn(page, "operator.organisasi@demo.akuntabel.id");
    await page.waitForURL("**/t/64**");
    await page.goto("/t/64/laporan?kind=lkjip&year=2021");
    const sdm = page.getByTestId("tabel-sdm");
    const totals = page.getByTestId("sdm-totals");
    await assert.doesNotReject(field(sdm, "Jabatan baris 1").waitFor());
    assert.equal(await field(sdm, "Jabatan baris 10").inputValue(), "Tenaga Honor/PTT");
    assert.match(await totals.innerText(), /Jumlah\s+621\s+349\s+621/);
    // Golongan IV adds up to 61 from the rows (the seed's printed total says 60).
    assert.match(await totals.innerText(), /Jumlah PNS \+ Honor\/PTT\s+424\s+197\s+61\s+196\s+83\s+9/);
    await shot(page, "tabel-1-1");

    // Kepala Biro: one more man without pendidikan and golongan → a warning (not a refusal), gone once fixed.
    await field(sdm, "Laki-laki baris 5").fill("7");
    await assert.doesNotReject(page.getByTestId("sdm-warnings").getByText(/Kepala Biro: jumlah menurut pendidikan \(9\) berbeda/).waitFor());
    await shot(page, "peringatan");
    await field(sdm, "Laki-laki baris 5").fill("6");
    await assert.doesNotReject(page.getByTestId("sdm-warnings").waitFor({ state: "detached" }));

    await sdm.getByRole("button", { name: "Tambah baris" }).click();
    await field(sdm, "Jabatan baris 11").fill("Tenaga Ahli");
    await field(sdm, "Status baris 11").selectOption({ label: "Honor/PTT" });
    assert.equal(await field(sdm, "Golongan IV baris 11").isDisabled(), true);
    await field(sdm, "Perempuan baris 11").fill("1");
    await field(sdm, "Sarjana baris 11").fill("1");
    assert.match(await totals.innerText(), /Jumlah\s+622\s+349\s+622/);
    await sdm.getByRole("button", { name: "Simpan Tabel 1.1" }).click();
    await assert.doesNotReject(sdm.getByText("Tersimpan").waitFor());

    const sarana = page.getByTestId("tabel-sarana");
    assert.equal(await field(sarana, "Uraian baris 3").inputValue(), "");
    await field(sarana, "Banyaknya baris 12").fill("470");
    await sarana.getByRole("button", { name: "Naikkan Meja Kerja" }).click();
    assert.equal(await field(sarana, "Uraian baris 13").inputValue(), "Meja Kerja");
    await sarana.getByRole("button", { name: "Simpan Tabel 1.2" }).click();
    await assert.doesNotReject(sarana.getByText("Tersimpan").waitFor());
    await shot(page, "tabel-1-2");

    await page.getByRole("button", { name: "Tampilkan pratinjau" }).click();
    const preview = page.frameLocator('iframe[title^="Pratinjau"]');
    await assert.doesNotReject(preview.getByText(/^Tabel 1\.1 Jumlah Sumber Daya Manusia/).waitFor());
    await assert.doesNotReject(preview.getByRole("row", { name: /Tenaga Ahli/ }).waitFor());
    await assert.doesNotReject(preview.getByRole("row", { name: /^Jumlah 622 349 622$/ }).waitFor());
    await assert.doesNotReject(preview.getByRole("row", { name: /Komputer 470 Unit/ }).waitFor());
    await assert.doesNotReject(preview.getByText("G. Sarana dan Prasarana Kerja").waitFor());
    await shot(page, "pratinjau");

    // 2022 starts empty; last year's tables are copied in and saved.
    await page.goto("/t/64/laporan?kind=lkjip&year=2022");
    await assert.doesNotReject(sdm.getByText("Belum ada baris.").waitFor());
    await sdm.getByRole("button", { name: "Salin dari tahun lalu" }).click();
    assert.equal(await field(sdm, "Jabatan baris 11").inputValue(), "Tenaga Ahli");
    await sdm.getByRole("button", { name: "Simpan Tabel 1.1" }).click();
    await assert.doesNotReject(sdm.getByText("Tersimpan").waitFor());
    await page.reload();
    assert.match(await totals.innerText(), /Jumlah\s+622\s+349\s+622/);
    await shot(page, "salin-2022");
  });
});
