/** "23 Nov 2026, 14.05" in WIB — for timestamps where the time of day matters (audit log). */
const dateTime = new Intl.DateTimeFormat("id-ID", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Jakarta" });

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}
