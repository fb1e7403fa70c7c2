import type { SendOutcome } from '../domain/notification-message.entity';

/** Provider calls give up after this long (`NOTIFY_PROVIDER_TIMEOUT_MS`) and count as retriable. */
export const providerTimeoutMs = (): number => Number(process.env.NOTIFY_PROVIDER_TIMEOUT_MS ?? 10_000);

/** POSTs to a provider and maps its answer: 2xx accepted, 408/429/5xx and network faults retriable, other 4xx permanent. */
export async function postToProvider(
  url: string,
  init: { headers: Record<string, string>; body: string },
  providerId: (body: unknown) => string | null,
): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      ...init,
      signal: AbortSignal.timeout(providerTimeoutMs()),
    });
  } catch (error) {
    const name = (error as Error).name;
    return {
      kind: 'retriable',
      reason:
        name === 'TimeoutError'
          ? `timed out after ${providerTimeoutMs()} ms`
          : `unreachable: ${(error as Error).message}`,
    };
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  if (response.ok) return { kind: 'accepted', providerMessageId: providerId(body), delivered: false };
  const reason = `HTTP ${response.status} ${text.slice(0, 200)}`;
  return response.status === 408 || response.status === 429 || response.status >= 500
    ? { kind: 'retriable', reason }
    : { kind: 'permanent', reason };
}
