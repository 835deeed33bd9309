// Planning (issue 5): the Biro Adpim Jatim operator opens the demo PD's pohon kinerja (seed 000),
// expands a branch down to the jabatan that owns it, and sees the cascading matrix and IKU.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { journey, launch, signIn } from "./browser.mjs";

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

test("operator opens the pohon kinerja of Biro Adpim and expands a branch", async () => {
  await journey(browser, "perencanaan-pohon-kinerja", async ({ context, shot }) => {
    const page = await context.newPage();
    await signIn(page, "operator.adpim@demo.akuntabel.id");
    await page.waitForURL("**/t/35**");
    await page.goto("/t/35/perencanaan");
    await page.getByRole("link", { name: "Renstra Biro Administrasi Pimpinan 2019-2024" }).click();
    const tree = page.getByRole("tree", { name: "Pohon kinerja" });
    await tree.waitFor();
    const node = (name) => tree.getByRole("treeitem", { name, exact: false });
    // The RPJMD misi the Renstra supports sits above the PD's tujuan.
    await node("Tata kelola Pemerintahan yang bersih").first().waitFor();
    assert.equal(await node("Fasilitasi dan Koordinasi Pelaksanaan Acara").count(), 0);
    await shot(page, "pohon-kinerja");

    // Search finds and centres the kegiatan; its toggle opens the branch.
    const search = page.getByLabel("Cari di pohon kinerja");
    await search.fill("Fasilitasi Keprotokolan");
    await search.press("Enter");
    await page.getByRole("heading", { name: "Fasilitasi Keprotokolan", exact: true }).waitFor();
    await page.getByRole("button", { name: "Buka cabang Fasilitasi Keprotokolan" }).click();
    await node("Fasilitasi dan Koordinasi Pelaksanaan Acara").first().waitFor();
    // The keyboard opens a branch too.
    await node("Fasilitasi dan Koordinasi Pelaksanaan Acara").first().focus();
    await page.keyboard.press("ArrowRight");
    await node("Pelaksanaan Fasilitasi Layanan Keprotokolan Acara Resmi").first().waitFor();
    await search.fill("Acara Resmi");
    await search.press("Enter");
    const panel = page.getByRole("region", { name: /Pelaksanaan Fasilitasi Layanan Keprotokolan Acara Resmi/ });
    await panel.getByText("Penyusun Bahan Informasi").waitFor();
    await panel.getByRole("button", { name: "Atur target Jumlah Data dan Informasi terkait acara pimpinan yang disusun" }).waitFor();
    await shot(page, "cabang-dibuka");

    await page.getByRole("tab", { name: "Matriks Cascading" }).click();
    await page.getByRole("cell", { name: "Prosentase Pelayanan Keprotokolan Kepada Gubernur, Wakil Gubernur dan Sekretaris Daerah" }).waitFor();
    await page.getByRole("tab", { name: "Dokumen IKU" }).click();
    assert.equal(await page.getByRole("row").count(), 1 + 4);
    await shot(page, "iku");
  });
});
