import { error, redirect, type LoadEvent } from "@sveltejs/kit";
import type { ApiErrorBody } from "$shared/schemas/common";

export type Issue = { path: string; message: string };

/** A failed API call: the server's `{ error: { code, message, issues } }`, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

type Method = "GET" | "POST" | "PATCH" | "DELETE";

/** Calls `/api/v1{path}` with the session cookie; resolves to the JSON body or throws ApiError. */
export async function api<T>(method: Method, path: string, body?: unknown, fetcher: typeof fetch = fetch): Promise<T> {
  let res: Response;
  try {
    res = await fetcher(`/api/v1${path}`, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? { accept: "application/json" } : { accept: "application/json", "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "network", "Tidak dapat terhubung ke server. Periksa koneksi internet Anda, lalu coba lagi.");
  }
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (data as Partial<ApiErrorBody> | null)?.error;
    throw new ApiError(res.status, e?.code ?? "internal", e?.message ?? `Terjadi kesalahan pada server (${res.status}).`, e?.issues);
  }
  return data as T;
}

/** `/login?next=<here>`, so signing in comes back to the page that needed it. */
export function loginHref(url: URL): string {
  return `/login?next=${encodeURIComponent(url.pathname + url.search)}`;
}

/** Only same-site paths are followed after signing in (no `//evil.example`). */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : null;
}

/** `?a=1&b=x` from the non-empty values, or "". */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

/**
 * GET for load functions: a missing session goes to /login and comes back afterwards,
 * any other failure shows the error page with the server's message.
 */
export async function loadApi<T>(event: Pick<LoadEvent, "fetch" | "url" | "untrack">, path: string): Promise<T> {
  try {
    return await api<T>("GET", path, undefined, event.fetch);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.status === 401) redirect(307, loginHref(event.untrack(() => event.url)));
    error(e.status || 503, e.message);
  }
}
