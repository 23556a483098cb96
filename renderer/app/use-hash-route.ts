import { useEffect, useState } from 'react';

function current(): string {
  const m = /^#\/([a-z-]+)/.exec(window.location.hash);
  return m?.[1] ?? '';
}

/** The module shown, from `#/<key>`; survives reloads and works under app:// and http://. */
export function useHashRoute(fallback: string): [string, (key: string) => void] {
  const [route, setRoute] = useState(() => current() || fallback);
  useEffect(() => {
    const on = () => setRoute(current() || fallback);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, [fallback]);
  return [route, (key) => (window.location.hash = `#/${key}`)];
}
