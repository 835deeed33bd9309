// Submissions that could not reach the server (no signal) wait in localStorage and are sent
// again later with the same idempotency key, so a retry never counts twice.

const KEY = "ikm-outbox";
export type Pending = { slug: string; body: Record<string, unknown> };
export type SendResult = { ok: true; receipt: string } | { ok: false; status: number; message: string; issues: { path: string; message: string }[] };

function read(): Pending[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? "[]") as Pending[];
  } catch {
    return [];
  }
}
const write = (items: Pending[]) => localStorage.setItem(KEY, JSON.stringify(items));

export function keep(p: Pending) {
  write([...read().filter((x) => x.body.idempotencyKey !== p.body.idempotencyKey), p]);
}
export const pendingCount = (slug: string) => read().filter((p) => p.slug === slug).length;

/** status 0 = no connection. */
export async function send(p: Pending): Promise<SendResult> {
  try {
    const res = await fetch(`/api/v1/public/ikm/units/${encodeURIComponent(p.slug)}/responses`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(p.body),
    });
    const data = await res.json().catch(() => null);
    if (res.ok) return { ok: true, receipt: data?.receipt ?? "" };
    return { ok: false, status: res.status, message: data?.error?.message ?? `Gagal mengirim (${res.status}).`, issues: data?.error?.issues ?? [] };
  } catch {
    return { ok: false, status: 0, message: "Tidak ada sinyal.", issues: [] };
  }
}

/** Sends what waits; keeps only what failed for lack of connection or a busy server. */
export async function flush(): Promise<number> {
  let sent = 0;
  const left: Pending[] = [];
  for (const p of read()) {
    const r = await send(p);
    if (r.ok) sent++;
    else if (r.status === 0 || r.status === 429 || r.status >= 500) left.push(p);
  }
  write(left);
  return sent;
}

export function deviceId(): string {
  let id = localStorage.getItem("ikm-device");
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem("ikm-device", id);
  }
  return id;
}
