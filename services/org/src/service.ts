import type { ServiceDescription } from '@sangathan/bootstrap';

export const ORG_SERVICE_DESCRIPTION: ServiceDescription = {
  name: 'org',
  title: 'Sangathan org service',
  description: 'The party hierarchy down to every booth, its people, positions, committees and tasks.',
  defaultPort: 3001,
};
