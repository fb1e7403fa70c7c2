import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { objectUrl } from '../api';
import { useApi } from '../data';
import { useFormat } from '../format';
import type { KnownArea, Meeting, Page, Photo } from '../types';

/** The area's meetings, newest first, a page at a time; each opens its photos with their verification verdicts. */
export function MeetingsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const area = useApi<KnownArea>(`/api/analytics/areas/${encodeURIComponent(id)}`);
  const [cursor, setCursor] = useState<string | null>(null);
  const [items, setItems] = useState<Meeting[]>([]);
  const page = useApi<Page<Meeting>>(
    `/api/meetings/meetings?areaId=${encodeURIComponent(id)}&limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
  );
  useEffect(() => {
    if (page.data) setItems((previous) => (cursor ? [...previous, ...page.data!.items] : page.data!.items));
  }, [page.data, cursor]);
  return (
    <div className="page">
      <p>
        <Link to={`/area/${id}`}>← {area.data ? f.name(area.data) : id}</Link>
      </p>
      <h1>{t('meetings.title', { name: area.data ? f.name(area.data) : id })}</h1>
      {page.error && <p role="alert">{t('common.error', { message: page.error })}</p>}
      {!page.loading && items.length === 0 && <p>{t('meetings.none')}</p>}
      <ul className="meetings">
        {items.map((m) => (
          <MeetingRow key={m.id} meeting={m} />
        ))}
      </ul>
      {page.data?.nextCursor && (
        <button type="button" onClick={() => setCursor(page.data!.nextCursor!)}>
          {t('meetings.more')}
        </button>
      )}
    </div>
  );
}

function MeetingRow({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [open, setOpen] = useState(false);
  return (
    <li className="card meeting">
      <div className="meeting-head">
        <strong lang="hi">{meeting.title}</strong>
        <span>{f.dateTime(meeting.scheduledStart)}</span>
        <span>{t(`meetings.kinds.${meeting.kind}`, { defaultValue: meeting.kind })}</span>
        <span>{t(`meetings.statuses.${meeting.status}`, { defaultValue: meeting.status })}</span>
        <span>
          {t('meetings.headcount')}: {f.n(meeting.headcount)}
        </span>
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t('meetings.showPhotos')}
        </button>
      </div>
      {open && <Photos meetingId={meeting.id} />}
    </li>
  );
}

function Photos({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const photos = useApi<{ items: Photo[] }>(`/api/meetings/meetings/${meetingId}/photos`);
  if (photos.loading) return <p>{t('common.loading')}</p>;
  if (!photos.data?.items.length) return <p>{t('meetings.noPhotos')}</p>;
  return (
    <ul className="photos">
      {photos.data.items.map((p) => (
        <li key={p.id}>
          <Thumb id={p.id} alt={p.filename} />
          <span className={p.verified ? 'ok' : 'warn'}>
            {t('meetings.verdict', {
              verdict: t(`meetings.verdicts.${p.verdict}`, { defaultValue: p.verdict }),
            })}
          </span>
          {p.reasons.length > 0 && <small>{p.reasons.join(', ')}</small>}
        </li>
      ))}
    </ul>
  );
}

function Thumb({ id, alt }: { id: string; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let url: string | null = null;
    objectUrl(`/api/meetings/photos/${id}/content`).then(
      (u) => setSrc((url = u)),
      () => setSrc(null),
    );
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [id]);
  return src ? <img src={src} alt={alt} width={120} /> : null;
}
