import { Module } from '@nestjs/common';
import { ServiceDefaultsModule } from '@sangathan/bootstrap';
import { CANDIDATES_TOPICS } from '@sangathan/contracts';
import { OrgDirectoryModule } from './modules/org-directory/org-directory.module';
import { PanelsModule } from './modules/panels/panels.module';

@Module({
  imports: [
    ServiceDefaultsModule.forRoot({
      serviceName: 'candidates-panel',
      outboxCollections: ['panels', 'feedback'],
      ownedTopics: CANDIDATES_TOPICS,
      consumer: { groupId: 'candidates-panel' },
    }),
    OrgDirectoryModule,
    PanelsModule,
  ],
})
export class AppModule {}
