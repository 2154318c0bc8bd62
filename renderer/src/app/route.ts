import { useCallback, useEffect, useState } from 'react';

/** Hash routes (#/ home, #/e/<section>): works the same from file:// in Electron and over HTTP. */
export function useHashRoute(): [string, (route: string) => void] {
  const read = () => window.location.hash.replace(/^#/, '') || '/';
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: string) => {
    window.location.hash = next;
    setRoute(next);
  }, []);
  return [route, navigate];
}
