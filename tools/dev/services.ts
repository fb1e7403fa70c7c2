/** Services of the platform and their default ports (the order `npm start` starts them in). */
export const SERVICE_PORTS: Record<string, number> = {
  org: 3001,
  meetings: 3002,
  'candidates-panel': 3003,
  'training-events': 3004,
  notifications: 3005,
  analytics: 3006,
  'stream-redactor': 3007,
};
