// Journey 1 (issue 10) and the Foundation's browser test: a platform operator onboards a new
// kabupaten; its admin accepts the invitation, adds a perangkat daerah and invites an agency
// operator, who accepts and lands in the tenant with that role.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { journey, launch, signIn } from "./browser.mjs";
import { enrolInBrowser } from "./totp.mjs";

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

async function acceptInvitation(context, url, name, shot) {
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel("Nama").fill(name);
  await page.getByLabel("Kata sandi").fill("kata-sandi-rahasia-1");
  await page.getByLabel("Ulangi sandi").fill("kata-sandi-rahasia-1");
  await shot(page, "accept-invitation");
  await page.getByRole("button", { name: "Buat akun dan terima undangan" }).click();
  return page;
}

test("operator onboards a kabupaten; its admin adds a PD and an agency operator", async () => {
  let adminLink;
  await journey(browser, "onboarding-operator", async ({ context, shot }) => {
    const page = await context.newPage();
    await signIn(page, "operator@demo.akuntabel.id");
    // Platform operators must use two-step sign-in: the first sign-in goes to enrolment.
    await page.waitForURL("**/akun");
    await enrolInBrowser(page, shot);
    await page.waitForURL("**/platform/tenants");
    await page.getByLabel("Jenis pemda").selectOption("kabupaten");
    await page.getByLabel("Kode wilayah").fill("64.02");
    await page.getByLabel("Nama pemda").fill("Kabupaten Kutai Kartanegara");
    await page.getByLabel("Provinsi induk").selectOption("64");
    await page.getByLabel("Nama admin").fill("Admin Kukar");
    await page.getByLabel("Email admin").fill("admin@kukar.test");
    await page.getByRole("button", { name: "Daftarkan pemda" }).click();
    adminLink = await page.getByTestId("tenant-invite-link").textContent();
    await shot(page, "tenant-onboarded");
    assert.match(adminLink ?? "", /\/invite\/[\w-]{40,}/);

    // The national table shows the pemda that opted in (the demo Kaltim and Jatim), from published figures.
    await page.getByRole("link", { name: "Peringkat nasional" }).first().click();
    await page.getByRole("heading", { name: /Peringkat nasional/ }).waitFor();
    await page.getByRole("cell", { name: /Provinsi Kalimantan Timur/ }).first().waitFor();
    await shot(page, "national-ranking");
  });

  let operatorLink;
  await journey(browser, "onboarding-admin", async ({ context, shot }) => {
    const page = await acceptInvitation(context, adminLink.trim(), "Admin Kukar", shot);
    await page.waitForURL("**/t/64.02");
    await page.getByRole("link", { name: "Organisasi" }).first().click();
    await page.getByRole("button", { name: "Tambah perangkat daerah" }).click();
    await page.getByLabel("Kode", { exact: true }).fill("4.01.07");
    await page.getByLabel("Jenis").selectOption("bagian");
    await page.getByLabel("Nama", { exact: true }).fill("Bagian Organisasi");
    await page.getByRole("button", { name: "Simpan" }).click();
    await page.getByRole("cell", { name: "Bagian Organisasi", exact: true }).waitFor();
    await shot(page, "pd-added");

    await page.getByRole("link", { name: "Pengguna & Peran" }).first().click();
    await page.getByLabel("Email").fill("operator@kukar.test");
    await page.getByLabel("Nama").fill("Operator Organisasi");
    await page.getByLabel("Peran").selectOption("agency_admin");
    await page.getByLabel("Perangkat Daerah").selectOption({ label: "4.01.07 · Bagian Organisasi" });
    await page.getByRole("button", { name: "Kirim undangan" }).click();
    operatorLink = (await page.getByTestId("invite-link").textContent())?.trim();
    await shot(page, "operator-invited");
    assert.match(operatorLink ?? "", /\/invite\//);
  });

  await journey(
    browser,
    "onboarding-agency-operator",
    async ({ context, shot }) => {
      const page = await acceptInvitation(context, operatorLink, "Operator Organisasi", shot);
      await page.waitForURL("**/t/64.02");
      await page.getByText("Kabupaten Kutai Kartanegara").first().waitFor();
      await shot(page, "operator-home");
      // An agency operator does not see the tenant admin's screens.
      assert.equal(await page.getByRole("link", { name: "Pengguna & Peran" }).count(), 0);
    },
    { viewport: { width: 390, height: 844 } },
  );
});

test("the demo tenant admin invites a user", async () => {
  await journey(browser, "demo-admin-invites", async ({ context, shot }) => {
    const page = await context.newPage();
    await signIn(page, "admin.kaltim@demo.akuntabel.id");
    await page.waitForURL("**/t/64");
    await page.getByRole("link", { name: "Pengguna & Peran" }).first().click();
    await page.getByLabel("Email").fill("evaluator.baru@kaltim.test");
    await page.getByLabel("Nama").fill("Evaluator Baru");
    await page.getByLabel("Peran").selectOption("evaluator");
    await page.getByRole("button", { name: "Kirim undangan" }).click();
    const link = await page.getByTestId("invite-link").textContent();
    await shot(page, "invited");
    assert.match(link ?? "", /\/invite\//);
  });
});
