import type { ServiceDescription } from '@sangathan/bootstrap';

export const PANEL_SERVICE_DESCRIPTION: ServiceDescription = {
  name: 'candidates-panel',
  title: 'Sangathan candidates-panel service',
  description:
    'Confidential (गुपचुप) candidate panels of 2-3 names per seat: zone coordinators gather structured feedback through designated collectors, propose and submit ranked names, leadership returns or the president seals one name, then announces it. Names, phones, rationales and feedback text are encrypted at rest; every read and every refused attempt is in an append-only audit log.',
  defaultPort: 3003,
};
