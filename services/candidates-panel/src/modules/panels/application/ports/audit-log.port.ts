/** One line of the audit log: who did or tried what, when, from where. */
export type AuditEntry = {
  id: string;
  at: Date;
  actorId: string;
  roles: string[];
  actorAreaId: string;
  /** What was read or attempted, e.g. `panel.read`, `panel.decide`. */
  action: string;
  /** `allowed` reads, `denied` (403) and `rejected` (other 4xx) attempts. */
  outcome: 'allowed' | 'denied' | 'rejected';
  /** Error code of a refused attempt. */
  code: string | null;
  panelId: string | null;
  prospectId: string | null;
  method: string;
  route: string;
  ip: string | null;
  userAgent: string | null;
  correlationId: string | null;
};

export type AuditQuery = {
  panelId?: string;
  actorId?: string;
  outcome?: AuditEntry['outcome'];
  after?: string;
  limit: number;
};

/**
 * The append-only audit log. There is deliberately no way to change or remove an entry: this port has
 * `append` and `list` only, and a test scans the service for any other write on the collection.
 */
export interface AuditLogPort {
  append(entry: AuditEntry): Promise<void>;
  list(query: AuditQuery): Promise<AuditEntry[]>;
}

export const AUDIT_LOG = Symbol('AUDIT_LOG');
