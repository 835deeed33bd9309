import type { World } from "../helpers";

/** One tenant route, as the cross-tenant test calls it with tenant B's code and records. */
export type IsolationCase = {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** The OpenAPI path, e.g. `/tenants/{code}/perangkat-daerah/{id}`. */
  path: string;
  /** Values for path parameters other than {code}, taken from tenant B's records. */
  params?: (t: World) => Record<string, string>;
  /** A valid body, so that a 404 is not really a 400 in disguise. */
  body?: ((t: World) => unknown) | Record<string, unknown> | unknown[] | string | number | boolean | null;
};
