import { Module } from '@nestjs/common';
import { ServiceDefaultsModule } from '@sangathan/bootstrap';
import { TRAINING_TOPICS } from '@sangathan/contracts';
import { OrgDirectoryModule } from './modules/org-directory/org-directory.module';
import { TrainingModule } from './modules/training/training.module';

@Module({
  imports: [
    ServiceDefaultsModule.forRoot({
      serviceName: 'training-events',
      // invitation_batches before participants: a sweep relays collections in this order, so a
      // batch's invited events go out before later events of the same participants.
      outboxCollections: ['programmes', 'sessions', 'invitation_batches', 'participants'],
      ownedTopics: TRAINING_TOPICS,
      consumer: { groupId: 'training-events' },
    }),
    OrgDirectoryModule,
    TrainingModule,
  ],
})
export class AppModule {}
