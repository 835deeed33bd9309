// Demo IKM surveys: unit layanan per demo tenant and generated citizen responses (raw rows and
// the tallies the results read), deterministic so that re-running the seed changes nothing.
// Kaltim 2021 reproduces seed 002 (Tabel 3.18 "Nilai Survei Kepuasan Masyarakat Tahun 2021" and
// the IKU: Kerumahtanggaan 79,81, Administrasi Pimpinan 85,24).

// [unit name, perangkat daerah (organisation.mjs), IKM 2021 as published, slug]
const KALTIM_UNITS = [
  ["Pelayanan Kerumahtanggaan Sekretariat Daerah", "Biro Umum", 79.81, "kaltim-kerumahtanggaan"], // IKU; Tabel 3.18 prints 79,91
  ["Pelayanan Administrasi Pimpinan", "Biro Administrasi Pimpinan", 85.24, "kaltim-adpim"],
  ["Layanan Biro Pemerintahan dan Otonomi Daerah", "Biro Pemerintahan dan Otonomi Daerah", 87.52, "kaltim-biro-pod"],
  ["Layanan Biro Hukum", "Biro Hukum", 85, "kaltim-biro-hukum"],
  ["Layanan Biro Perekonomian", "Biro Perekonomian", 85.5, "kaltim-biro-perekonomian"],
  ["Layanan Biro Administrasi Pembangunan", "Biro Administrasi Pembangunan", 77, "kaltim-biro-adbang"],
  ["Layanan Biro Pengadaan Barang dan Jasa", "Biro Pengadaan Barang dan Jasa", 82.07, "kaltim-biro-pbj"],
  ["Konsultasi Kelembagaan dan Tata Laksana", "Biro Organisasi", 84.58, "kaltim-biro-organisasi"],
  ["Layanan Sekretariat DPRD", "Sekretariat DPRD", 77.49, "kaltim-setwan"],
  ["Layanan Inspektorat", "Inspektorat", 80.66, "kaltim-inspektorat"],
  ["Layanan Satuan Polisi Pamong Praja", "Satuan Polisi Pamong Praja", 84.9, "kaltim-satpolpp"],
  ["Pelayanan RSUD A. Wahab Sjahranie", "RSUD A.W. Sjachranie Samarinda", 77.05, "kaltim-rsud-aws"],
  ["Pelayanan RSUD Dr. Kanujoso Djatiwibowo", "RSUD Dr. Kanujoso Djati W. Balikpapan", 93.57, "kaltim-rsud-kanujoso"],
  ["Pelayanan RSJD Atma Husada Mahakam", "RSJD Atma Husada Mahakam", 88.95, "kaltim-rsjd-atma-husada"],
  ["Layanan Dinas Pendidikan dan Kebudayaan", "Dinas Pendidikan dan Kebudayaan", 82.68, "kaltim-disdikbud"],
  ["UPTD Taman Budaya", "Dinas Pendidikan dan Kebudayaan", 76.91, "kaltim-taman-budaya"],
  ["UPTD Museum Negeri Mulawarman", "Dinas Pendidikan dan Kebudayaan", 78.93, "kaltim-museum-mulawarman"],
  ["Layanan Dinas Kesehatan", "Dinas Kesehatan", 84.71, "kaltim-dinkes"],
  ["UPTD Laboratorium Kesehatan", "Dinas Kesehatan", 78.24, "kaltim-labkes"],
  ["Layanan Dinas Sosial", "Dinas Sosial", 84.69, "kaltim-dinsos"],
  ["Layanan Dinas Tenaga Kerja dan Transmigrasi", "Dinas Tenaga Kerja dan Transmigrasi", 86.31, "kaltim-disnakertrans"],
  ["UPTD Balai Latihan Kerja Industri Balikpapan", "Dinas Tenaga Kerja dan Transmigrasi", 90.06, "kaltim-blki-balikpapan"],
  ["Pelayanan Terpadu Satu Pintu", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", 89.69, "kaltim-dpmptsp"],
  ["Layanan Dinas Perhubungan", "Dinas Perhubungan", 95.38, "kaltim-dishub"],
  ["UPTD Terminal", "Dinas Perhubungan", 80.19, "kaltim-terminal"],
  ["Layanan Dinas Komunikasi dan Informatika", "Dinas Komunikasi dan Informatika", 77.04, "kaltim-diskominfo"],
  ["Layanan Badan Pendapatan Daerah", "Badan Pendapatan Daerah", 89.84, "kaltim-bapenda"],
  ["UPTD Pelayanan Pajak dan Retribusi Daerah Wil. Kota Samarinda", "Badan Pendapatan Daerah", 84.53, "kaltim-samsat-samarinda"],
  ["Layanan Badan Kepegawaian Daerah", "Badan Kepegawaian Daerah", 81.64, "kaltim-bkd"],
  ["Layanan Badan Perencanaan Pembangunan Daerah", "Badan Perencanaan Pembangunan Daerah", 87.19, "kaltim-bappeda"],
  ["Layanan Badan Pengelolaan Keuangan dan Aset Daerah", "Badan Pengelolaan Keuangan dan Aset Daerah", 78.41, "kaltim-bpkad"],
];

// Seed 002 §3 d: NRR per unsur of the two IKU units, so their profiles look like the report.
const PROFILES = {
  "kaltim-adpim": [3.377, 3.349, 3.236, 3.83, 3.274, 3.34, 3.358, 3.708, 3.245],
  // 8 unsur published (percent of 4); Biaya/Tarif (free service) is not in the report: set to their mean.
  "kaltim-kerumahtanggaan": [3.0769, 3.2615, 3.2, 3.1923, 3.3846, 3.0769, 2.9538, 3.2615, 3.3231],
};

// Other demo tenants: a few units each, rated in the current survey period only.
const OTHER_UNITS = {
  "35": [
    ["Layanan Keprotokolan dan Komunikasi Pimpinan", "Biro Administrasi Pimpinan", 84.2, "jatim-adpim"],
    ["Konsultasi Kelembagaan", "Biro Organisasi", 81.4, "jatim-biro-organisasi"],
    ["Layanan Informasi Publik", "Dinas Komunikasi dan Informatika", 78.6, "jatim-ppid"],
  ],
  "35.16": [
    ["Layanan Protokol dan Komunikasi Pimpinan", "Bagian Protokol dan Komunikasi Pimpinan", 82.9, "mojokerto-protokol"],
    ["Layanan Puskesmas Mojosari", "Dinas Kesehatan", 79.3, "mojokerto-puskesmas-mojosari"],
  ],
  "35.09": [["Layanan Administrasi Kependudukan", "Dinas Kependudukan dan Pencatatan Sipil", 83.5, "jember-dispendukcapil"]],
  "15": [
    ["Layanan Hubungan Masyarakat dan Protokol", "Biro Humas dan Protokol", 80.7, "jambi-humas"],
    ["Konsultasi Kelembagaan", "Biro Organisasi", 77.8, "jambi-biro-organisasi"],
  ],
};

const SERVICES = ["Konsultasi", "Permohonan data/informasi", "Rekomendasi/surat keterangan", "Pengaduan"];
const SARAN = [
  "Pelayanan sudah baik, pertahankan.",
  "Mohon waktu tunggu dipersingkat.",
  "Ruang tunggu perlu kipas angin atau AC.",
  "Informasi persyaratan sebaiknya dipasang di papan pengumuman.",
  "Petugas ramah dan membantu.",
  "Perlu nomor antrean yang jelas.",
  "Tempat parkir kurang luas.",
  "Sediakan layanan daring agar tidak perlu datang.",
];
const GENDERS = ["L", "P"];
const EDUCATIONS = ["SD", "SMP", "SMA", "SMA", "D1-D3", "D4-S1", "D4-S1", "D4-S1", "S2", "S3"];
const OCCUPATIONS = ["PNS", "SWASTA", "SWASTA", "WIRAUSAHA", "PELAJAR", "LAINNYA", "PNS", "TNI", "POLRI"];

/** mulberry32: a small seeded PRNG, so the same seed gives the same respondents. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const hashSeed = (text) => [...text].reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0, 7);
const round2 = (v) => Math.round(v * 100 + 1e-9) / 100;

/**
 * Answers of `n`+ respondents (nine 1..4 each) whose IKM (exact weight 1/9), rounded to 2 dp, is
 * `target`, with unsur means shaped like `profile`. The respondent count grows until the target
 * is reachable (IKM moves in steps of 25 / (9 n)).
 */
export function generateAnswers(target, n, profile, rand) {
  let count = n;
  let total;
  for (;; count++) {
    total = Math.round((target * 9 * count) / 25);
    if (round2((total * 25) / (9 * count)) === target) break;
  }
  // Without a published profile, unsur differ a little (there is always a weakest one).
  const weights = profile ?? Array.from({ length: 9 }, () => 1 + (rand() - 0.5) * 0.2);
  const sumW = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sumW);
  const sums = exact.map(Math.floor);
  const order = exact.map((v, i) => [v - Math.floor(v), i]).sort((a, b) => b[0] - a[0]);
  const remainder = total - sums.reduce((a, b) => a + b, 0);
  for (let k = 0; k < remainder; k++) sums[order[k][1]] += 1;
  const columns = sums.map((s) => {
    const base = Math.min(3, Math.floor(s / count));
    const col = Array.from({ length: count }, (_, i) => (i < s - base * count ? base + 1 : base));
    // Spread answers (one down, one up) so not everybody answers the same; the sum stays.
    for (let k = 0; k < count / 4; k++) {
      const i = Math.floor(rand() * count);
      const j = Math.floor(rand() * count);
      if (i !== j && col[i] > 1 && col[j] < 4) (col[i] -= 1), (col[j] += 1);
    }
    for (let i = count - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [col[i], col[j]] = [col[j], col[i]];
    }
    return col;
  });
  return Array.from({ length: count }, (_, r) => columns.map((col) => col[r]));
}

const pad = (n) => String(n).padStart(2, "0");
const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);

function periodRow(tenantId, kind, year, number, status, now) {
  const months = kind === "tahun" ? 12 : kind === "semester" ? 6 : 3;
  const first = (number - 1) * months + 1;
  const last = first + months - 1;
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  return {
    id: `${tenantId}-ikm-${kind}-${year}-${number}`,
    tenant_id: tenantId,
    kind,
    year,
    number,
    starts_on: `${year}-${pad(first)}-01`,
    ends_on: `${year}-${pad(last)}-${lastDay}`,
    status,
    created_at: now,
    updated_at: now,
  };
}

/** INSERT OR IGNORE statements for units, periods, responses and their tallies. */
export function ikmSql({ now, tenantId, pdId, row }) {
  const out = [];
  const wib = new Date(now + 7 * 3600_000);
  const year = wib.getUTCFullYear();
  const triwulan = Math.floor(wib.getUTCMonth() / 3) + 1;

  function addUnit(code, [name, pdName, target, slug], populations) {
    const id = `demo-unit-${slug}`;
    out.push(row("unit_layanan", {
      id, tenant_id: tenantId(code), pd_id: pdId(code, pdName), name, slug, services: JSON.stringify(SERVICES), populations: JSON.stringify(populations),
      published: 1, one_per_device: 0, active: 1, created_at: now, updated_at: now,
    }));
    return id;
  }

  function addResponses(code, unitId, slug, period, target, n, profile, fromMs, toMs) {
    const rand = prng(hashSeed(`${slug}:${period.id}`));
    const rows = generateAnswers(target, n, profile, rand);
    const tallies = Array.from({ length: 9 }, () => [0, 0, 0, 0]);
    const people = new Map();
    const count = (field, value) => people.set(`${field}\u0000${value}`, (people.get(`${field}\u0000${value}`) ?? 0) + 1);
    rows.forEach((answers, i) => {
      answers.forEach((a, u) => (tallies[u][a - 1] += 1));
      const pick = (list) => list[Math.floor(rand() * list.length)];
      const age = 18 + Math.floor(rand() * 48);
      const person = { gender: pick(GENDERS), age, education: pick(EDUCATIONS), occupation: pick(OCCUPATIONS), service: pick(SERVICES) };
      const band = age < 20 ? "<20" : age >= 60 ? "60+" : `${Math.floor(age / 10) * 10}-${Math.floor(age / 10) * 10 + 9}`;
      for (const [field, value] of [["gender", person.gender], ["ageBand", band], ["education", person.education], ["occupation", person.occupation], ["service", person.service]]) count(field, value);
      const at = Math.floor(fromMs + ((toMs - fromMs) * (i + rand())) / rows.length);
      out.push(row("ikm_responses", {
        id: `${unitId}-${period.id}-${i}`, tenant_id: tenantId(code), unit_id: unitId, period_id: period.id, survey_version: 0,
        idempotency_key: `demo-${period.id}-${i}`, answers: answers.join(""), extra_answers: "{}", ...person,
        saran: rand() < 0.15 ? pick(SARAN) : null, saran_hidden: 0, device_day: null, submitted_on: isoDate(at + 7 * 3600_000), submitted_at: at,
      }));
    });
    tallies.forEach((t, u) => out.push(row("ikm_tallies", { tenant_id: tenantId(code), unit_id: unitId, period_id: period.id, unsur: u + 1, n1: t[0], n2: t[1], n3: t[2], n4: t[3] })));
    for (const [key, value] of people) {
      const [field, v] = key.split("\u0000");
      out.push(row("ikm_respondent_tallies", { tenant_id: tenantId(code), unit_id: unitId, period_id: period.id, field, value: v, n: value }));
    }
  }

  const current = (code) => {
    const p = periodRow(tenantId(code), "triwulan", year, triwulan, "open", now);
    out.push(row("ikm_periods", p));
    return p;
  };
  const since = (p) => Math.min(Date.parse(`${p.starts_on}T00:00:00+07:00`), now - 86_400_000);

  // Kaltim: the 2021 survey year (closed) as published in seed 002, and the current triwulan.
  const y2021 = periodRow(tenantId("64"), "tahun", 2021, 1, "closed", now);
  out.push(row("ikm_periods", y2021));
  const kaltimNow = current("64");
  KALTIM_UNITS.forEach((unit, i) => {
    const [, , target, slug] = unit;
    const rand = prng(hashSeed(slug));
    const n2021 = 60 + Math.floor(rand() * 90);
    const unitId = addUnit("64", unit, { 2021: 150 + Math.floor(rand() * 600), [year]: 200 + Math.floor(rand() * 800) });
    addResponses("64", unitId, slug, y2021, target, n2021, PROFILES[slug], Date.UTC(2021, 0, 4), Date.UTC(2021, 11, 20));
    if (i % 3 === 0) {
      const drift = round2(target + (rand() - 0.4) * 4);
      addResponses("64", unitId, slug, kaltimNow, Math.min(99, drift), 15 + Math.floor(rand() * 25), PROFILES[slug], since(kaltimNow), now - 3600_000);
    }
  });

  for (const [code, units] of Object.entries(OTHER_UNITS)) {
    const p = current(code);
    for (const unit of units) {
      const [, , target, slug] = unit;
      const rand = prng(hashSeed(slug));
      const unitId = addUnit(code, unit, { [year]: 300 + Math.floor(rand() * 2000) });
      addResponses(code, unitId, slug, p, target, 80 + Math.floor(rand() * 120), undefined, since(p), now - 3600_000);
    }
  }
  return out;
}
