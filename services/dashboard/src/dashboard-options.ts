import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Services the dashboard forwards `/api/<name>/…` to, and their default local addresses (tools/dev/services.ts). */
export const UPSTREAM_DEFAULTS: Record<string, string> = {
  org: 'http://127.0.0.1:3001',
  meetings: 'http://127.0.0.1:3002',
  'candidates-panel': 'http://127.0.0.1:3003',
  'training-events': 'http://127.0.0.1:3004',
  analytics: 'http://127.0.0.1:3006',
};

export type DashboardOptions = {
  /** Base URL per service name: `/api/<name>/x` is forwarded to `<url>/x`. */
  upstreams: Record<string, string>;
  /** Folder of the built single-page app (index.html and assets/). */
  webRoot: string;
  /** `POST /auth/dev-login` mints tokens: local development and tests only. */
  devLogin: boolean;
};

/** The built app: services/dashboard/web/dist, found from the source tree or the dist/ tree. */
export function defaultWebRoot(): string {
  const candidates = [
    process.env.DASHBOARD_WEB_ROOT,
    join(__dirname, '..', 'web', 'dist'),
    join(__dirname, '..', '..', '..', '..', 'services', 'dashboard', 'web', 'dist'),
  ].filter((p): p is string => !!p);
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[candidates.length - 1];
}

/** Options from the environment: `<SERVICE>_URL` per upstream (as npm start sets them), AUTH_DEV_LOGIN=1. */
export function dashboardOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DashboardOptions {
  if (env.AUTH_DEV_LOGIN === '1' && env.NODE_ENV === 'production') {
    throw new Error('AUTH_DEV_LOGIN=1 mints tokens for anyone: it is refused with NODE_ENV=production');
  }
  const upstreams = Object.fromEntries(
    Object.entries(UPSTREAM_DEFAULTS).map(([name, url]) => [
      name,
      env[`${name.toUpperCase().replace(/-/g, '_')}_URL`] ?? url,
    ]),
  );
  return { upstreams, webRoot: defaultWebRoot(), devLogin: env.AUTH_DEV_LOGIN === '1' };
}
