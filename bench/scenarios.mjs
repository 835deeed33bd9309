// What `npm run bench` measures. Each module adds its scenarios here; `ctx` carries the base URL
// and a signed-in cookie of the demo Kaltim tenant admin; `prepare(ctx)` may look up ids first.
import { randomUUID } from "node:crypto";

export const BASELINE = { name: "health (baseline)", path: "/api/v1/health" };

const SURVEY_SLUG = "kaltim-adpim";
const randomIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

const get = async (ctx, path) => (await fetch(`${ctx.base}${path}`, { headers: { cookie: ctx.cookie } })).json();

/** @type {{ name: string, method?: string, path: string | ((ctx) => string), body?: (ctx) => unknown, headers?: (ctx) => object, auth?: boolean, prepare?: (ctx) => Promise<void> }[]} */
export const SCENARIOS = [
  { name: "me (session lookup)", path: "/api/v1/auth/me", auth: true },
  { name: "perangkat daerah list (46 PD)", path: "/api/v1/tenants/64/perangkat-daerah?limit=50", auth: true },
  { name: "ranking table (PD × all figures, 2021)", path: "/api/v1/tenants/64/ranking?year=2021", auth: true },
  { name: "IKM results (tenant, 2021)", path: "/api/v1/tenants/64/ikm/results?year=2021", auth: true },
  {
    name: "pohon kinerja (largest demo Renstra)",
    auth: true,
    prepare: async (ctx) => {
      const plans = await get(ctx, "/api/v1/tenants/64/plans");
      ctx.planId = (plans.items ?? plans)[0]?.id;
    },
    path: (ctx) => `/api/v1/tenants/64/plans/${ctx.planId}`,
  },
  {
    name: "survey submission (public, new response each)",
    method: "POST",
    prepare: async (ctx) => {
      const unit = await (await fetch(`${ctx.base}/api/v1/public/ikm/units/${SURVEY_SLUG}`)).json();
      ctx.survey = {
        version: unit.survey.version,
        service: unit.unit.services[0],
        ...Object.fromEntries(["gender", "education", "occupation"].map((f) => [f, unit.options[f][0].value])),
      };
    },
    path: `/api/v1/public/ikm/units/${SURVEY_SLUG}/responses`,
    // Each request from its own address, so the per-IP limit does not cap what is measured.
    headers: () => ({ "cf-connecting-ip": randomIp() }),
    body: (ctx) => ({
      idempotencyKey: randomUUID(),
      version: ctx.survey.version,
      answers: Array.from({ length: 9 }, () => 1 + Math.floor(Math.random() * 4)),
      gender: ctx.survey.gender,
      age: 35,
      education: ctx.survey.education,
      occupation: ctx.survey.occupation,
      service: ctx.survey.service,
      fillMs: 60_000,
    }),
  },
  { name: "static asset (index.html)", path: "/" },
];

/** Pages whose JavaScript is weighed (gzip), loaded in Chromium as a user would. */
export const PAGES = [
  { name: "app shell (tenant home)", path: "/t/64", auth: true },
  { name: "survey page (citizen)", path: `/s/${SURVEY_SLUG}` },
];
