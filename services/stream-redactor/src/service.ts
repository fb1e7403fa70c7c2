import type { ServiceDescription } from '@sangathan/bootstrap';

export const STREAM_REDACTOR_SERVICE_DESCRIPTION: ServiceDescription = {
  name: 'stream-redactor',
  title: 'Sangathan stream redactor',
  description:
    'Republishes the services’ internal events on the analyst.* topics without personal data: areas, counts, dates, scores and pseudonymous member keys.',
  defaultPort: 3007,
};
