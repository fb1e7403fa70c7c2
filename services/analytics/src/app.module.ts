import { Module } from '@nestjs/common';
import { ServiceDefaultsModule } from '@sangathan/bootstrap';
import { AreaDirectoryModule } from './modules/area-directory/area-directory.module';
import { AreaCreatedConsumer } from './modules/area-directory/events/area-created.consumer';

@Module({
  imports: [
    ServiceDefaultsModule.forRoot({
      serviceName: 'analytics',
      consumer: { groupId: 'analytics', handlers: [AreaCreatedConsumer] },
    }),
    AreaDirectoryModule,
  ],
})
export class AppModule {}
