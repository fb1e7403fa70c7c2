import type { MemberKind, MemberStatus } from '@sangathan/contracts';
import { ConflictError, ValidationError } from '@sangathan/kernel';
import { personName } from './person-name.value-object';
import { PhoneNumber } from './phone-number.value-object';

export type StatusChange = {
  status: MemberStatus;
  at: Date;
  reason: string | null;
  by: string | null;
  replacedBy: string | null;
};

export type MemberProps = {
  id: string;
  phone: string;
  name: string;
  nameAlt: string | null;
  kind: MemberKind;
  status: MemberStatus;
  statusHistory: StatusChange[];
  areaId: string;
  ancestors: string[];
  joinedAt: Date;
  lastActiveAt: Date | null;
};

export type HomeArea = { id: string; ancestors: readonly string[] };

export type MemberJoined = { kind: 'member-joined'; member: Member };
export type MemberUpdated = { kind: 'member-updated'; member: Member; changed: string[] };
export type MemberDeactivated = {
  kind: 'member-deactivated';
  member: Member;
  reason: string | null;
  replacedBy: string | null;
};
export type MemberReactivated = { kind: 'member-reactivated'; member: Member; reason: string | null };
export type MemberDomainEvent = MemberJoined | MemberUpdated | MemberDeactivated | MemberReactivated;

export type MemberChanges = {
  phone?: string;
  name?: string;
  nameAlt?: string | null;
  kind?: MemberKind;
  home?: HomeArea;
};

/** A party member: worker, volunteer or office bearer, with a unique phone and a home area. */
export class Member {
  private constructor(private props: MemberProps) {}

  static register(input: {
    id: string;
    phone: string;
    name: string;
    nameAlt?: string | null;
    kind: MemberKind;
    home: HomeArea;
    now: Date;
    by: string | null;
    joinedAt?: Date;
  }): { member: Member; event: MemberJoined } {
    const joinedAt = input.joinedAt ?? input.now;
    const member = new Member({
      id: input.id,
      phone: PhoneNumber.of(input.phone).value,
      name: personName(input.name, 'name'),
      nameAlt: input.nameAlt ? personName(input.nameAlt, 'nameAlt') : null,
      kind: input.kind,
      status: 'active',
      statusHistory: [{ status: 'active', at: joinedAt, reason: 'joined', by: input.by, replacedBy: null }],
      areaId: input.home.id,
      ancestors: [...input.home.ancestors],
      joinedAt,
      lastActiveAt: null,
    });
    return { member, event: { kind: 'member-joined', member } };
  }

  static restore(props: MemberProps): Member {
    return new Member(props);
  }

  /** Applies changes; null when nothing changed. */
  update(changes: MemberChanges): MemberUpdated | null {
    const next = { ...this.props };
    const changed: string[] = [];
    if (changes.phone !== undefined) {
      const phone = PhoneNumber.of(changes.phone).value;
      if (phone !== next.phone) {
        next.phone = phone;
        changed.push('phone');
      }
    }
    if (changes.name !== undefined) {
      const name = personName(changes.name, 'name');
      if (name !== next.name) {
        next.name = name;
        changed.push('name');
      }
    }
    if (changes.nameAlt !== undefined) {
      const nameAlt = changes.nameAlt === null ? null : personName(changes.nameAlt, 'nameAlt');
      if (nameAlt !== next.nameAlt) {
        next.nameAlt = nameAlt;
        changed.push('nameAlt');
      }
    }
    if (changes.kind !== undefined && changes.kind !== next.kind) {
      next.kind = changes.kind;
      changed.push('kind');
    }
    if (changes.home && changes.home.id !== next.areaId) {
      next.areaId = changes.home.id;
      next.ancestors = [...changes.home.ancestors];
      changed.push('areaId');
    }
    if (changed.length === 0) return null;
    this.props = next;
    return { kind: 'member-updated', member: this, changed };
  }

  deactivate(input: {
    status: 'inactive' | 'replaced';
    reason: string | null;
    replacedBy: string | null;
    by: string | null;
    now: Date;
  }): MemberDeactivated {
    if (this.props.status !== 'active') {
      throw new ConflictError('MEMBER_NOT_ACTIVE', `member ${this.id} is already ${this.props.status}`, [
        { field: 'status', message: `already ${this.props.status}` },
      ]);
    }
    if (input.status === 'replaced' && !input.replacedBy) {
      throw new ValidationError(
        'REPLACEMENT_REQUIRED',
        'a replaced member needs the id of who replaces them',
        [{ field: 'replacedBy', message: 'required when status is replaced' }],
      );
    }
    if (input.replacedBy === this.id) {
      throw new ValidationError('INVALID_REPLACEMENT', 'a member cannot replace themself', [
        { field: 'replacedBy', message: 'must be another member' },
      ]);
    }
    this.setStatus({
      status: input.status,
      at: input.now,
      reason: input.reason,
      by: input.by,
      replacedBy: input.replacedBy,
    });
    return { kind: 'member-deactivated', member: this, reason: input.reason, replacedBy: input.replacedBy };
  }

  reactivate(input: { reason: string | null; by: string | null; now: Date }): MemberReactivated {
    if (this.props.status === 'active') {
      throw new ConflictError('MEMBER_ACTIVE', `member ${this.id} is already active`, [
        { field: 'status', message: 'already active' },
      ]);
    }
    this.setStatus({ status: 'active', at: input.now, reason: input.reason, by: input.by, replacedBy: null });
    return { kind: 'member-reactivated', member: this, reason: input.reason };
  }

  private setStatus(change: StatusChange): void {
    this.props = {
      ...this.props,
      status: change.status,
      statusHistory: [...this.props.statusHistory, change],
    };
  }

  get id(): string {
    return this.props.id;
  }
  get snapshot(): Readonly<MemberProps> {
    return this.props;
  }
  get status(): MemberStatus {
    return this.props.status;
  }
  get areaId(): string {
    return this.props.areaId;
  }
  get ancestors(): string[] {
    return [...this.props.ancestors];
  }
  /** True when the member's home area is `areaId` or lies under it. */
  livesWithin(areaId: string): boolean {
    return this.props.areaId === areaId || this.props.ancestors.includes(areaId);
  }
}
