/** "23 November 2026 pukul 10.21" in WIB. */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat("id-ID", { dateStyle: "long", timeStyle: "short", timeZone: "Asia/Jakarta" }).format(new Date(iso));
}
