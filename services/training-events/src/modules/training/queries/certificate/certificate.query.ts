import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { ConflictError, NotFoundError } from '@sangathan/kernel';
import {
  ORG_DIRECTORY,
  type OrgDirectoryPort,
} from '../../../org-directory/application/ports/org-directory.port';
import {
  CERTIFICATE_RENDERER,
  type CertificateRendererPort,
} from '../../application/ports/certificate-renderer.port';
import {
  PARTICIPANT_REPOSITORY,
  type ParticipantRepositoryPort,
} from '../../application/ports/participant-repository.port';
import { assertCanSee, TrainingAccess } from '../../application/training-access';
import { participantIdOf } from '../../domain/participant.entity';

export type Certificate = { fileName: string; pdf: Buffer };

/** The certificate of completion of one attendee; for the member or a reader of the session's area. */
@Injectable()
export class CertificateQuery {
  constructor(
    private readonly access: TrainingAccess,
    @Inject(PARTICIPANT_REPOSITORY) private readonly participants: ParticipantRepositoryPort,
    @Inject(ORG_DIRECTORY) private readonly directory: OrgDirectoryPort,
    @Inject(CERTIFICATE_RENDERER) private readonly renderer: CertificateRendererPort,
  ) {}

  async certificate(sessionId: string, memberId: string, principal: Principal): Promise<Certificate> {
    const session = await this.access.session(sessionId);
    if (principal.sub !== memberId) assertCanSee(principal, session);
    const participant = await this.participants.find(sessionId, memberId);
    if (!participant) throw new NotFoundError('participant', participantIdOf(sessionId, memberId));
    if (!participant.completedAt) {
      throw new ConflictError('NOT_COMPLETED', 'a certificate is issued once the training is completed', [
        { field: 'memberId', message: 'not completed' },
      ]);
    }
    const programme = await this.access.programme(session.programmeId);
    const area = await this.directory.findArea(session.areaId);
    const pdf = await this.renderer.render({
      certificateId: participant._id,
      names: [participant.name, participant.nameAlt].filter((n): n is string => !!n),
      programmeTitle: programme.title,
      programmeTitleHi: programme.titleHi,
      sessionTitle: session.title,
      areaName: area?.nameEn ?? session.areaId,
      heldOn: session.startsAt,
      completedAt: participant.completedAt,
      score: participant.score,
    });
    return { fileName: `certificate-${encodeURIComponent(participant._id)}.pdf`, pdf };
  }
}
