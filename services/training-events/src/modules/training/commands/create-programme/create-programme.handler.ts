import { Inject, Injectable } from '@nestjs/common';
import { assertCan, type Principal } from '@sangathan/auth';
import {
  POSITION_AREA_LEVELS,
  POSITION_TYPES,
  TrainingProgrammeCreatedV1,
  type PositionType,
} from '@sangathan/contracts';
import { NotFoundError, uuidv7, ValidationError } from '@sangathan/kernel';
import {
  ORG_DIRECTORY,
  type KnownArea,
  type OrgDirectoryPort,
} from '../../../org-directory/application/ports/org-directory.port';
import { InvitationMaterialiser } from '../../application/invitation-materialiser';
import {
  PROGRAMME_REPOSITORY,
  type ProgrammeRepositoryPort,
} from '../../application/ports/programme-repository.port';
import { toProgrammeView, type ProgrammeView } from '../../application/programme.view';
import { iso, outboxEvent } from '../../application/training.integration-events';
import { planSessions, validateProgramme, type PlanArea } from '../../domain/programme.entity';
import { deriveTargets } from '../../domain/target-rule';
import type { ProgrammeState } from '../../domain/training-state';
import type { CreateProgrammeDto } from './create-programme.dto';

export type CreateProgrammeCommand = CreateProgrammeDto & { principal: Principal; correlationId: string };

/**
 * Validates everything first (areas known, window, targets, audience matches someone), then writes
 * the programme with its plan and `programme.created` in one insert. Sessions are written next
 * (idempotently, ids derived from the plan) and invitations in the background; both resume after a
 * crash from the plan stored on the programme.
 */
@Injectable()
export class CreateProgrammeHandler {
  constructor(
    @Inject(PROGRAMME_REPOSITORY) private readonly programmes: ProgrammeRepositoryPort,
    @Inject(ORG_DIRECTORY) private readonly directory: OrgDirectoryPort,
    private readonly materialiser: InvitationMaterialiser,
  ) {}

  async execute(command: CreateProgrammeCommand): Promise<ProgrammeView> {
    const rootAreaId = (command.rootAreaId ?? command.principal.areaId).trim().toUpperCase();
    const root = await this.directory.findArea(rootAreaId);
    if (!root) throw new NotFoundError('area', rootAreaId);
    assertCan(command.principal, 'training:write', { areaId: root.areaId, ancestors: root.ancestors });

    const audienceTypes = effectiveAudienceTypes(command.audience.positions, command.audience.areaLevels);
    const programme = validateProgramme({
      title: command.title,
      titleHi: command.titleHi,
      rootArea: { areaId: root.areaId, ancestors: root.ancestors },
      windowStart: new Date(command.windowStart),
      windowEnd: new Date(command.windowEnd),
      audience: command.audience,
      sessionPlan: command.sessionPlan,
      targetRule: command.targetRule,
      schedule: { ...command.schedule, firstSessionAt: new Date(command.schedule.firstSessionAt) },
      passScore: command.passScore,
    });

    const areas = await this.planAreas(command, root);
    const { targets, missingBasis } = deriveTargets(
      command.targetRule,
      areas.map((a) => ({ areaId: a.areaId, booths: a.boothCount, voters: a.voterCount })),
    );
    const planned = planSessions(programme, areas.map(toPlanArea), targets);

    const matching = await this.directory.countAudience(
      audienceTypes,
      await this.directory.coverageMap(areas),
    );
    if (matching === 0) {
      throw new ValidationError(
        'AUDIENCE_MATCHES_NOBODY',
        `no member holds ${audienceTypes.join(', ')} in the ${areas.length} planned area(s)`,
        [{ field: 'audience', message: 'matches nobody in the planned areas' }],
      );
    }

    const id = uuidv7();
    const now = new Date();
    const plannedSessions = planned.map((s) => ({
      sessionId: `${id}.${s.area.areaId}`,
      areaId: s.area.areaId,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      target: s.target,
    }));
    const totalTarget = planned.reduce((sum, s) => sum + s.target, 0);
    const ctx = { actorId: command.principal.sub, correlationId: command.correlationId };
    const event = outboxEvent(
      TrainingProgrammeCreatedV1,
      {
        programmeId: id,
        title: programme.title,
        titleHi: programme.titleHi,
        rootAreaId: root.areaId,
        windowStart: iso(programme.windowStart),
        windowEnd: iso(programme.windowEnd),
        audience: command.audience,
        sessionPlan: command.sessionPlan,
        targetRule: command.targetRule,
        sessionCount: planned.length,
        totalTarget,
        createdAt: iso(now),
      },
      id,
      { areaId: root.areaId, ancestors: root.ancestors },
      ctx,
      now,
    );
    const doc: ProgrammeState = {
      _id: id,
      title: programme.title,
      titleHi: programme.titleHi,
      areaId: root.areaId,
      ancestors: root.ancestors,
      windowStart: programme.windowStart,
      windowEnd: programme.windowEnd,
      audience: command.audience,
      audienceTypes,
      sessionPlan: command.sessionPlan,
      targetRule: command.targetRule,
      schedule: { ...programme.schedule },
      passScore: programme.passScore,
      plannedSessions,
      sessionCount: planned.length,
      totalTarget,
      missingTargetBasis: missingBasis,
      materialisation: 'pending',
      invitedCount: 0,
      sessionsInvited: 0,
      materialisedAt: null,
      leaseUntil: null,
      createdBy: command.principal.sub,
      createdAt: now,
    };
    await this.programmes.insert(doc, [event]);
    // Sessions now (the answer lists them); invitations in the background (thousands per plan).
    await this.materialiser.ensureSessions(doc, ctx);
    void this.materialiser.start(id, ctx);
    return toProgrammeView(doc);
  }

  private async planAreas(command: CreateProgrammeDto, root: KnownArea): Promise<KnownArea[]> {
    const plan = command.sessionPlan;
    if (plan.kind === 'central') {
      const area = await this.directory.findArea(plan.areaId.trim().toUpperCase());
      if (!area) throw new NotFoundError('area', plan.areaId);
      if (area.areaId !== root.areaId && !area.ancestors.includes(root.areaId)) {
        throw new ValidationError(
          'AREA_OUTSIDE_PROGRAMME',
          `central area ${area.areaId} is not inside ${root.areaId}`,
          [{ field: 'sessionPlan.areaId', message: 'outside the programme root' }],
        );
      }
      return [area];
    }
    const areas = await this.directory.areasAtLevelUnder(plan.level, root.areaId);
    if (areas.length === 0) {
      throw new ValidationError(
        'NO_AREAS_AT_LEVEL',
        `no ${plan.level} areas are known under ${root.areaId}`,
        [{ field: 'sessionPlan.level', message: 'no areas of this level in the root’s subtree' }],
      );
    }
    return areas;
  }
}

/** Position types of the audience that can exist at its area levels; unknown types are refused. */
export function effectiveAudienceTypes(
  positions: readonly string[],
  levels: readonly string[],
): PositionType[] {
  const unknown = positions.filter((p) => !(POSITION_TYPES as readonly string[]).includes(p));
  if (unknown.length) {
    throw new ValidationError(
      'UNKNOWN_POSITION',
      `unknown position type(s): ${unknown.join(', ')}`,
      unknown.map((p) => ({ field: 'audience.positions', message: p })),
    );
  }
  const types = (positions as PositionType[]).filter((type) =>
    POSITION_AREA_LEVELS[type].some((level) => levels.includes(level)),
  );
  if (types.length === 0) {
    throw new ValidationError(
      'AUDIENCE_MATCHES_NOBODY',
      `none of ${positions.join(', ')} is held at ${levels.join(', ')}`,
      [{ field: 'audience', message: 'no position type exists at these levels' }],
    );
  }
  return [...new Set(types)];
}

function toPlanArea(area: KnownArea): PlanArea {
  return {
    areaId: area.areaId,
    level: area.level,
    ancestors: area.ancestors,
    nameEn: area.nameEn,
    nameHi: area.nameHi,
  };
}
