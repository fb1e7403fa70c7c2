import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { repath } from '@sangathan/persistence';
import type { Connection, mongo } from 'mongoose';
import type { AreaRepatherPort } from '../application/ports/area-repather.port';

type Pathed = {
  _id: string;
  version: number;
  areaId: string;
  ancestors: string[];
  linkedAreas?: { areaId: string; ancestors: string[] }[];
};

/**
 * Re-paths stored meetings and photos when an area moves (org.area.moved), so subtree lists and
 * scope checks follow the new hierarchy. Each document is updated conditioned on its version (it may
 * be edited through the API at the same time) and re-read on a miss.
 */
@Injectable()
export class AreaRepatherRepository implements AreaRepatherPort {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async repath(
    movedId: string,
    newAncestors: readonly string[],
    previousAncestors: readonly string[],
  ): Promise<void> {
    const db = this.connection.db!;
    // The path of an area (`id`, its `ancestors`) after the move; unchanged unless it still lies where the
    // move found it, so a redelivered older move does not pull it back.
    const moved = (id: string, ancestors: readonly string[]): string[] => {
      const under = id === movedId ? ancestors.length : ancestors.indexOf(movedId);
      const stillThere =
        under === previousAncestors.length && previousAncestors.every((a, i) => ancestors[i] === a);
      if (!stillThere) return [...ancestors];
      return id === movedId ? [...newAncestors] : repath(ancestors, movedId, newAncestors);
    };
    await this.each(db.collection('meetings'), { scopeKeys: movedId }, (doc) => {
      const ancestors = moved(doc.areaId, doc.ancestors);
      const linkedAreas = (doc.linkedAreas ?? []).map((l) => ({
        ...l,
        ancestors: moved(l.areaId, l.ancestors),
      }));
      const scopeKeys = [
        ...new Set([doc.areaId, ...ancestors, ...linkedAreas.flatMap((l) => [l.areaId, ...l.ancestors])]),
      ];
      return { ancestors, linkedAreas, scopeKeys };
    });
    await this.each(
      db.collection('meeting_photos'),
      { $or: [{ areaId: movedId }, { ancestors: movedId }] },
      (doc) => ({ ancestors: moved(doc.areaId, doc.ancestors) }),
    );
  }

  private async each(
    collection: mongo.Collection,
    filter: Record<string, unknown>,
    change: (doc: Pathed) => Record<string, unknown>,
  ): Promise<void> {
    const ids = (await collection.find(filter, { projection: { _id: 1 } }).toArray()).map(
      (d) => d._id as unknown as string,
    );
    for (const id of ids) {
      for (let attempt = 0; attempt < 5; attempt++) {
        const doc = (await collection.findOne({ _id: id } as never, {
          projection: { version: 1, areaId: 1, ancestors: 1, linkedAreas: 1 },
        })) as unknown as Pathed | null;
        if (!doc) break;
        const version = doc.version ?? 0;
        const result = await collection.updateOne({ _id: id, version } as never, {
          $set: { ...change(doc), version: version + 1 },
        });
        if (result.matchedCount === 1) break;
      }
    }
  }
}
