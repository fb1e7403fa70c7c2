import type { AreaLevel, SeatClass } from '@sangathan/contracts';
import { ValidationError } from '@sangathan/kernel';
import { AreaCode } from './area-code.value-object';
import { AreaName } from './area-name.value-object';
import { PARENT_LEVEL } from './area-hierarchy';

export type AreaProps = {
  id: AreaCode;
  level: AreaLevel;
  parentId: string | null;
  /** Ancestors root first, excluding the area itself. */
  ancestors: string[];
  name: AreaName;
  seatClass: SeatClass | null;
  lastMargin: number | null;
};

/** What a new area needs to know about its intended parent. */
export type ParentRef = { id: string; level: AreaLevel; ancestors: readonly string[] };

export type AreaCreated = { kind: 'area-created'; area: Area };

/** A node of the party's primary organisational tree. */
export class Area {
  private constructor(private readonly props: AreaProps) {}

  static create(input: {
    code: string;
    level: AreaLevel;
    parent: ParentRef | null;
    nameEn: string;
    nameHi: string | null;
    seatClass?: SeatClass | null;
    lastMargin?: number | null;
  }): { area: Area; event: AreaCreated } {
    const expectedParent = PARENT_LEVEL[input.level];
    if (expectedParent === null && input.parent) {
      throw new ValidationError('INVALID_PARENT', `a ${input.level} area has no parent`, [{ field: 'parentId', message: 'must be empty' }]);
    }
    if (expectedParent !== null) {
      if (!input.parent) {
        throw new ValidationError('INVALID_PARENT', `a ${input.level} area needs a parent`, [{ field: 'parentId', message: 'required' }]);
      }
      if (!expectedParent.includes(input.parent.level)) {
        throw new ValidationError(
          'INVALID_PARENT_LEVEL',
          `a ${input.level} must sit under a ${expectedParent.join(' or ')}, not a ${input.parent.level}`,
          [{ field: 'parentId', message: `parent must be a ${expectedParent.join(' or ')}` }],
        );
      }
    }
    const isSeat = input.level === 'lok-sabha' || input.level === 'assembly';
    if (!isSeat && (input.seatClass || input.lastMargin != null)) {
      throw new ValidationError('NOT_A_SEAT', `only seats carry a seat class or margin, not a ${input.level}`, [
        { field: 'seatClass', message: 'only for lok-sabha and assembly areas' },
      ]);
    }
    const area = new Area({
      id: AreaCode.of(input.code),
      level: input.level,
      parentId: input.parent?.id ?? null,
      ancestors: input.parent ? [...input.parent.ancestors, input.parent.id] : [],
      name: AreaName.of(input.nameEn, input.nameHi),
      seatClass: input.seatClass ?? null,
      lastMargin: input.lastMargin ?? null,
    });
    return { area, event: { kind: 'area-created', area } };
  }

  static restore(props: AreaProps): Area {
    return new Area(props);
  }

  get id(): string {
    return this.props.id.value;
  }
  get level(): AreaLevel {
    return this.props.level;
  }
  get parentId(): string | null {
    return this.props.parentId;
  }
  get ancestors(): string[] {
    return [...this.props.ancestors];
  }
  get name(): AreaName {
    return this.props.name;
  }
  get seatClass(): SeatClass | null {
    return this.props.seatClass;
  }
  get lastMargin(): number | null {
    return this.props.lastMargin;
  }
}
