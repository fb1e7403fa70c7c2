import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AreasModule } from '../areas/areas.module';
import { RosterModule } from '../roster/roster.module';
import { VcRoomsModule } from '../vc-rooms/vc-rooms.module';
import { AttendeeResolver } from './attendee-resolver';
import { CancelMeetingHttpController } from './commands/cancel-meeting/cancel-meeting.http.controller';
import { QrCheckInHttpController } from './commands/qr-check-in/qr-check-in.http.controller';
import { RecordAttendanceHttpController } from './commands/record-attendance/record-attendance.http.controller';
import { RecordHeldHttpController } from './commands/record-held/record-held.http.controller';
import { ReviewPhotoHttpController } from './commands/review-photo/review-photo.http.controller';
import { ScheduleMeetingHandler } from './commands/schedule-meeting/schedule-meeting.handler';
import { ScheduleMeetingHttpController } from './commands/schedule-meeting/schedule-meeting.http.controller';
import { UpdateMeetingHttpController } from './commands/update-meeting/update-meeting.http.controller';
import { UploadPhotoHandler } from './commands/upload-photo/upload-photo.handler';
import { UploadPhotoHttpController } from './commands/upload-photo/upload-photo.http.controller';
import { PhotoRecheckConsumer } from './events/photo-recheck.consumer';
import { GridFsPhotoStorage } from './infrastructure/gridfs-photo-storage';
import { MeetingMongoRepository } from './infrastructure/meeting.mongo-repository';
import { MEETING_REPOSITORY } from './infrastructure/meeting.repository.port';
import { MeetingDocument, MeetingSchema } from './infrastructure/meeting.schema';
import { PHOTO_BLOB_STORAGE } from './infrastructure/photo-blob-storage.port';
import { PhotoDocument, PhotoSchema } from './infrastructure/photo.schema';
import { PhotoStore } from './infrastructure/photo.store';
import { OrphanPhotoSweepJob } from './jobs/orphan-photo-sweep.job';
import { MeetingWriter } from './meeting-writer';
import { MemberReferences } from './member-references';
import { PhotoReverifier } from './photo-reverifier';
import { GetMeetingHttpController } from './queries/get-meeting/get-meeting.http.controller';
import { ListMeetingsHttpController } from './queries/list-meetings/list-meetings.http.controller';
import { ListPhotosHttpController } from './queries/list-photos/list-photos.http.controller';
import { MeetingCalendarHttpController } from './queries/meeting-calendar/meeting-calendar.http.controller';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: MeetingDocument.name, schema: MeetingSchema },
      { name: PhotoDocument.name, schema: PhotoSchema },
    ]),
    AreasModule,
    RosterModule,
    VcRoomsModule,
  ],
  controllers: [
    ScheduleMeetingHttpController,
    ListMeetingsHttpController,
    MeetingCalendarHttpController,
    GetMeetingHttpController,
    UpdateMeetingHttpController,
    CancelMeetingHttpController,
    RecordHeldHttpController,
    RecordAttendanceHttpController,
    QrCheckInHttpController,
    UploadPhotoHttpController,
    ListPhotosHttpController,
    ReviewPhotoHttpController,
  ],
  providers: [
    ScheduleMeetingHandler,
    UploadPhotoHandler,
    MeetingWriter,
    PhotoReverifier,
    PhotoRecheckConsumer,
    OrphanPhotoSweepJob,
    AttendeeResolver,
    MemberReferences,
    PhotoStore,
    { provide: MEETING_REPOSITORY, useClass: MeetingMongoRepository },
    { provide: PHOTO_BLOB_STORAGE, useClass: GridFsPhotoStorage },
  ],
  exports: [MEETING_REPOSITORY, PhotoStore, PhotoRecheckConsumer],
})
export class MeetingsModule {}
