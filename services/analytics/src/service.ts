import type { ServiceDescription } from '@sangathan/bootstrap';

export const ANALYTICS_SERVICE_DESCRIPTION: ServiceDescription = {
  name: 'analytics',
  title: 'Sangathan analytics service',
  description: 'Per-area momentum scores from the activity stream, rolled up the hierarchy.',
  defaultPort: 3006,
};
