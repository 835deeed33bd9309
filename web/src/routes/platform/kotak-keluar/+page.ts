import { loadApi } from "$lib/api";
import type { List, OutboxEmail } from "$lib/types";
import type { PageLoad } from "./$types";

export const load: PageLoad = async (event) => ({ outbox: (await loadApi<List<OutboxEmail>>(event, "/platform/email-outbox?limit=100")).items });
