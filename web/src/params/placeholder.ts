import type { ParamMatcher } from "@sveltejs/kit";
import { MODULES } from "$lib/nav";

/** Module slugs not built yet; a real route folder for a slug takes precedence once it exists. */
export const match: ParamMatcher = (param) => MODULES.some((m) => m.placeholder && m.slug === param);
