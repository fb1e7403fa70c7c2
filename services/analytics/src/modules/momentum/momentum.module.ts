import { Module } from '@nestjs/common';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { MomentumPublisher } from './application/momentum-publisher';
import { MomentumService } from './application/momentum.service';
import { MOMENTUM_STATE_PORT } from './application/ports/momentum-state.port';
import { PUBLICATION_PORT } from './application/ports/publication.port';
import { REPLAY_SOURCE_PORT } from './application/ports/replay-source.port';
import { StartReplayHttpController } from './commands/start-replay/start-replay.http.controller';
import { MomentumIngestEventController } from './events/momentum-ingest.event-controller';
import { KafkaReplaySource } from './infrastructure/kafka-replay-source';
import { MomentumStateRepository } from './infrastructure/momentum-state.repository';
import { PublicationRepository } from './infrastructure/publication.repository';
import { PublicationDocument, PublicationSchema } from './infrastructure/publication.schema';
import { FindLaggardsHttpController } from './queries/find-laggards/find-laggards.http.controller';
import { GetAreaHttpController } from './queries/get-area/get-area.http.controller';
import { GetAreaMomentumHttpController } from './queries/get-area-momentum/get-area-momentum.http.controller';
import { GetLeaderboardHttpController } from './queries/get-leaderboard/get-leaderboard.http.controller';
import { GetMomentumStatusHttpController } from './queries/get-momentum-status/get-momentum-status.http.controller';

@Module({
  imports: [MongooseModule.forFeature([{ name: PublicationDocument.name, schema: PublicationSchema }])],
  controllers: [
    GetAreaHttpController,
    GetAreaMomentumHttpController,
    FindLaggardsHttpController,
    GetLeaderboardHttpController,
    GetMomentumStatusHttpController,
    StartReplayHttpController,
    MomentumIngestEventController,
  ],
  providers: [
    MomentumService,
    MomentumPublisher,
    {
      // The momentum state is opened at start, so its store waits for the database connection.
      provide: MOMENTUM_STATE_PORT,
      inject: [getConnectionToken()],
      useFactory: async (connection: Connection) => {
        await connection.asPromise();
        return new MomentumStateRepository(connection.db!);
      },
    },
    { provide: REPLAY_SOURCE_PORT, useClass: KafkaReplaySource },
    { provide: PUBLICATION_PORT, useClass: PublicationRepository },
  ],
  exports: [MomentumService],
})
export class MomentumModule {}
