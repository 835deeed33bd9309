import { loadApi } from "$lib/api";
import { loadAllPerangkatDaerah } from "$lib/perangkat-daerah";
import type { ApiToken, List, OutboxEmail } from "$lib/types";
import { TOKEN_FORBIDDEN_RESOURCES } from "$shared/schemas/security";
import type { PageLoad } from "./$types";

/** Tokens, the outbox, the PD list for PD-scoped tokens, and the tenant resources a token may name (from the OpenAPI document). */
export const load: PageLoad = async (event) => {
  const base = `/tenants/${encodeURIComponent(event.params.code)}`;
  event.depends("app:integrations");
  const [tokens, outbox, pds, doc] = await Promise.all([
    loadApi<List<ApiToken>>(event, `${base}/api-tokens`),
    loadApi<List<OutboxEmail>>(event, `${base}/email-outbox?limit=50`),
    loadAllPerangkatDaerah(event, event.params.code),
    loadApi<{ paths: Record<string, unknown> }>(event, "/openapi.json"),
  ]);
  const resources = [...new Set(Object.keys(doc.paths).map((p) => p.match(/^\/tenants\/\{code\}\/([a-z0-9-]+)/)?.[1]).filter((r): r is string => !!r))]
    .filter((r) => !(TOKEN_FORBIDDEN_RESOURCES as readonly string[]).includes(r))
    .sort();
  return { tokens: tokens.items, outbox: outbox.items, pds, resources };
};
