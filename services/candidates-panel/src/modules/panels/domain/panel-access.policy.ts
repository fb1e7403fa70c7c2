/** What a caller tries to do with a panel. */
export type PanelAction =
  | 'open' // open a panel for a seat
  | 'read' // the panel, its prospects, feedback, aggregates
  | 'manage' // add prospects, designate collectors, propose, submit
  | 'feedback' // record feedback
  | 'review' // return with comments
  | 'decide' // seal one name, announce it
  | 'overview' // leadership overview of panels
  | 'audit'; // read the audit log

/** Facts about the caller and the panel, gathered by the application from the token and org-directory. */
export type AccessFacts = {
  permissions: ReadonlySet<string>;
  /** The panel's zone lies in the caller's subtree. */
  inScope: boolean;
  /** The caller's area is the root (national leadership). */
  national: boolean;
  /** The caller holds the zone-coordinator position of the panel's zone now (not just the role in a token). */
  zoneCoordinator: boolean;
  /** The caller holds the national-president position now. */
  president: boolean;
  /** The panel designated the caller as a feedback collector. */
  collector: boolean;
};

export type AccessDecision = { allowed: true } | { allowed: false; code: string; reason: string };

const allow: AccessDecision = { allowed: true };
const deny = (code: string, reason: string): AccessDecision => ({ allowed: false, code, reason });

const PERMISSION: Record<PanelAction, string> = {
  open: 'panels:write',
  read: 'panels:read',
  manage: 'panels:write',
  feedback: 'panels:feedback',
  review: 'panels:seal',
  decide: 'panels:seal',
  overview: 'panels:read',
  audit: 'panels:audit',
};

/**
 * Who may do what with a confidential panel: the seat's zone coordinator and national leadership read it;
 * only the coordinator manages it; collectors write feedback only; national leadership returns it; only the
 * president decides; only national leadership reads the audit log. Everyone else is refused.
 */
export function decideAccess(action: PanelAction, facts: AccessFacts): AccessDecision {
  const permission = PERMISSION[action];
  if (!facts.permissions.has(permission))
    return deny('PERMISSION_DENIED', `your roles do not allow ${permission}`);
  switch (action) {
    case 'overview':
      return allow;
    case 'audit':
    case 'review':
      return facts.national ? allow : deny('NOT_NATIONAL', 'only national leadership may do this');
    case 'decide':
      if (!facts.national) return deny('NOT_NATIONAL', 'only national leadership may do this');
      return facts.president ? allow : deny('NOT_PRESIDENT', 'only the president seals a panel');
    case 'feedback':
      if (facts.collector) return allow;
      return facts.zoneCoordinator && facts.inScope
        ? allow
        : deny('NOT_COLLECTOR', 'only collectors this panel designated may record feedback');
    case 'open':
    case 'read':
      if (!facts.inScope) return deny('OUT_OF_SCOPE', "the panel's zone is outside your area");
      return facts.national || facts.zoneCoordinator
        ? allow
        : deny('NOT_COORDINATOR', "only the seat's zone coordinator and national leadership may do this");
    case 'manage':
      if (!facts.inScope) return deny('OUT_OF_SCOPE', "the panel's zone is outside your area");
      return facts.zoneCoordinator
        ? allow
        : deny('NOT_COORDINATOR', "only the seat's zone coordinator manages the panel");
  }
}
