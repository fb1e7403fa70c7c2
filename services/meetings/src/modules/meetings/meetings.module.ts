import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OrgDirectoryModule } from '../org-directory/org-directory.module';
import { VcRoomsModule } from '../vc-rooms/vc-rooms.module';
import { AttendeeResolver } from './application/attendee-resolver';
import { MeetingWriter } from './application/meeting-writer';
import { MemberReferences } from './application/member-references';
import { PhotoReverifier } from './application/photo-reverifier';
import { MEETING_REPOSITORY } from './application/ports/meeting.repository.port';
import { PHOTO_BLOB_STORAGE } from './application/ports/photo-blob-storage.port';
import { PHOTO_REPOSITORY } from './application/ports/photo.repository.port';
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
import { PhotoRecheckEventController } from './events/photo-recheck.event-controller';
import { MeetingRepository } from './infrastructure/meeting.repository';
import { MeetingDocument, MeetingSchema } from './infrastructure/meeting.schema';
import { PhotoBlobRepository } from './infrastructure/photo-blob.repository';
import { PhotoRepository } from './infrastructure/photo.repository';
import { PhotoDocument, PhotoSchema } from './infrastructure/photo.schema';
import { OrphanPhotoSweepJob } from './jobs/orphan-photo-sweep.job';
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
    OrgDirectoryModule,
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
    PhotoRecheckEventController,
  ],
  providers: [
    ScheduleMeetingHandler,
    UploadPhotoHandler,
    MeetingWriter,
    PhotoReverifier,
    OrphanPhotoSweepJob,
    AttendeeResolver,
    MemberReferences,
    { provide: MEETING_REPOSITORY, useClass: MeetingRepository },
    { provide: PHOTO_REPOSITORY, useClass: PhotoRepository },
    { provide: PHOTO_BLOB_STORAGE, useClass: PhotoBlobRepository },
  ],
  exports: [MEETING_REPOSITORY, PHOTO_REPOSITORY],
})
export class MeetingsModule {}
