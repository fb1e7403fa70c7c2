import { waitFor } from '@sangathan/testing';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { buildExifJpeg } from './support/exif-jpeg';
import { inMinutes, LKO_INCHARGE, LKO_PRESIDENT, startMeetings, type Harness } from './support/harness';

const BOUNDARY = 'sangathan-fault-boundary';

/** A multipart body with one photo part, and the offset halfway into the photo's bytes. */
function multipartBody(photo: Buffer): { body: Buffer; halfway: number } {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="photo"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  return { body: Buffer.concat([head, photo, tail]), halfway: head.length + Math.floor(photo.length / 2) };
}

type RawResponse = { status: number; body: { error?: { code: string } } };

/** Reads one HTTP response from a raw socket (the service answers with content-length). */
function readResponse(socket: net.Socket): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let data = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = data.subarray(0, end).toString();
      const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
      if (data.length < end + 4 + length) return;
      resolve({
        status: Number(head.split(' ')[1]),
        body: JSON.parse(data.subarray(end + 4, end + 4 + length).toString() || '{}'),
      });
    });
    socket.on('error', reject);
    socket.on('close', () =>
      reject(new Error(`connection closed without a full answer (${data.length} bytes read)`)),
    );
  });
}

describe('photo uploads that are cut off, abandoned or stalled', () => {
  let h: Harness;
  let port: number;
  const photo = buildExifJpeg(null, { sizeBytes: 700_000 });
  const count = (collection: string) => h.db.collection(collection).countDocuments({});

  beforeAll(async () => {
    process.env.PHOTO_IDLE_TIMEOUT_MS = '1500';
    h = await startMeetings('mtg-upload-faults');
    await new Promise<void>((resolve) => h.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    port = (h.app.getHttpServer().address() as AddressInfo).port;
  });

  afterAll(async () => {
    delete process.env.PHOTO_IDLE_TIMEOUT_MS;
    await h?.close();
  });

  async function meeting(): Promise<string> {
    const created = await h.http
      .post('/meetings')
      .set('Authorization', h.auth(LKO_PRESIDENT))
      .send({
        kind: 'daily-small',
        title: 'upload faults',
        areaId: 'AC-173',
        organiserId: LKO_INCHARGE.sub,
        scheduledStart: inMinutes(-60),
        scheduledEnd: inMinutes(-10),
      })
      .expect(201);
    return created.body.id as string;
  }

  /** Opens a raw connection and sends the request head, declaring `contentLength` body bytes. */
  async function openUpload(meetingId: string, contentLength: number): Promise<net.Socket> {
    const socket = net.connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    socket.write(
      `POST /meetings/${meetingId}/photos HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${h.auth(LKO_INCHARGE)}\r\n` +
        `Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\nContent-Length: ${contentLength}\r\n\r\n`,
    );
    return socket;
  }

  /** The service still answers, and a whole upload to the same meeting still succeeds. */
  async function expectServiceUp(meetingId: string): Promise<void> {
    await h.http.get('/health/live').expect(200);
    await h.http
      .post(`/meetings/${meetingId}/photos`)
      .set('Authorization', h.auth(LKO_INCHARGE))
      .attach('photo', buildExifJpeg(null), { filename: 'whole.jpg', contentType: 'image/jpeg' })
      .expect(201);
  }

  it('answers 400 to a body that ends inside the photo, removes the partial file and stays up', async () => {
    const id = await meeting();
    const [chunks, files] = [await count('photos.chunks'), await count('photos.files')];
    const { body, halfway } = multipartBody(photo);
    const socket = await openUpload(id, halfway);
    const answer = readResponse(socket);
    socket.write(body.subarray(0, halfway));

    const response = await answer;
    socket.destroy();

    expect(response.status).toBe(400);
    expect(response.body.error?.code).toMatch(/^(TRUNCATED_UPLOAD|MALFORMED_MULTIPART)$/);
    expect(await count('photos.chunks')).toBe(chunks);
    expect(await count('photos.files')).toBe(files);
    expect(await count('photo_uploads')).toBe(0);
    expect(await h.db.collection('meeting_photos').countDocuments({ meetingId: id })).toBe(0);
    await expectServiceUp(id);
  });

  it('removes the partial file of a client that sends half its photo and closes the connection', async () => {
    const id = await meeting();
    const chunks = await count('photos.chunks');
    const { body, halfway } = multipartBody(photo);
    const socket = await openUpload(id, body.length);
    socket.on('error', () => undefined);
    socket.write(body.subarray(0, halfway));
    // The upload has begun: its record and at least one chunk are stored.
    await waitFor(
      async () => (await count('photo_uploads')) === 1 && (await count('photos.chunks')) > chunks,
      { what: 'partial upload stored' },
    );

    socket.destroy();

    await waitFor(
      async () => (await count('photo_uploads')) === 0 && (await count('photos.chunks')) === chunks,
      { what: 'partial upload removed' },
    );
    expect(await h.db.collection('meeting_photos').countDocuments({ meetingId: id })).toBe(0);
    await expectServiceUp(id);
  });

  it('answers 400 to a client that stops sending halfway, once the idle time has passed, and removes the partial file', async () => {
    const id = await meeting();
    const chunks = await count('photos.chunks');
    const { body, halfway } = multipartBody(photo);
    const socket = await openUpload(id, body.length);
    const answer = readResponse(socket);
    socket.write(body.subarray(0, halfway));
    await waitFor(async () => (await count('photo_uploads')) === 1, { what: 'partial upload stored' });

    const response = await answer;
    socket.destroy();

    expect(response).toMatchObject({ status: 400, body: { error: { code: 'UPLOAD_STALLED' } } });
    await waitFor(
      async () => (await count('photo_uploads')) === 0 && (await count('photos.chunks')) === chunks,
      { what: 'partial upload removed' },
    );
    await expectServiceUp(id);
  });
});
