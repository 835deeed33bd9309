// Issue 12: the late-updaters board. The Kaltim demo published Biro Organisasi's LKjIP 2021 on 25 February
// 2022, so on the 2022 board that PD is on time for "LKjIP 2021" while the other PD have not sent theirs.
// A PD operator sees only their own PD; the ranking can show only the PD that are late. The calendar lists the
// end of Kaltim's current triwulan survey period (demo seed) as a read-only row in place of the semesters.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { journey, launch, signIn } from "./browser.mjs";

/** The demo's current survey period for Kaltim: this triwulan (WIB), e.g. "Survei IKM Triwulan IV 2026". */
const wib = new Date(Date.now() + 7 * 3_600_000);
const currentPeriod = `Survei IKM Triwulan ${["I", "II", "III", "IV"][Math.floor(wib.getUTCMonth() / 3)]} ${wib.getUTCFullYear()}`;

let browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

test("tenant admin filters the late-updaters board by a due date and the ranking by lateness", async () => {
  await journey(browser, "tenggat-admin", async ({ context, shot }) => {
    const page = await context.newPage();
    await signIn(page, "admin.kaltim@demo.akuntabel.id");
    await page.waitForURL("**/t/64");
    await page.goto("/t/64/tenggat?tahun=2022");
    await page.getByRole("heading", { name: "Tenggat & Pengingat 2022" }).waitFor();
    const board = page.getByTestId("late-board");
    await board.getByText("Belum disampaikan", { exact: true }).first().waitFor();
    // LKjIP and the IKM survey periods are checked now, so they are no longer listed as not monitored.
    assert.equal(await page.getByText(/Belum dipantau otomatis:.*LKjIP/).count(), 0);
    // No IKM survey periods in 2022: the survey is checked per calendar semester, and the board says so.
    await page.getByTestId("ikm-basis").getByText(/dipantau per semester kalender/).waitFor();
    await page.getByRole("cell", { name: "Survei IKM Semester I 2022", exact: true }).waitFor();
    assert.equal(await page.getByTestId("ikm-period-row").count(), 0);
    await shot(page, "board");

    const lkjip = page.getByRole("button", { name: /^LKjIP 2021 \d+ dari/ });
    await lkjip.getByText(/^1 dari \d+ PD sudah menyampaikan$/).waitFor();
    await lkjip.click();
    assert.equal(await lkjip.getAttribute("aria-pressed"), "true");
    await board.getByText("LKjIP 2021").first().waitFor();
    // Only LKjIP items remain, and the PD that published it on time is not among them.
    assert.equal(await board.getByText(/Perjanjian Kinerja|Realisasi Triwulan/).count(), 0);
    assert.equal(await board.getByRole("cell", { name: /Biro Organisasi\s*4\.01\.07/ }).count(), 0);
    const worst = await board.locator("tbody tr").first().locator("td").last().textContent();
    assert.match(worst ?? "", /^\d+ hari$/);
    await shot(page, "lkjip-only");
    await lkjip.click();
    await board.getByText(/Perjanjian Kinerja 2022/).first().waitFor();

    // This year Kaltim has its own triwulan survey periods, which the board follows instead.
    await page.goto("/t/64/tenggat");
    await page.getByTestId("ikm-basis").getByText(/dipantau per periode survei/).waitFor();
    // The calendar lists the period's end with its status, read-only (changed in the period settings), and no semesters.
    const period = page.getByTestId("ikm-period-row").filter({ hasText: currentPeriod });
    await period.waitFor();
    await period.getByText(/^(\d+ hari lagi|Hari ini)$/).waitFor();
    assert.equal(await period.getByRole("button").count(), 0);
    assert.equal(await period.getByRole("link", { name: `Atur periode ${currentPeriod}` }).getAttribute("href"), "/t/64/survei-ikm/periode");
    assert.equal(await page.getByRole("cell", { name: /^Survei IKM Semester/ }).count(), 0);
    await page.getByTestId("calendar-ikm-basis").getByText(/menggantikan semester kalender/).waitFor();
    await shot(page, "period-row");

    // The same lateness as a filter on the ranking.
    await page.goto("/t/64/peringkat?year=2022");
    await page.getByRole("heading", { name: "Peringkat 2022" }).waitFor();
    await page.getByLabel("Hanya PD terlambat").check();
    await page.waitForURL(/late=1/);
    await page.getByText(/perangkat daerah terlambat menurut/).waitFor();
    await page.getByRole("link", { name: "papan tenggat" }).waitFor();
    await shot(page, "ranking-late");
    await page.getByLabel("Hanya PD terlambat").uncheck();
    await page.waitForURL((url) => !url.search.includes("late="));
  });
});

test("a PD operator sees only their own perangkat daerah on the board", async () => {
  await journey(browser, "tenggat-operator", async ({ context, shot }) => {
    const page = await context.newPage();
    await signIn(page, "operator.organisasi@demo.akuntabel.id");
    await page.waitForURL("**/t/64**");
    await page.goto("/t/64/tenggat?tahun=2022");
    const board = page.getByTestId("late-board");
    await board.locator("tbody tr").first().waitFor();
    const rows = await board.locator("tbody tr").allTextContents();
    assert.ok(rows.length === 1 && rows[0].includes("Biro Organisasi"), rows.join(" | "));
    await shot(page, "own-pd");
  });
});
