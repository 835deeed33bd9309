// Issue 4: a tenant admin imports the Kaltim Setda structure (seed 002) from the committed demo file —
// dry run first, Permendagri 56/2019 warnings visible, then commit — sees the tree and deactivates a unit.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { journey, launch, signIn } from "./browser.mjs";

const FILE = "scripts/demo/files/kaltim-setda-struktur.csv";
let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

test("admin imports the Setda structure, reads the warnings, commits and browses the tree", async () => {
  await journey(browser, "organisasi-impor", async ({ context, shot }) => {
    const page = await context.newPage();
    await signIn(page, "admin.kaltim@demo.akuntabel.id");
    await page.waitForURL("**/t/64**");
    await page.goto("/t/64/organisasi/impor");
    await page.getByLabel("Struktur organisasi (unit, jabatan kepala, pejabat)").check();
    await page.getByLabel("Berkas (.xlsx atau .csv, maks. 1 MB)").setInputFiles(FILE);
    await page.getByRole("button", { name: "Uji coba" }).click();

    const findings = page.getByRole("table", { name: "Temuan uji coba" });
    await findings.getByText("Biro Umum membawahkan 4 Bagian (Permendagri 56/2019: paling banyak 3)").waitFor();
    await assert.doesNotReject(findings.getByText("Bagian Tata Laksana membawahkan 4 Subbagian").waitFor());
    assert.equal(await page.locator(".summary .bad dd").count(), 0, "the demo file has no errors");
    await shot(page, "dry-run-report");

    await page.getByRole("button", { name: "Simpan" }).click();
    await page.getByText(/Impor selesai: .* baris ditulis/).waitFor();
    await shot(page, "committed");

    await page.getByRole("link", { name: "Lihat perangkat daerah" }).click();
    await page.getByLabel("Cari").fill("Sekretariat Daerah");
    await page.getByRole("button", { name: "Terapkan" }).click();
    await page.getByRole("link", { name: "Sekretariat Daerah", exact: true }).click();
    const tree = page.getByRole("tree", { name: "Struktur organisasi" });
    await tree.getByRole("button", { name: "Ubah Asisten Administrasi Umum" }).waitFor();
    await page.getByText("Melebihi batas Permendagri 56/2019").waitFor();
    await shot(page, "tree");

    await page.getByLabel("Cari unit, kode atau pejabat").fill("Tata Laksana");
    await tree.getByRole("button", { name: "Ubah Subbagian Tata Laksana Pemerintahan" }).waitFor();
    assert.ok((await tree.getByRole("treeitem").count()) < 12, "search narrows the tree to matches and their ancestors");
    await shot(page, "tree-search");

    // Deactivating the proposed fourth Bagian clears Biro Umum's warning.
    await page.getByLabel("Cari unit, kode atau pejabat").fill("usulan");
    await tree.getByRole("button", { name: "Ubah Bagian Pengelolaan Aset Daerah (usulan)" }).click();
    await page.getByLabel("Aktif").uncheck();
    await page.getByRole("button", { name: "Simpan unit" }).click();
    await page.getByText("Bagian Pengelolaan Aset Daerah (usulan) tersimpan.").waitFor();
    await page.getByText("Biro Umum membawahkan 4 Bagian").first().waitFor({ state: "detached" });
    await shot(page, "deactivated");
  });
});
