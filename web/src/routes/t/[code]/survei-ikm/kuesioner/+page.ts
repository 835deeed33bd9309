import { loadApi } from "$lib/api";
import type { PageLoad } from "./$types";

export type Survey = {
  version: number;
  definition: { unsur: { question: string; labels: string[] }[]; extraQuestions: { id: string; question: string; options: string[] }[] };
  versions: { version: number; createdAt: string }[];
};

export const load: PageLoad = async (event) => {
  event.depends("app:ikm-survey");
  return { survey: await loadApi<Survey>(event, `/tenants/${encodeURIComponent(event.params.code)}/ikm/survey`) };
};
