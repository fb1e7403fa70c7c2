import type { EventEnvelope } from '@sangathan/contracts';
import { TopicProbe, waitFor } from '@sangathan/testing';
import request from 'supertest';
import { OrphanPhotoSweepJob } from '../src/modules/meetings/jobs/orphan-photo-sweep.job';
import { PhotoReverifier } from '../src/modules/meetings/application/photo-reverifier';
import {
  PHOTO_BLOB_STORAGE,
  type PhotoBlobStoragePort,
} from '../src/modules/meetings/application/ports/photo-blob-storage.port';
import {
  PHOTO_REPOSITORY,
  type PhotoRepositoryPort,
} from '../src/modules/meetings/application/ports/photo.repository.port';
import { buildExifJpeg, buildPng } from './support/exif-jpeg';
import {
  inMinutes,
  LKO_INCHARGE,
  LKO_PRESIDENT,
  startMeetings,
  STATE_LEADER,
  type Harness,
} from './support/harness';

/** EXIF local time (IST, no offset recorded) for an instant. */
const exifTime = (iso: string) =>
  new Date(new Date(iso).getTime() + 330 * 60_000)
    .toISOString()
    .slice(0, 19)
    .replace('T', ' ')
    .replace(/-/g, ':');
const LUCKNOW = { lat: 26.85, lon: 80.95 };
const AGRA = { lat: 27.18, lon: 78.01 };

describe('meeting photos (GridFS on FerretDB, EXIF verification)', () => {
  let h: Harness;
  let probe: TopicProbe;
  let meetingProbe: TopicProbe;
  const server = () => request(h.app.getHttpServer());
  const photoEvents = (meetingId: string) =>
    probe.messages
      .filter((m) => m.key === meetingId)
      .map((m) => JSON.parse(m.value) as EventEnvelope<Record<string, unknown>>);

  beforeAll(async () => {
    process.env.PHOTO_MAX_BYTES = String(1024 * 1024);
    h = await startMeetings('mtg-photo');
    probe = await new TopicProbe(`${h.topicPrefix}meetings.photo.events`).start();
    meetingProbe = await new TopicProbe(`${h.topicPrefix}meetings.meeting.events`).start();
    // Lucknow district gets a bounding box; its assembly seat inherits it.
    await server()
      .put('/areas/D-LKO/geo')
      .set('Authorization', h.auth(STATE_LEADER))
      .send({ geo: { kind: 'bbox', south: 26.5, west: 80.6, north: 27.2, east: 81.3 } })
      .expect(200);
  });

  afterAll(async () => {
    delete process.env.PHOTO_MAX_BYTES;
    await probe?.stop();
    await meetingProbe?.stop();
    await h?.close();
  });

  async function heldMeeting(): Promise<{ id: string; start: string }> {
    const start = inMinutes(-90);
    const created = await server()
      .post('/meetings')
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({
        kind: 'daily-small',
        title: 'photo meeting',
        areaId: 'AC-173',
        organiserId: LKO_INCHARGE.sub,
        scheduledStart: start,
        scheduledEnd: inMinutes(-30),
      })
      .expect(201);
    await server()
      .post(`/meetings/${created.body.id}/held`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({ start, end: inMinutes(-30), headcount: 8 })
      .expect(200);
    return { id: created.body.id, start };
  }

  /** A meeting planned for yesterday (not held): a photo taken today mismatches its planned time. */
  async function plannedYesterday(title: string): Promise<string> {
    const created = await server()
      .post('/meetings')
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({
        kind: 'daily-small',
        title,
        areaId: 'AC-173',
        organiserId: LKO_INCHARGE.sub,
        scheduledStart: inMinutes(-30 * 60),
        scheduledEnd: inMinutes(-29 * 60),
      })
      .expect(201);
    return created.body.id as string;
  }

  const upload = (meetingId: string, file: Buffer, name = 'photo.jpg', contentType = 'image/jpeg') =>
    server()
      .post(`/meetings/${meetingId}/photos`)
      .set('Authorization', h.auth(LKO_INCHARGE))
      .attach('photo', file, { filename: name, contentType });

  it('stores a photo in GridFS and serves the same bytes back', async () => {
    const { id, start } = await heldMeeting();
    const jpeg = buildExifJpeg({ dateTimeOriginal: exifTime(start), gps: LUCKNOW }, { sizeBytes: 600_000 });
    const res = await upload(id, jpeg).expect(201);
    const photo = res.body.photos[0];
    expect(photo).toMatchObject({
      contentType: 'image/jpeg',
      sizeBytes: jpeg.length,
      verdict: 'verified',
      verified: true,
      geoAreaId: 'D-LKO',
    });
    expect(await h.db.collection('photos.files').countDocuments({ _id: photo.id })).toBe(1);
    expect(await h.db.collection('photos.chunks').countDocuments({ files_id: photo.id })).toBe(
      Math.ceil(jpeg.length / (255 * 1024)),
    );
    const content = await server()
      .get(`/photos/${photo.id}/content`)
      .set('Authorization', h.auth(STATE_LEADER))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(Buffer.compare(content.body as Buffer, jpeg)).toBe(0);
  });

  it('publishes submitted then verified for a photo whose EXIF time and place match', async () => {
    const { id, start } = await heldMeeting();
    await upload(id, buildExifJpeg({ dateTimeOriginal: exifTime(start), gps: LUCKNOW })).expect(201);
    const events = await waitFor(() => (photoEvents(id).length >= 2 ? photoEvents(id) : undefined), {
      what: 'photo events',
    });
    expect(events.map((e) => e.type)).toEqual(['meetings.photo.submitted', 'meetings.photo.verified']);
    expect(events[1].payload).toMatchObject({
      meetingId: id,
      verified: true,
      method: 'exif',
      organiserId: LKO_INCHARGE.sub,
      areaId: 'AC-173',
    });
  });

  it('marks a photo taken in Agra as a location mismatch and flags it', async () => {
    const { id, start } = await heldMeeting();
    const res = await upload(id, buildExifJpeg({ dateTimeOriginal: exifTime(start), gps: AGRA })).expect(201);
    expect(res.body.photos[0]).toMatchObject({
      verdict: 'mismatch',
      reasons: ['location-mismatch'],
      verified: false,
    });
    const events = await waitFor(() => (photoEvents(id).length >= 2 ? photoEvents(id) : undefined), {
      what: 'flag event',
    });
    expect(events[1]).toMatchObject({
      type: 'meetings.photo.flagged',
      payload: { verified: false, verdict: 'mismatch', reasons: ['location-mismatch'] },
    });
  });

  it('marks a photo from the day before as a time mismatch', async () => {
    const { id, start } = await heldMeeting();
    const dayBefore = new Date(new Date(start).getTime() - 86_400_000).toISOString();
    const res = await upload(id, buildExifJpeg({ dateTimeOriginal: exifTime(dayBefore) })).expect(201);
    expect(res.body.photos[0]).toMatchObject({ verdict: 'mismatch', reasons: ['time-mismatch'] });
  });

  it('says no-metadata for a photo without EXIF (a PNG here)', async () => {
    const { id } = await heldMeeting();
    const res = await upload(id, buildPng(), 'photo.png', 'image/png').expect(201);
    expect(res.body.photos[0]).toMatchObject({
      contentType: 'image/png',
      verdict: 'no-metadata',
      reasons: ['no-metadata'],
      verified: false,
    });
  });

  it('flags the same photo reused for another meeting, and refuses it twice for one meeting', async () => {
    const first = await heldMeeting();
    const second = await heldMeeting();
    const jpeg = buildExifJpeg({ dateTimeOriginal: exifTime(first.start), gps: LUCKNOW });
    await upload(first.id, jpeg).expect(201);
    const reused = await upload(second.id, jpeg).expect(201);
    expect(reused.body.photos[0]).toMatchObject({
      verified: false,
      duplicateOfMeetingIds: [first.id],
      reasons: expect.arrayContaining(['duplicate']),
    });
    const again = await upload(first.id, jpeg).expect(409);
    expect(again.body.error.code).toBe('DUPLICATE_PHOTO');
  });

  it('refuses a file that is not an image (415) and leaves no record and no GridFS bytes', async () => {
    const { id } = await heldMeeting();
    const files = await h.db.collection('photos.files').countDocuments({});
    const chunks = await h.db.collection('photos.chunks').countDocuments({});
    const res = await upload(id, Buffer.from('%PDF-1.7\n'.repeat(5000)), 'minutes.jpg', 'image/jpeg').expect(
      415,
    );
    expect(res.body.error.code).toBe('NOT_AN_IMAGE');
    expect(await h.db.collection('meeting_photos').countDocuments({ meetingId: id })).toBe(0);
    expect(await h.db.collection('photos.files').countDocuments({})).toBe(files);
    expect(await h.db.collection('photos.chunks').countDocuments({})).toBe(chunks);
    expect(await h.db.collection('photo_uploads').countDocuments({})).toBe(0);
  });

  it('refuses a photo over the size limit (413) and removes what was streamed', async () => {
    const { id } = await heldMeeting();
    const chunks = await h.db.collection('photos.chunks').countDocuments({});
    const res = await upload(id, buildExifJpeg(null, { sizeBytes: 1024 * 1024 + 10 })).expect(413);
    expect(res.body.error.code).toBe('PHOTO_TOO_LARGE');
    expect(await h.db.collection('meeting_photos').countDocuments({ meetingId: id })).toBe(0);
    // The clean-up runs after the answer: the streamed chunks, then the upload's own record.
    await waitFor(
      async () =>
        (await h.db.collection('photos.chunks').countDocuments({})) === chunks &&
        (await h.db.collection('photo_uploads').countDocuments({})) === 0,
      { what: 'chunks and the upload record removed' },
    );
    expect(await h.db.collection('photos.chunks').countDocuments({})).toBe(chunks);
    expect(await h.db.collection('photo_uploads').countDocuments({})).toBe(0);
  });

  it('lets a reviewer (not the uploader) confirm a flagged photo, once', async () => {
    const { id } = await heldMeeting();
    const photo = (await upload(id, buildExifJpeg(null)).expect(201)).body.photos[0];
    const self = await server()
      .post(`/photos/${photo.id}/review`)
      .set('Authorization', h.auth(LKO_INCHARGE))
      .send({ decision: 'verify' })
      .expect(403);
    expect(self.body.error.code).toBe('SELF_REVIEW');
    const ok = await server()
      .post(`/photos/${photo.id}/review`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({ decision: 'verify', note: 'seen on WhatsApp' })
      .expect(200);
    expect(ok.body).toMatchObject({ verified: true, review: { decision: 'verify', by: LKO_PRESIDENT.sub } });
    await server()
      .post(`/photos/${photo.id}/review`)
      .set('Authorization', h.auth(STATE_LEADER))
      .send({ decision: 'reject' })
      .expect(409);
    const events = await waitFor(
      () => (photoEvents(id).some((e) => e.type === 'meetings.photo.verified') ? photoEvents(id) : undefined),
      { what: 'reviewer verified' },
    );
    expect(events.find((e) => e.type === 'meetings.photo.verified')!.payload).toMatchObject({
      method: 'reviewer',
    });
    const meeting = await server()
      .get(`/meetings/${id}`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .expect(200);
    expect(meeting.body).toMatchObject({ photoCount: 1, verifiedPhotoCount: 1 });
  });

  it('refuses a JSON body where a multipart upload is expected (415)', async () => {
    const { id } = await heldMeeting();
    const res = await server()
      .post(`/meetings/${id}/photos`)
      .set('Authorization', h.auth(LKO_INCHARGE))
      .send({ photo: 'x' })
      .expect(415);
    expect(res.body.error.code).toBe('NOT_MULTIPART');
  });

  it('judges photos again when the meeting is recorded held at other times than planned, and the held event counts the new verdict', async () => {
    // Planned yesterday; the photo was taken 90 minutes ago, when the meeting really took place.
    const id = await plannedYesterday('moved meeting');
    const photo = (
      await upload(id, buildExifJpeg({ dateTimeOriginal: exifTime(inMinutes(-80)), gps: LUCKNOW })).expect(
        201,
      )
    ).body.photos[0];
    expect(photo).toMatchObject({ verdict: 'mismatch', reasons: ['time-mismatch'], verified: false });

    await server()
      .post(`/meetings/${id}/held`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({ start: inMinutes(-90), end: inMinutes(-30), headcount: 6 })
      .expect(200);

    const listed = await server()
      .get(`/meetings/${id}/photos`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        id: photo.id,
        verdict: 'verified',
        reasons: [],
        verified: true,
        geoAreaId: 'D-LKO',
      }),
    ]);
    const events = await waitFor(() => (photoEvents(id).length >= 3 ? photoEvents(id) : undefined), {
      what: 'photo re-verified event',
    });
    expect(events.map((e) => e.type)).toEqual([
      'meetings.photo.submitted',
      'meetings.photo.flagged',
      'meetings.photo.verified',
    ]);
    expect(events[2].payload).toMatchObject({ photoId: photo.id, method: 'exif', verified: true });
    const held = await waitFor(
      () =>
        meetingProbe.messages
          .map((m) => JSON.parse(m.value) as EventEnvelope<Record<string, unknown>>)
          .find((e) => e.type === 'meetings.meeting.held' && e.payload.meetingId === id),
      { what: 'held event' },
    );
    expect(held.payload).toMatchObject({ photoCount: 1, verifiedPhotoCount: 1 });
  });

  it('flags a verified photo when its meeting is rescheduled to another day, but keeps a reviewer’s confirmation', async () => {
    const start = inMinutes(-60);
    const created = await server()
      .post('/meetings')
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({
        kind: 'daily-small',
        title: 'to be moved',
        areaId: 'AC-173',
        organiserId: LKO_INCHARGE.sub,
        scheduledStart: start,
        scheduledEnd: inMinutes(30),
      })
      .expect(201);
    const id = created.body.id as string;
    const automatic = (
      await upload(id, buildExifJpeg({ dateTimeOriginal: exifTime(inMinutes(-50)) })).expect(201)
    ).body.photos[0];
    const reviewed = (
      await upload(id, buildExifJpeg({ dateTimeOriginal: exifTime(inMinutes(-40)) })).expect(201)
    ).body.photos[0];
    expect([automatic.verified, reviewed.verified]).toEqual([true, true]);
    await server()
      .post(`/photos/${reviewed.id}/review`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({ decision: 'verify', note: 'मौके पर देखा' })
      .expect(200);

    await server()
      .patch(`/meetings/${id}`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({ scheduledStart: inMinutes(24 * 60), scheduledEnd: inMinutes(25 * 60) })
      .expect(200);

    const after = new Map(
      (
        (await h.db.collection('meeting_photos').find({ meetingId: id }).toArray()) as unknown as {
          _id: string;
          verdict: string;
          reasons: string[];
          verified: boolean;
        }[]
      ).map((p) => [p._id, p]),
    );
    expect(after.get(automatic.id)).toMatchObject({
      verdict: 'mismatch',
      reasons: ['time-mismatch'],
      verified: false,
    });
    expect(after.get(reviewed.id)).toMatchObject({
      verdict: 'mismatch',
      reasons: ['time-mismatch'],
      verified: true,
    });
    const meeting = await server()
      .get(`/meetings/${id}`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .expect(200);
    expect(meeting.body).toMatchObject({ photoCount: 2, verifiedPhotoCount: 1 });
    const flagged = await waitFor(
      () =>
        photoEvents(id).find(
          (e) => e.type === 'meetings.photo.flagged' && e.payload.photoId === automatic.id,
        ),
      { what: 'flagged after reschedule' },
    );
    expect(flagged.payload).toMatchObject({ verdict: 'mismatch', reasons: ['time-mismatch'] });
  });

  it('sweeps GridFS blobs that no photo record refers to once they are older than the grace period, and keeps recorded ones', async () => {
    const { id, start } = await heldMeeting();
    const recorded = (
      await upload(id, buildExifJpeg({ dateTimeOriginal: exifTime(start) }, { sizeBytes: 300_000 })).expect(
        201,
      )
    ).body.photos[0];
    expect(await h.db.collection('photo_uploads').countDocuments({ _id: recorded.id })).toBe(0);
    // A blob whose record was never written (the process died between the two).
    const blobs = h.app.get<PhotoBlobStoragePort>(PHOTO_BLOB_STORAGE);
    const orphanId = `orphan-${Date.now()}`;
    const upload2 = await blobs.openUpload(orphanId, 'lost.jpg', { meetingId: id });
    await new Promise<void>((resolve, reject) =>
      upload2.stream.on('error', reject).end(Buffer.alloc(600_000, 7), () => resolve()),
    );
    await waitFor(
      async () => (await h.db.collection('photos.files').countDocuments({ _id: orphanId as never })) === 1,
      { what: 'orphan stored' },
    );
    expect(await h.db.collection('photos.chunks').countDocuments({ files_id: orphanId })).toBe(3);
    const sweeper = h.app.get(OrphanPhotoSweepJob);

    expect(await sweeper.sweep(new Date())).not.toContain(orphanId);
    expect(await h.db.collection('photos.files').countDocuments({ _id: orphanId as never })).toBe(1);

    const removed = await sweeper.sweep(new Date(Date.now() + 2 * 3600_000));
    expect(removed).toContain(orphanId);
    expect(removed).not.toContain(recorded.id);
    expect(await h.db.collection('photos.files').countDocuments({ _id: orphanId as never })).toBe(0);
    expect(await h.db.collection('photos.chunks').countDocuments({ files_id: orphanId })).toBe(0);
    expect(await h.db.collection('photo_uploads').countDocuments({ _id: orphanId as never })).toBe(0);
    expect(await h.db.collection('photos.files').countDocuments({ _id: recorded.id })).toBe(1);
    expect(await h.db.collection('photos.chunks').countDocuments({ files_id: recorded.id })).toBeGreaterThan(
      0,
    );
  });

  it('sweeps the chunks of an upload interrupted mid-stream (no photos.files document) after the grace period', async () => {
    const { id } = await heldMeeting();
    const blobs = h.app.get<PhotoBlobStoragePort>(PHOTO_BLOB_STORAGE);
    const partialId = `partial-${Date.now()}`;
    // Two full chunks reach the database, then the process "dies": the stream is never ended or aborted.
    const interrupted = await blobs.openUpload(partialId, 'cut.jpg', { meetingId: id });
    interrupted.stream.write(Buffer.alloc(600_000, 9));
    await waitFor(
      async () => (await h.db.collection('photos.chunks').countDocuments({ files_id: partialId })) === 2,
      { what: 'chunks of the interrupted upload' },
    );
    expect(await h.db.collection('photos.files').countDocuments({ _id: partialId as never })).toBe(0);
    const sweeper = h.app.get(OrphanPhotoSweepJob);

    expect(await sweeper.sweep(new Date())).not.toContain(partialId);
    expect(await h.db.collection('photos.chunks').countDocuments({ files_id: partialId })).toBe(2);

    expect(await sweeper.sweep(new Date(Date.now() + 2 * 3600_000))).toContain(partialId);
    expect(await h.db.collection('photos.chunks').countDocuments({ files_id: partialId })).toBe(0);
    expect(await h.db.collection('photo_uploads').countDocuments({ _id: partialId as never })).toBe(0);
  });

  it('settles, and keeps, a blob whose record was written before the process stopped', async () => {
    const { id, start } = await heldMeeting();
    const recorded = (await upload(id, buildExifJpeg({ dateTimeOriginal: exifTime(start) })).expect(201)).body
      .photos[0];
    // As if the process had died between the record insert and settling the upload.
    await h.db.collection('photo_uploads').insertOne({ _id: recorded.id, startedAt: new Date() } as never);

    expect(await h.app.get(OrphanPhotoSweepJob).sweep(new Date(Date.now() + 2 * 3600_000))).not.toContain(
      recorded.id,
    );
    expect(await h.db.collection('photo_uploads').countDocuments({ _id: recorded.id })).toBe(0);
    expect(await h.db.collection('photos.files').countDocuments({ _id: recorded.id })).toBe(1);
  });

  it('completes the photo re-check from the held event when the process stopped between the meeting write and the photos', async () => {
    // Planned yesterday; the photo was taken 80 minutes ago, when the meeting really took place.
    const id = await plannedYesterday('crash after held');
    const photo = (
      await upload(id, buildExifJpeg({ dateTimeOriginal: exifTime(inMinutes(-80)), gps: LUCKNOW })).expect(
        201,
      )
    ).body.photos[0];
    expect(photo).toMatchObject({ verdict: 'mismatch', verified: false });
    // The request dies right after the meeting's write, before it saves the photos' new verdicts.
    const reverifier = h.app.get(PhotoReverifier);
    const apply = jest.spyOn(reverifier, 'apply').mockRejectedValueOnce(new Error('process stopped'));
    try {
      await server()
        .post(`/meetings/${id}/held`)
        .set('Authorization', h.auth(LKO_PRESIDENT))
        .send({ start: inMinutes(-90), end: inMinutes(-30), headcount: 6 })
        .expect(500);
      expect(apply).toHaveBeenCalledTimes(1);
      expect(
        (await server().get(`/meetings/${id}`).set('Authorization', h.auth(LKO_PRESIDENT)).expect(200)).body
          .status,
      ).toBe('held');

      const rejudged = await waitFor(
        async () => {
          const doc = (await h.db.collection('meeting_photos').findOne({ _id: photo.id })) as unknown as {
            verdict: string;
            verified: boolean;
          } | null;
          return doc?.verified ? doc : undefined;
        },
        { what: 'photo re-judged from the held event' },
      );
      expect(rejudged).toMatchObject({ verdict: 'verified', verified: true });
      expect(apply.mock.calls.length).toBeGreaterThanOrEqual(2);
      const verified = await waitFor(
        () => photoEvents(id).find((e) => e.type === 'meetings.photo.verified'),
        { what: 'verified event' },
      );
      expect(verified.payload).toMatchObject({ photoId: photo.id, method: 'exif' });
    } finally {
      apply.mockRestore();
    }
  });
  it('judges a photo again when the meeting is recorded held while its upload is between attaching and recording it', async () => {
    const id = await plannedYesterday('held during upload');
    // Hold the upload after it attached the photo to the meeting, before it writes the photo's record.
    const store = h.app.get<PhotoRepositoryPort>(PHOTO_REPOSITORY);
    const insert = store.insert.bind(store);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reachedInsert!: () => void;
    const atInsert = new Promise<void>((resolve) => (reachedInsert = resolve));
    const spy = jest.spyOn(store, 'insert').mockImplementation(async (...args) => {
      reachedInsert();
      await gate;
      return insert(...args);
    });
    try {
      const uploading = upload(
        id,
        buildExifJpeg({ dateTimeOriginal: exifTime(inMinutes(-80)), gps: LUCKNOW }),
      ).then((r) => r);
      await atInsert;
      await server()
        .post(`/meetings/${id}/held`)
        .set('Authorization', h.auth(LKO_PRESIDENT))
        .send({ start: inMinutes(-90), end: inMinutes(-30), headcount: 3 })
        .expect(200);
      release();
      const uploaded = await uploading;
      expect(uploaded.status).toBe(201);
      // Judged at first against the planned window (yesterday), then again once the upload saw the held write.
      expect(uploaded.body.photos[0]).toMatchObject({ verdict: 'mismatch' });
      const listed = await server()
        .get(`/meetings/${id}/photos`)
        .set('Authorization', h.auth(LKO_PRESIDENT))
        .expect(200);
      expect(listed.body.items).toEqual([
        expect.objectContaining({ id: uploaded.body.photos[0].id, verdict: 'verified', verified: true }),
      ]);
    } finally {
      spy.mockRestore();
    }
  });

  it('finds the photos of a meeting stored before meetings listed their photo ids', async () => {
    const { id, start } = await heldMeeting();
    const photo = (await upload(id, buildExifJpeg({ dateTimeOriginal: exifTime(start) })).expect(201)).body
      .photos[0];
    await h.db.collection('meetings').updateOne({ _id: id as never }, { $unset: { photoIds: '' } });
    const listed = await server()
      .get(`/meetings/${id}/photos`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .expect(200);
    expect(listed.body.items.map((p: { id: string }) => p.id)).toEqual([photo.id]);
    const meeting = await server()
      .get(`/meetings/${id}`)
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .expect(200);
    expect(meeting.body).toMatchObject({ photoCount: 1, verifiedPhotoCount: 1 });
  });
});
