import type { AreaLevel, SeatClass } from '@sangathan/contracts';
import { ValidationError } from '@sangathan/kernel';
import { AreaCode } from './area-code.value-object';
import { AreaName } from './area-name.value-object';
import { PARENT_LEVEL, isSeatLevel } from './area-hierarchy';

/** Booth-level aggregates: never a profile of an individual voter. */
export type AreaFigures = {
  boothCount: number | null;
  voterCount: number | null;
  beneficiaryCount: number | null;
  /** Share of each social group in the booth's voters (0..1). */
  socialComposition: Record<string, number> | null;
};

export type AreaProps = {
  id: AreaCode;
  level: AreaLevel;
  parentId: string | null;
  /** Ancestors root first, excluding the area itself. */
  ancestors: string[];
  name: AreaName;
  seatClass: SeatClass | null;
  lastMargin: number | null;
  /** Cross-link to the Lok Sabha seat (assembly seats and below). */
  lokSabhaId: string | null;
  figures: AreaFigures;
};

/** What a new area needs to know about its intended parent. */
export type ParentRef = {
  id: string;
  level: AreaLevel;
  ancestors: readonly string[];
  lokSabhaId?: string | null;
};

export type AreaCreated = { kind: 'area-created'; area: Area };
export type AreaUpdated = { kind: 'area-updated'; area: Area; changed: string[] };
export type AreaReclassified = {
  kind: 'area-reclassified';
  area: Area;
  previousSeatClass: SeatClass | null;
  previousMargin: number | null;
};
export type AreaMoved = {
  kind: 'area-moved';
  area: Area;
  previousParentId: string | null;
  previousAncestors: string[];
};
export type AreaDomainEvent = AreaCreated | AreaUpdated | AreaReclassified | AreaMoved;

export type AreaChanges = {
  nameEn?: string;
  nameHi?: string | null;
  lokSabhaId?: string | null;
  boothCount?: number | null;
  voterCount?: number | null;
  beneficiaryCount?: number | null;
  socialComposition?: Record<string, number> | null;
};

const EMPTY_FIGURES: AreaFigures = {
  boothCount: null,
  voterCount: null,
  beneficiaryCount: null,
  socialComposition: null,
};

/** A node of the party's primary organisational tree. */
export class Area {
  private constructor(private props: AreaProps) {}

  static create(input: {
    code: string;
    level: AreaLevel;
    parent: ParentRef | null;
    nameEn: string;
    nameHi: string | null;
    seatClass?: SeatClass | null;
    lastMargin?: number | null;
    lokSabhaId?: string | null;
    figures?: Partial<AreaFigures>;
  }): { area: Area; event: AreaCreated } {
    Area.checkParent(input.level, input.parent);
    if (!isSeatLevel(input.level) && (input.seatClass || input.lastMargin != null)) {
      throw new ValidationError(
        'NOT_A_SEAT',
        `only seats carry a seat class or margin, not a ${input.level}`,
        [{ field: 'seatClass', message: 'only for lok-sabha and assembly areas' }],
      );
    }
    const figures = { ...EMPTY_FIGURES, ...input.figures };
    checkFigures(input.level, figures);
    const area = new Area({
      id: AreaCode.of(input.code),
      level: input.level,
      parentId: input.parent?.id ?? null,
      ancestors: input.parent ? [...input.parent.ancestors, input.parent.id] : [],
      name: AreaName.of(input.nameEn, input.nameHi),
      seatClass: input.seatClass ?? null,
      lastMargin: input.lastMargin ?? null,
      // Below an assembly seat the Lok Sabha link is inherited from the parent.
      lokSabhaId: input.lokSabhaId ?? inheritsLokSabha(input.level, input.parent),
      figures,
    });
    return { area, event: { kind: 'area-created', area } };
  }

  static restore(props: AreaProps): Area {
    return new Area(props);
  }

  /** Throws a 400 naming `parentId` unless `parent` may hold an area of `level`. */
  static checkParent(level: AreaLevel, parent: Pick<ParentRef, 'level'> | null): void {
    const expectedParent = PARENT_LEVEL[level];
    if (expectedParent === null && parent) {
      throw new ValidationError('INVALID_PARENT', `a ${level} area has no parent`, [
        { field: 'parentId', message: 'must be empty' },
      ]);
    }
    if (expectedParent !== null) {
      if (!parent) {
        throw new ValidationError('INVALID_PARENT', `a ${level} area needs a parent`, [
          { field: 'parentId', message: 'required' },
        ]);
      }
      if (!expectedParent.includes(parent.level)) {
        throw new ValidationError(
          'INVALID_PARENT_LEVEL',
          `a ${level} must sit under a ${expectedParent.join(' or ')}, not a ${parent.level}`,
          [{ field: 'parentId', message: `parent must be a ${expectedParent.join(' or ')}` }],
        );
      }
    }
  }

  /** Applies name, cross-link and figure changes; null when nothing actually changed. */
  update(changes: AreaChanges): AreaUpdated | null {
    const changed: string[] = [];
    let name = this.props.name;
    if (changes.nameEn !== undefined || changes.nameHi !== undefined) {
      const next = AreaName.of(
        changes.nameEn ?? name.en,
        changes.nameHi === undefined ? name.hi : changes.nameHi,
      );
      if (next.en !== name.en) changed.push('nameEn');
      if (next.hi !== name.hi) changed.push('nameHi');
      name = next;
    }
    let lokSabhaId = this.props.lokSabhaId;
    if (changes.lokSabhaId !== undefined && changes.lokSabhaId !== lokSabhaId) {
      if (this.level !== 'assembly') {
        throw new ValidationError('NOT_AN_ASSEMBLY', 'only an assembly seat links to a Lok Sabha seat', [
          { field: 'lokSabhaId', message: 'only for assembly areas' },
        ]);
      }
      lokSabhaId = changes.lokSabhaId;
      changed.push('lokSabhaId');
    }
    const figures = { ...this.props.figures };
    for (const key of ['boothCount', 'voterCount', 'beneficiaryCount', 'socialComposition'] as const) {
      if (changes[key] === undefined) continue;
      if (JSON.stringify(changes[key]) === JSON.stringify(figures[key])) continue;
      (figures as Record<string, unknown>)[key] = changes[key];
      changed.push(key);
    }
    checkFigures(this.level, figures);
    if (changed.length === 0) return null;
    this.props = { ...this.props, name, lokSabhaId, figures };
    return { kind: 'area-updated', area: this, changed };
  }

  /** Sets a seat's class and last margin; null when they are unchanged. */
  reclassify(seatClass: SeatClass | null, lastMargin: number | null): AreaReclassified | null {
    if (!isSeatLevel(this.level)) {
      throw new ValidationError('NOT_A_SEAT', `only seats carry a seat class, not a ${this.level}`, [
        { field: 'seatClass', message: 'only for lok-sabha and assembly areas' },
      ]);
    }
    if (seatClass === this.props.seatClass && lastMargin === this.props.lastMargin) return null;
    const previous = { previousSeatClass: this.props.seatClass, previousMargin: this.props.lastMargin };
    this.props = { ...this.props, seatClass, lastMargin };
    return { kind: 'area-reclassified', area: this, ...previous };
  }

  /**
   * Moves the area under `parent`. Refuses a parent of the wrong level and a parent inside the
   * area's own subtree (a cycle). Descendants are re-pathed by the repository.
   */
  moveTo(parent: ParentRef): AreaMoved | null {
    if (parent.id === this.id || parent.ancestors.includes(this.id)) {
      throw new ValidationError('CYCLE', `cannot move ${this.id} under its own descendant ${parent.id}`, [
        { field: 'parentId', message: 'inside the area’s own subtree' },
      ]);
    }
    Area.checkParent(this.level, parent);
    if (parent.id === this.props.parentId) return null;
    const previous = { previousParentId: this.props.parentId, previousAncestors: this.ancestors };
    const lokSabhaId =
      this.level === 'assembly' || this.level === 'lok-sabha'
        ? this.props.lokSabhaId
        : inheritsLokSabha(this.level, parent);
    this.props = {
      ...this.props,
      parentId: parent.id,
      ancestors: [...parent.ancestors, parent.id],
      lokSabhaId,
    };
    return { kind: 'area-moved', area: this, ...previous };
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
  get lokSabhaId(): string | null {
    return this.props.lokSabhaId;
  }
  get figures(): AreaFigures {
    return { ...this.props.figures };
  }
}

function inheritsLokSabha(level: AreaLevel, parent: ParentRef | null): string | null {
  if (level === 'mandal' || level === 'sector' || level === 'booth') return parent?.lokSabhaId ?? null;
  return null;
}

function checkFigures(level: AreaLevel, figures: AreaFigures): void {
  if (level !== 'booth' && (figures.beneficiaryCount != null || figures.socialComposition != null)) {
    throw new ValidationError(
      'BOOTH_ONLY',
      'scheme beneficiaries and social composition are kept per booth only',
      [
        {
          field: figures.socialComposition != null ? 'socialComposition' : 'beneficiaryCount',
          message: 'only for booth areas',
        },
      ],
    );
  }
  if (figures.socialComposition) {
    const total = Object.values(figures.socialComposition).reduce((sum, share) => sum + share, 0);
    if (total > 1.0001) {
      throw new ValidationError(
        'INVALID_SHARES',
        `social composition shares add up to ${total.toFixed(3)}, more than 1`,
        [{ field: 'socialComposition', message: 'shares must add up to at most 1' }],
      );
    }
  }
}
