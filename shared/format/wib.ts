// Indonesia's western time zone (UTC+7): due dates, survey days and periods are WIB calendar days.

const WIB_OFFSET_MS = 7 * 3600_000;

/** The WIB calendar day (YYYY-MM-DD) of an instant, by default now. */
export const wibDay = (ms = Date.now()) => new Date(ms + WIB_OFFSET_MS).toISOString().slice(0, 10);

/** Whole days from one calendar day (YYYY-MM-DD) to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
