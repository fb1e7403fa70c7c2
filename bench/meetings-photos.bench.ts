// Photo upload of a 3 MB JPEG (with EXIF) through multipart into GridFS.
//   npm run bench -- meetings-photos           # 200 uploads
//   npm run bench -- meetings-photos --full    # 1,000 uploads
//   options: --uploads N --concurrency C --mb M
// Prints p50/p95/p99 upload latency, MB/s, and the service's resident memory (its own process)
// sampled through the run: streamed uploads keep it flat; a buffered upload would grow with
// concurrency × size and the GC churn would show.
import { randomBytes } from 'node:crypto';
import { call, pool, rssMiB, startMeetingsService } from './meetings-support';
import { argNumber, flag, percentile, report, runBench } from './bench-utils';

const full = flag('full');
const uploads = argNumber('uploads', full ? 1_000 : 200);
const concurrency = argNumber('concurrency', 4);
const sizeBytes = Math.round(argNumber('mb', 3) * 1024 * 1024);

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(marker, 0);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** EXIF APP1 with DateTimeOriginal only (big-endian TIFF, IFD0 → Exif IFD). */
function exifApp1(dateTimeOriginal: string): Buffer {
  const tiff = Buffer.alloc(8 + 18 + 18 + 20);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8); // IFD0: one entry, ExifIFD pointer
  tiff.writeUInt16BE(0x8769, 10);
  tiff.writeUInt16BE(4, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt32BE(26, 18);
  tiff.writeUInt32BE(0, 22);
  tiff.writeUInt16BE(1, 26); // Exif IFD: DateTimeOriginal
  tiff.writeUInt16BE(0x9003, 28);
  tiff.writeUInt16BE(2, 30);
  tiff.writeUInt32BE(20, 32);
  tiff.writeUInt32BE(44, 36);
  tiff.writeUInt32BE(0, 40);
  tiff.write(`${dateTimeOriginal}\0`, 44, 'latin1');
  return segment(0xffe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]));
}

async function main(): Promise<void> {
  const service = await startMeetingsService('mtg-photo');
  try {
    const start = new Date(Date.now() - 60 * 60_000);
    const created = await call(service.port, 'POST', '/meetings', {
      kind: 'daily-small',
      title: 'photo bench',
      areaId: 'AC-173',
      scheduledStart: start.toISOString(),
      scheduledEnd: new Date(start.getTime() + 45 * 60_000).toISOString(),
    });
    const meetingId = (JSON.parse(created.body) as { id: string }).id;
    const exifTime = new Date(start.getTime() + 330 * 60_000 + 10 * 60_000)
      .toISOString()
      .slice(0, 19)
      .replace('T', ' ')
      .replace(/-/g, ':');
    const soi = Buffer.from([0xff, 0xd8]);
    const app1 = exifApp1(exifTime);
    const eoi = Buffer.from([0xff, 0xd9]);
    // One shared 3 MB filler: the client never builds a fresh 3 MB buffer per request.
    const filler = Buffer.alloc(sizeBytes - soi.length - app1.length - 32 - eoi.length, 0x00);
    const boundary = `----meetingsbench${randomBytes(8).toString('hex')}`;
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="meeting.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const body = () => [
      head,
      soi,
      app1,
      segment(0xfffe, Buffer.from(randomBytes(14).toString('hex'))),
      filler,
      eoi,
      tail,
    ];

    const latencies: number[] = [];
    const rss: number[] = [];
    const verdicts = new Map<string, number>();
    let errors = 0;
    // Warm-up so the first samples are not JIT and pool start-up.
    await pool(10, concurrency, async () => {
      await call(service.port, 'POST', `/meetings/${meetingId}/photos`, body(), {
        'content-type': `multipart/form-data; boundary=${boundary}`,
      });
    });
    const rssStart = rssMiB(service.pid);
    const sampler = setInterval(() => rss.push(rssMiB(service.pid)), 250);
    const t = performance.now();
    await pool(uploads, concurrency, async () => {
      const res = await call(service.port, 'POST', `/meetings/${meetingId}/photos`, body(), {
        'content-type': `multipart/form-data; boundary=${boundary}`,
      });
      latencies.push(res.ms);
      if (res.status !== 201) errors++;
      else {
        const verdict = (JSON.parse(res.body) as { photos: { verdict: string }[] }).photos[0].verdict;
        verdicts.set(verdict, (verdicts.get(verdict) ?? 0) + 1);
      }
    });
    const elapsed = performance.now() - t;
    clearInterval(sampler);
    const rssEnd = rssMiB(service.pid);
    const tenth = Math.max(1, Math.floor(rss.length / 10));
    const firstTenth = rss.slice(0, tenth);
    const lastTenth = rss.slice(-tenth);
    const avg = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;
    const stored = await service.mongo.db(service.db).collection('photos.files').countDocuments({});
    latencies.sort((a, b) => a - b);
    report(
      `meetings-photos: ${uploads} uploads of a ${(sizeBytes / 1024 / 1024).toFixed(1)} MB JPEG, ${concurrency} concurrent`,
      {
        'p50 ms': percentile(latencies, 50).toFixed(1),
        'p95 ms': percentile(latencies, 95).toFixed(1),
        'p99 ms': percentile(latencies, 99).toFixed(1),
        'uploads/s': ((uploads / elapsed) * 1000).toFixed(1),
        'MB/s into GridFS': ((uploads * sizeBytes) / 1024 / 1024 / (elapsed / 1000)).toFixed(1),
        errors: errors,
        verdicts: [...verdicts].map(([k, v]) => `${k}=${v}`).join(' '),
        'GridFS files stored': stored,
        'service RSS MiB: after warm-up → end': `${rssStart} → ${rssEnd}`,
        'service RSS MiB: avg first 10% → last 10%': `${avg(firstTenth)} → ${avg(lastTenth)}`,
        'service RSS MiB: min / max during run': `${Math.min(...rss)} / ${Math.max(...rss)}`,
      },
    );
  } finally {
    await service.stop();
  }
}

runBench(main);
