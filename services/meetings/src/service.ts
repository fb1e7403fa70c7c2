import type { ServiceDescription } from '@sangathan/bootstrap';

export const MEETINGS_SERVICE_DESCRIPTION: ServiceDescription = {
  name: 'meetings',
  title: 'Sangathan meetings service',
  description:
    'Every meeting recorded: schedule, hold, attendance (named, headcount, QR check-in), photo evidence checked against EXIF time and place, daily quotas per position, video-conference rooms and reviews.',
  defaultPort: 3002,
};
