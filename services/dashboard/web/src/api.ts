/** Calls the services through the dashboard server (`/api/<service>/…`) with the signed-in user's token. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let token: string | null = localStorage.getItem('sangathan.token');
let onUnauthorised: () => void = () => undefined;

export function setToken(value: string | null): void {
  token = value;
  if (value) localStorage.setItem('sangathan.token', value);
  else localStorage.removeItem('sangathan.token');
}
export const currentToken = (): string | null => token;
export function whenUnauthorised(handler: () => void): void {
  onUnauthorised = handler;
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: {
      accept: 'application/json',
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...init.headers,
    },
  });
  if (response.status === 401) onUnauthorised();
  const text = await response.text();
  const body = text ? (JSON.parse(text) as { error?: { code: string; message: string } }) : {};
  if (!response.ok) {
    throw new ApiError(
      response.status,
      body.error?.code ?? String(response.status),
      body.error?.message ?? text,
    );
  }
  return body as T;
}

/** An authorised binary (a meeting photo) as an object URL for an <img>. */
export async function objectUrl(path: string): Promise<string> {
  const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new ApiError(response.status, String(response.status), response.statusText);
  return URL.createObjectURL(await response.blob());
}
