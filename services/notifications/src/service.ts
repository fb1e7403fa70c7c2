import type { ServiceDescription } from '@sangathan/bootstrap';

export const NOTIFICATIONS_SERVICE_DESCRIPTION: ServiceDescription = {
  name: 'notifications',
  title: 'Sangathan notifications service',
  description:
    'Tells the right member at the right time, in Hindi or English, on their channel: declarative rules map events (training invitations and reminders, missed meeting quotas, task and review due dates, momentum alerts) to recipients by position and area, templates and a channel order (WhatsApp, SMS, e-mail, in-app inbox), with retries, fallback, quiet hours, de-duplication and digests.',
  defaultPort: 3005,
};
