/**
 * One person may be decided for at most one seat per cycle: deciding claims (cycle, person) first.
 * A claim is one document with a unique id, so two concurrent decisions for one person cannot both win.
 */
export interface DecisionClaimsPort {
  /** Claims the person for `panelId`; returns the panel holding the claim (this one when it succeeded). */
  claim(cycleId: string, personKey: string, panelId: string): Promise<string>;
  /** Gives back a claim this panel took but could not use (its decision lost a race). */
  release(cycleId: string, personKey: string, panelId: string): Promise<void>;
}

export const DECISION_CLAIMS = Symbol('DECISION_CLAIMS');
