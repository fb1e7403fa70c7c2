import { useEffect, useState } from 'react';
import { api } from './api';

export type Loaded<T> = { data?: T; error?: string; loading: boolean };

/** Requests started ahead of the component that reads them (a page starts its whole set at once). */
const started = new Map<string, { promise: Promise<unknown>; at: number }>();
const FRESH_MS = 5_000;

/** Starts a GET now so a component mounted later finds it under way instead of starting a waterfall. */
export function prefetch(path: string): void {
  const hit = started.get(path);
  if (hit && Date.now() - hit.at < FRESH_MS) return;
  const promise = api(path);
  promise.catch(() => undefined); // read (and reported) by the component that asks for it
  started.set(path, { promise, at: Date.now() });
}

function load<T>(path: string): Promise<T> {
  const hit = started.get(path);
  if (hit && Date.now() - hit.at < FRESH_MS) {
    started.delete(path);
    return hit.promise as Promise<T>;
  }
  return api<T>(path);
}

/** GETs one API path; re-fetches when the path changes; null skips. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ loading: path !== null });
  useEffect(() => {
    if (path === null) return setState({ loading: false });
    let live = true;
    setState((s) => ({ data: s.data, loading: true }));
    load<T>(path).then(
      (data) => live && setState({ data, loading: false }),
      (error: Error) => live && setState({ error: error.message, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [path]);
  return state;
}
