/** Services of the platform and their default ports (the order `npm start` starts them in). */
export const SERVICE_PORTS: Record<string, number> = {
  org: 3001,
  meetings: 3002,
  'candidates-panel': 3003,
  'training-events': 3004,
  notifications: 3005,
  analytics: 3006,
  'stream-redactor': 3007,
  // Started last by `npm start`: it forwards to the others.
  dashboard: 3000,
};

/**
 * Services that own no database and no Kafka topic: they read the other services over HTTP only
 * (no MONGODB_*, no KAFKA_* in their manifests, no broker principal).
 */
export const HTTP_ONLY_SERVICES: readonly string[] = ['dashboard'];
