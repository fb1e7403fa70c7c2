import { Module } from '@nestjs/common';
import { ServiceDefaultsModule } from '@sangathan/bootstrap';
import { TRAINING_TOPICS } from '@sangathan/contracts';
import { DirectoryModule } from './modules/directory/directory.module';
import { OrgAreaConsumer } from './modules/directory/events/org-area.consumer';
import { OrgMemberConsumer } from './modules/directory/events/org-member.consumer';
import { PositionAssignedConsumer } from './modules/training/events/position-assigned.consumer';
import { TrainingModule } from './modules/training/training.module';

@Module({
  imports: [
    ServiceDefaultsModule.forRoot({
      serviceName: 'training-events',
      // invitation_batches before participants: a sweep relays collections in this order, so a
      // batch's invited events go out before later events of the same participants.
      outboxCollections: ['programmes', 'sessions', 'invitation_batches', 'participants'],
      ownedTopics: TRAINING_TOPICS,
      consumer: {
        groupId: 'training-events',
        handlers: [OrgAreaConsumer, OrgMemberConsumer, PositionAssignedConsumer],
      },
    }),
    DirectoryModule,
    TrainingModule,
  ],
})
export class AppModule {}
