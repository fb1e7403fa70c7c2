import { ConflictError, ValidationError } from '@sangathan/kernel';

export type PanelStatus =
  'open' | 'collecting' | 'proposed' | 'submitted' | 'returned' | 'decided' | 'announced';

/** One ranked name of a proposal (rank = position in the list, 1 first). */
export type ProposalEntry = { prospectId: string; rationale: string };

export type Transition = { from: PanelStatus | null; to: PanelStatus; by: string; at: Date };

export type PanelState = {
  id: string;
  cycleId: string;
  seatId: string;
  seatLevel: 'lok-sabha' | 'assembly';
  seatAncestors: string[];
  zoneId: string;
  zoneAncestors: string[];
  /** Zone coordinator holding the zone when the panel was opened (null if the position was vacant). */
  ownerId: string | null;
  deadline: Date;
  status: PanelStatus;
  collectorIds: string[];
  proposal: ProposalEntry[];
  returnCount: number;
  /** Leadership's comments when it last returned the panel. */
  returnComments: string | null;
  submittedAt: Date | null;
  submittedOnTime: boolean | null;
  decision: { prospectId: string; by: string; at: Date } | null;
  announcedAt: Date | null;
  deadlineMissedAt: Date | null;
  history: Transition[];
};

/** What happened to a panel, for the application to turn into integration events. */
export type PanelEvent =
  | { kind: 'opened'; at: Date }
  | { kind: 'collecting-started'; collectorCount: number; at: Date }
  | { kind: 'proposed'; prospectCount: number; at: Date }
  | { kind: 'submitted'; prospectCount: number; onTime: boolean; at: Date }
  | { kind: 'returned'; returnCount: number; at: Date }
  | { kind: 'decided'; prospectId: string; at: Date }
  | { kind: 'announced'; prospectId: string; at: Date }
  | { kind: 'deadline-missed'; status: PanelStatus; at: Date };

const MAX_COLLECTORS = 50;
export const MIN_PANEL = 2;
export const MAX_PANEL = 3;
const BEFORE_SUBMISSION: readonly PanelStatus[] = ['open', 'collecting', 'proposed', 'returned'];

/**
 * A secret panel of 2-3 names for one seat of one election cycle. Lifecycle:
 * open → collecting → proposed → submitted → (returned → proposed/submitted)* → decided → announced.
 * Every transition records who and when; a decided panel never changes again except to be announced.
 */
export class Panel {
  private constructor(private state: PanelState) {}

  static open(input: {
    id: string;
    cycleId: string;
    seatId: string;
    seatLevel: 'lok-sabha' | 'assembly';
    seatAncestors: string[];
    zoneId: string;
    zoneAncestors: string[];
    ownerId: string | null;
    deadline: Date;
    by: string;
    at: Date;
  }): { panel: Panel; events: PanelEvent[] } {
    if (input.deadline.getTime() <= input.at.getTime())
      throw new ValidationError('DEADLINE_IN_PAST', 'the deadline must be in the future', [
        { field: 'deadline', message: 'must be after now' },
      ]);
    const panel = new Panel({
      id: input.id,
      cycleId: input.cycleId,
      seatId: input.seatId,
      seatLevel: input.seatLevel,
      seatAncestors: input.seatAncestors,
      zoneId: input.zoneId,
      zoneAncestors: input.zoneAncestors,
      ownerId: input.ownerId,
      deadline: input.deadline,
      status: 'open',
      collectorIds: [],
      proposal: [],
      returnCount: 0,
      returnComments: null,
      submittedAt: null,
      submittedOnTime: null,
      decision: null,
      announcedAt: null,
      deadlineMissedAt: null,
      history: [{ from: null, to: 'open', by: input.by, at: input.at }],
    });
    return { panel, events: [{ kind: 'opened', at: input.at }] };
  }

  static restore(state: PanelState): Panel {
    return new Panel(state);
  }

  get snapshot(): Readonly<PanelState> {
    return this.state;
  }

  get id(): string {
    return this.state.id;
  }

  isCollector(memberId: string): boolean {
    return this.state.collectorIds.includes(memberId);
  }

  /** Sets who may record feedback; the first designation starts collection. */
  designateCollectors(memberIds: readonly string[], by: string, at: Date): PanelEvent[] {
    this.assertBeforeSubmission('designate collectors');
    const unique = [...new Set(memberIds)];
    if (unique.length > MAX_COLLECTORS)
      throw new ValidationError('TOO_MANY_COLLECTORS', `at most ${MAX_COLLECTORS} collectors`, [
        { field: 'memberIds', message: `at most ${MAX_COLLECTORS}` },
      ]);
    this.state.collectorIds = unique;
    if (this.state.status === 'open') this.moveTo('collecting', by, at);
    return [{ kind: 'collecting-started', collectorCount: unique.length, at }];
  }

  /** Prospects are added while the coordinator can still change the proposal. */
  assertAcceptsProspects(): void {
    this.assertBeforeSubmission('add prospects');
  }

  /** Feedback is taken until the panel is decided. */
  assertAcceptsFeedback(): void {
    this.assertNotDecided('record feedback');
  }

  /** Sets the ranked proposal (1-3 names of this panel's prospects, each with a written rationale). */
  propose(
    entries: readonly ProposalEntry[],
    panelProspectIds: ReadonlySet<string>,
    by: string,
    at: Date,
  ): PanelEvent[] {
    this.assertBeforeSubmission('propose');
    if (entries.length === 0 || entries.length > MAX_PANEL)
      throw new ValidationError('PANEL_SIZE', `a proposal holds 1 to ${MAX_PANEL} names`, [
        { field: 'entries', message: `1 to ${MAX_PANEL} names` },
      ]);
    const ids = entries.map((entry) => entry.prospectId);
    if (new Set(ids).size !== ids.length)
      throw new ValidationError('DUPLICATE_PROSPECT', 'a name appears twice in the proposal', [
        { field: 'entries', message: 'each prospect at most once' },
      ]);
    const foreign = ids.filter((id) => !panelProspectIds.has(id));
    if (foreign.length > 0)
      throw new ValidationError(
        'UNKNOWN_PROSPECT',
        'the proposal names prospects that are not on this panel',
        [...foreign.map((id) => ({ field: 'entries', message: `prospect ${id} is not on this panel` }))],
      );
    const blank = entries.findIndex((entry) => entry.rationale.trim().length === 0);
    if (blank >= 0)
      throw new ValidationError('RATIONALE_REQUIRED', 'every proposed name needs a written rationale', [
        { field: `entries.${blank}.rationale`, message: 'required' },
      ]);
    this.state.proposal = entries.map((entry) => ({ ...entry }));
    this.moveTo('proposed', by, at);
    return [{ kind: 'proposed', prospectCount: entries.length, at }];
  }

  submit(by: string, at: Date): PanelEvent[] {
    this.assertNotDecided('submit');
    if (this.state.status !== 'proposed' && this.state.status !== 'returned')
      throw new ConflictError('NOT_PROPOSED', `a ${this.state.status} panel cannot be submitted`, [
        { field: 'status', message: 'propose names first' },
      ]);
    const size = this.state.proposal.length;
    if (size < MIN_PANEL || size > MAX_PANEL)
      throw new ValidationError(
        'PANEL_SIZE',
        `a panel is submitted with ${MIN_PANEL} or ${MAX_PANEL} names (it has ${size})`,
        [{ field: 'proposal', message: `${MIN_PANEL} to ${MAX_PANEL} names` }],
      );
    const onTime = at.getTime() <= this.state.deadline.getTime();
    this.state.submittedAt = at;
    this.state.submittedOnTime = onTime;
    this.moveTo('submitted', by, at);
    return [{ kind: 'submitted', prospectCount: size, onTime, at }];
  }

  /** Leadership sends the submitted panel back with comments; the coordinator proposes again. */
  returnWithComments(comments: string, by: string, at: Date): PanelEvent[] {
    this.assertNotDecided('return');
    if (this.state.status !== 'submitted')
      throw new ConflictError('NOT_SUBMITTED', `a ${this.state.status} panel cannot be returned`, [
        { field: 'status', message: 'only a submitted panel can be returned' },
      ]);
    this.state.returnCount += 1;
    this.state.returnComments = comments;
    this.moveTo('returned', by, at);
    return [{ kind: 'returned', returnCount: this.state.returnCount, at }];
  }

  /** The president seals one name of the submitted panel. */
  decide(prospectId: string, by: string, at: Date): PanelEvent[] {
    this.assertNotDecided('decide');
    if (this.state.status !== 'submitted')
      throw new ConflictError('NOT_SUBMITTED', `a ${this.state.status} panel cannot be decided`, [
        { field: 'status', message: 'only a submitted panel can be decided' },
      ]);
    if (!this.state.proposal.some((entry) => entry.prospectId === prospectId))
      throw new ValidationError('NOT_ON_PANEL', 'the chosen name is not on this panel', [
        { field: 'prospectId', message: 'must be one of the submitted names' },
      ]);
    this.state.decision = { prospectId, by, at };
    this.moveTo('decided', by, at);
    return [{ kind: 'decided', prospectId, at }];
  }

  announce(by: string, at: Date): PanelEvent[] {
    if (this.state.status === 'announced')
      throw new ConflictError('ALREADY_ANNOUNCED', 'the panel was announced already', []);
    if (this.state.status !== 'decided' || !this.state.decision)
      throw new ConflictError('NOT_DECIDED', `a ${this.state.status} panel cannot be announced`, [
        { field: 'status', message: 'decide first' },
      ]);
    this.state.announcedAt = at;
    this.moveTo('announced', by, at);
    return [{ kind: 'announced', prospectId: this.state.decision.prospectId, at }];
  }

  /** Raised once, when the deadline has passed and the panel is still not submitted. */
  noticeMissedDeadline(now: Date): PanelEvent[] {
    if (this.state.deadlineMissedAt) return [];
    if (!BEFORE_SUBMISSION.includes(this.state.status)) return [];
    if (now.getTime() <= this.state.deadline.getTime()) return [];
    this.state.deadlineMissedAt = now;
    return [{ kind: 'deadline-missed', status: this.state.status, at: now }];
  }

  private assertNotDecided(action: string): void {
    if (this.state.status === 'decided' || this.state.status === 'announced')
      throw new ConflictError('PANEL_DECIDED', `a decided panel cannot ${action}`, [
        { field: 'status', message: `the panel is ${this.state.status}` },
      ]);
  }

  private assertBeforeSubmission(action: string): void {
    this.assertNotDecided(action);
    if (!BEFORE_SUBMISSION.includes(this.state.status))
      throw new ConflictError('PANEL_SUBMITTED', `a ${this.state.status} panel cannot ${action}`, [
        { field: 'status', message: 'wait until leadership returns it' },
      ]);
  }

  private moveTo(to: PanelStatus, by: string, at: Date): void {
    this.state.history.push({ from: this.state.status, to, by, at });
    this.state.status = to;
  }
}
