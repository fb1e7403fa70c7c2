import { Module } from '@nestjs/common';
import { ServiceDefaultsModule } from '@sangathan/bootstrap';
import { CANDIDATES_TOPICS } from '@sangathan/contracts';
import { DirectoryModule } from './modules/directory/directory.module';
import { PanelsModule } from './modules/panels/panels.module';

@Module({
  imports: [
    ServiceDefaultsModule.forRoot({
      serviceName: 'candidates-panel',
      outboxCollections: ['panels', 'feedback'],
      ownedTopics: CANDIDATES_TOPICS,
      consumer: { groupId: 'candidates-panel' },
    }),
    DirectoryModule,
    PanelsModule,
  ],
})
export class AppModule {}
