import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { repathDescendants, upsertIfNewer } from '@sangathan/persistence';
import type { Model } from 'mongoose';
import type {
  DirectoryArea,
  DirectoryMember,
  OrgDirectoryPort,
  PositionHolder,
} from '../application/ports/org-directory.port';
import type { OrgDirectoryWriterPort } from '../application/ports/org-directory-writer.port';
import { OrgDirectoryArea, OrgDirectoryMember, OrgDirectoryPosition } from './org-directory.schema';

@Injectable()
export class OrgDirectoryRepository implements OrgDirectoryPort, OrgDirectoryWriterPort {
  constructor(
    @InjectModel(OrgDirectoryArea.name) private readonly areaModel: Model<OrgDirectoryArea>,
    @InjectModel(OrgDirectoryMember.name) private readonly memberModel: Model<OrgDirectoryMember>,
    @InjectModel(OrgDirectoryPosition.name) private readonly positionModel: Model<OrgDirectoryPosition>,
  ) {}

  async members(memberIds: readonly string[]): Promise<Map<string, DirectoryMember>> {
    const docs = await this.memberModel
      .find({ _id: { $in: [...memberIds] } })
      .lean<OrgDirectoryMember[]>()
      .exec();
    return new Map(
      docs.map((d) => [
        d._id,
        {
          memberId: d._id,
          name: d.name,
          nameAlt: d.nameAlt,
          status: d.status,
          areaId: d.areaId,
          ancestors: d.ancestors,
        },
      ]),
    );
  }

  async areas(areaIds: readonly string[]): Promise<Map<string, DirectoryArea>> {
    const docs = await this.areaModel
      .find({ _id: { $in: [...areaIds] } })
      .lean<OrgDirectoryArea[]>()
      .exec();
    return new Map(
      docs.map((d) => [
        d._id,
        { areaId: d._id, level: d.level, ancestors: d.ancestors, nameEn: d.nameEn, nameHi: d.nameHi },
      ]),
    );
  }

  async holders(type: string, areaIds: readonly string[]): Promise<PositionHolder[]> {
    const docs = await this.positionModel
      .find({ type, areaId: { $in: [...areaIds] }, memberId: { $ne: null } })
      .lean<OrgDirectoryPosition[]>()
      .exec();
    return docs.map((d) => ({ positionId: d._id, type: d.type, areaId: d.areaId, memberId: d.memberId! }));
  }

  upsertArea(eventId: string, area: DirectoryArea): Promise<boolean> {
    const { areaId, ...fields } = area;
    return upsertIfNewer(this.areaModel, areaId, eventId, fields);
  }

  async moveArea(eventId: string, area: DirectoryArea): Promise<void> {
    if (await this.upsertArea(eventId, area)) {
      const newAncestors = area.ancestors;
      await Promise.all([
        repathDescendants(this.areaModel, area.areaId, newAncestors),
        repathDescendants(this.memberModel, area.areaId, newAncestors),
        repathDescendants(this.positionModel, area.areaId, newAncestors),
      ]);
    }
  }

  upsertMember(eventId: string, member: DirectoryMember): Promise<boolean> {
    const { memberId, ...fields } = member;
    return upsertIfNewer(this.memberModel, memberId, eventId, fields);
  }

  upsertPosition(
    eventId: string,
    position: {
      positionId: string;
      type: string;
      areaId: string;
      ancestors: string[];
      memberId: string | null;
    },
  ): Promise<boolean> {
    const { positionId, ...fields } = position;
    return upsertIfNewer(this.positionModel, positionId, eventId, fields);
  }
}
