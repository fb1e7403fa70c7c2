import { dashboardOptionsFromEnv, UPSTREAM_DEFAULTS } from './dashboard-options';

describe('dashboard options from the environment', () => {
  it('forwards to the local service ports unless <SERVICE>_URL says otherwise', () => {
    const options = dashboardOptionsFromEnv({ TRAINING_EVENTS_URL: 'http://training:8080' });
    expect(options.upstreams).toEqual({ ...UPSTREAM_DEFAULTS, 'training-events': 'http://training:8080' });
    expect(options.upstreams.analytics).toBe('http://127.0.0.1:3006');
  });

  it('keeps the dev sign-in off unless AUTH_DEV_LOGIN=1', () => {
    expect(dashboardOptionsFromEnv({}).devLogin).toBe(false);
    expect(dashboardOptionsFromEnv({ AUTH_DEV_LOGIN: 'true' }).devLogin).toBe(false);
    expect(dashboardOptionsFromEnv({ AUTH_DEV_LOGIN: '1' }).devLogin).toBe(true);
  });

  it('refuses the dev sign-in in production', () => {
    expect(() => dashboardOptionsFromEnv({ AUTH_DEV_LOGIN: '1', NODE_ENV: 'production' })).toThrow(/refused/);
  });
});
