// What `npm run bench` measures. Each module adds its scenarios here; `ctx` carries the
// base URL and a signed-in cookie of the demo Kaltim tenant admin.

export const BASELINE = { name: "health (baseline)", path: "/api/v1/health" };

/** @type {{ name: string, method?: string, path: string | ((ctx) => string), body?: (ctx) => unknown, auth?: boolean }[]} */
export const SCENARIOS = [
  { name: "me (session lookup)", path: "/api/v1/auth/me", auth: true },
  { name: "perangkat daerah list (46 PD)", path: "/api/v1/tenants/64/perangkat-daerah?limit=50", auth: true },
  { name: "static asset (index.html)", path: "/" },
];

/** Pages whose JavaScript is weighed (gzip), loaded in Chromium as a user would. */
export const PAGES = [{ name: "app shell (tenant home)", path: "/t/64", auth: true }];
