import { loadApi } from "$lib/api";
import type { AppNotification } from "$lib/types";
import type { PageLoad } from "./$types";

export const load: PageLoad = async (event) => {
  event.depends("app:notifications");
  return loadApi<{ items: AppNotification[]; unread: number }>(event, "/account/notifications?limit=100");
};
