import { Module } from '@nestjs/common';
import { ServiceDefaultsModule } from '@sangathan/bootstrap';
import { ORG_TOPICS } from '@sangathan/contracts';
import { AreasModule } from './modules/areas/areas.module';

@Module({
  imports: [
    ServiceDefaultsModule.forRoot({ serviceName: 'org', outboxCollections: ['areas'], ownedTopics: ORG_TOPICS }),
    AreasModule,
  ],
})
export class AppModule {}
