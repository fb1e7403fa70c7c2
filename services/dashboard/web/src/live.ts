import { fetchEventSource } from '@microsoft/fetch-event-source';
import { useEffect, useState } from 'react';
import { currentToken } from './api';
import type { StreamedScores, Trend } from './types';

export type LiveScores = Map<string, { score: number; trend: Trend }>;

/**
 * Live scores of the areas of one level under an area, from analytics' event stream relayed by the dashboard
 * server. fetch-based (not EventSource) so the bearer token goes in a header, never in the URL.
 */
export function useLiveScores(
  areaId: string | null,
  level: string,
): { scores: LiveScores; connected: boolean } {
  const [scores, setScores] = useState<LiveScores>(new Map());
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!areaId) return;
    const controller = new AbortController();
    setScores(new Map());
    void fetchEventSource(
      `/api/analytics/areas/${encodeURIComponent(areaId)}/momentum/stream?level=${level}&intervalMs=1000`,
      {
        headers: { authorization: `Bearer ${currentToken() ?? ''}` },
        signal: controller.signal,
        openWhenHidden: true,
        onopen: async (response) => {
          if (!response.ok) throw new Error(`stream answered ${response.status}`);
          setConnected(true);
        },
        onmessage: (message) => {
          if (message.event !== 'scores') return;
          const update = JSON.parse(message.data) as StreamedScores;
          setScores((previous) => {
            const next = new Map(previous);
            for (const item of update.items) next.set(item.areaId, { score: item.score, trend: item.trend });
            return next;
          });
        },
        onerror: (error: Error) => {
          setConnected(false);
          // A refused stream (403/404) will not get better by retrying.
          if (/answered 4\d\d/.test(error.message)) throw error;
          return 5_000;
        },
      },
    ).catch(() => setConnected(false));
    return () => controller.abort();
  }, [areaId, level]);
  return { scores, connected };
}
