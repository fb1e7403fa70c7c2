import type { ServiceDescription } from '@sangathan/bootstrap';

export const TRAINING_SERVICE_DESCRIPTION: ServiceDescription = {
  name: 'training-events',
  title: 'Sangathan training-events service',
  description:
    'Training programmes (data-management sessions, district workshops, IT-cell meetings per Lok Sabha seat, conventions): sessions generated per area, targets, invitations, registration with waitlist, check-in, completion, feedback, certificates and turnout reports.',
  defaultPort: 3004,
};
