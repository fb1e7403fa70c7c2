import { useEffect, useState } from 'react';
import { api } from './api';

export type Loaded<T> = { data?: T; error?: string; loading: boolean };

/** GETs one API path; re-fetches when the path changes; null skips. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ loading: path !== null });
  useEffect(() => {
    if (path === null) return setState({ loading: false });
    let live = true;
    setState((s) => ({ data: s.data, loading: true }));
    api<T>(path).then(
      (data) => live && setState({ data, loading: false }),
      (error: Error) => live && setState({ error: error.message, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [path]);
  return state;
}
