import { lazyMeter } from '@sangathan/observability';

const meter = lazyMeter('dashboard');

/** Calls forwarded to a service, by service and answer status (502 when the service was not reachable). */
export const forwardedRequests = meter.createCounter('dashboard_forwarded_requests', {
  description: 'Requests the dashboard forwarded to a service, by service and status',
});
