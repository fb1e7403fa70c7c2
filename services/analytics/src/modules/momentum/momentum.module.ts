import { Module } from '@nestjs/common';
import { StartReplayHttpController } from './commands/start-replay/start-replay.http.controller';
import { MomentumIngestConsumer } from './events/momentum-ingest.consumer';
import { MomentumPublisher } from './infrastructure/momentum-publisher';
import { MomentumService } from './infrastructure/momentum.service';
import { GetAreaHttpController } from './queries/get-area/get-area.http.controller';
import { FindLaggardsHttpController } from './queries/find-laggards/find-laggards.http.controller';
import { GetAreaMomentumHttpController } from './queries/get-area-momentum/get-area-momentum.http.controller';
import { GetLeaderboardHttpController } from './queries/get-leaderboard/get-leaderboard.http.controller';
import { GetMomentumStatusHttpController } from './queries/get-momentum-status/get-momentum-status.http.controller';
import { StreamMomentumHttpController } from './queries/stream-momentum/stream-momentum.http.controller';

@Module({
  controllers: [
    GetAreaHttpController,
    GetAreaMomentumHttpController,
    FindLaggardsHttpController,
    GetLeaderboardHttpController,
    GetMomentumStatusHttpController,
    StreamMomentumHttpController,
    StartReplayHttpController,
  ],
  providers: [MomentumService, MomentumIngestConsumer, MomentumPublisher],
  exports: [MomentumIngestConsumer, MomentumService],
})
export class MomentumModule {}
