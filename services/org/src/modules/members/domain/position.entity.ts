import { itTeamOf, POSITION_AREA_LEVELS, type AreaLevel, type PositionType } from '@sangathan/contracts';
import { ConflictError, ValidationError } from '@sangathan/kernel';

export type Tenure = {
  memberId: string;
  since: Date;
  until: Date | null;
  reason: 'replaced' | 'released' | 'deactivated' | null;
};

export type PositionProps = {
  type: PositionType;
  areaId: string;
  ancestors: string[];
  holderId: string | null;
  since: Date | null;
  /** Every past tenure, oldest first (the current one is `holderId` + `since`). */
  history: Tenure[];
};

export type PositionVacated = {
  kind: 'position-vacated';
  position: Position;
  memberId: string;
  since: Date;
  until: Date;
  reason: 'replaced' | 'released' | 'deactivated';
  successorId: string | null;
};
export type PositionAssigned = {
  kind: 'position-assigned';
  position: Position;
  memberId: string;
  previousHolderId: string | null;
  since: Date;
};
export type PositionDomainEvent = PositionVacated | PositionAssigned;

export const positionId = (type: PositionType, areaId: string): string => `${type}:${areaId}`;

/** A single-holder office (district president of Lucknow, …) with the history of who held it. */
export class Position {
  private constructor(private props: PositionProps) {}

  /** A vacant position for `area`; 400 naming `type` when that position does not exist at the area's level. */
  static open(
    type: PositionType,
    area: { id: string; level: AreaLevel; ancestors: readonly string[] },
  ): Position {
    const levels = POSITION_AREA_LEVELS[type];
    if (!levels.includes(area.level)) {
      throw new ValidationError(
        'POSITION_LEVEL_MISMATCH',
        `a ${type} is held at a ${levels.join(' or ')}, not at the ${area.level} ${area.id}`,
        [{ field: 'type', message: `only at ${levels.join(' or ')} level` }],
      );
    }
    return new Position({
      type,
      areaId: area.id,
      ancestors: [...area.ancestors],
      holderId: null,
      since: null,
      history: [],
    });
  }

  static restore(props: PositionProps): Position {
    return new Position(props);
  }

  /** Gives the position to `memberId`, vacating it for the previous holder. Empty when they already hold it. */
  assign(memberId: string, now: Date): PositionDomainEvent[] {
    if (this.props.holderId === memberId) return [];
    const events: PositionDomainEvent[] = [];
    const previousHolderId = this.props.holderId;
    if (previousHolderId) events.push(this.end('replaced', memberId, now));
    this.props = { ...this.props, holderId: memberId, since: now };
    events.push({ kind: 'position-assigned', position: this, memberId, previousHolderId, since: now });
    return events;
  }

  /** Leaves the position vacant. */
  vacate(reason: 'released' | 'deactivated', now: Date): PositionVacated {
    if (!this.props.holderId)
      throw new ConflictError('POSITION_VACANT', `${this.id} is already vacant`, [
        { field: 'positionId', message: 'vacant' },
      ]);
    const event = this.end(reason, null, now);
    this.props = { ...this.props, holderId: null, since: null };
    return event;
  }

  private end(
    reason: 'replaced' | 'released' | 'deactivated',
    successorId: string | null,
    now: Date,
  ): PositionVacated {
    const memberId = this.props.holderId!;
    const since = this.props.since ?? now;
    this.props = { ...this.props, history: [...this.props.history, { memberId, since, until: now, reason }] };
    return { kind: 'position-vacated', position: this, memberId, since, until: now, reason, successorId };
  }

  get id(): string {
    return positionId(this.props.type, this.props.areaId);
  }
  get type(): PositionType {
    return this.props.type;
  }
  get itTeam(): 'central' | 'state' | null {
    return itTeamOf(this.props.type);
  }
  get snapshot(): Readonly<PositionProps> {
    return this.props;
  }
}
