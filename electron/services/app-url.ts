/** The renderer is served from app://kaoping/ under Electron; only that origin may call in. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kaoping';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Parses the URL (never prefix-matches): `app://kaoping.evil/`, `app://x@kaoping/` and the like are refused. */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return (
    u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '' && u.port === ''
  );
}
