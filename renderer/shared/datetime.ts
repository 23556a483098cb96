const pad = (n: number) => String(n).padStart(2, '0');

/** The one way the UI writes a moment: 2026-12-01 23:37 (local time, 24-hour, whatever the browser's locale). */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** With seconds, for the audit trail: 2026-12-01 23:37:05. */
export function formatDateTimeSeconds(ms: number): string {
  return `${formatDateTime(ms)}:${pad(new Date(ms).getSeconds())}`;
}
