import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useFormat } from '../format';
import type { KnownArea, Page, PanelOverviewRow } from '../types';

const enc = encodeURIComponent;
const STATUSES: PanelOverviewRow['status'][] = [
  'open',
  'collecting',
  'proposed',
  'submitted',
  'returned',
  'decided',
  'announced',
];
/** Enough pages for every seat of a state (80 Lok Sabha and 403 assembly seats per cycle). */
const MAX_PAGES = 10;

/** Every page of a cursor-paged list. */
async function allPages<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await api<Page<T>>(`${path}${cursor ? `&cursor=${enc(cursor)}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return items;
}

/** The panel's seat lies in the area shown: everything at state level and above, else the area's zone or seat. */
function shownIn(area: KnownArea, row: PanelOverviewRow): boolean {
  if (area.level === 'national' || area.level === 'state') return true;
  return row.zoneId === area.id || row.seatId === area.id || area.ancestors.includes(row.zoneId);
}

/**
 * Candidate-panel status by seat, for roles with panels:read only (the caller decides whether to mount it; the
 * service's 403 stays the guard). Seat, status, deadline, late and returned: candidates-panel's overview holds no
 * names of people, and nothing here would show one; seat names come with it (public geography).
 */
export function PanelStatus({ area }: { area: KnownArea }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [rows, setRows] = useState<PanelOverviewRow[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    allPages<PanelOverviewRow>('/api/candidates-panel/panel-overview?limit=500').then(
      (all) => live && setRows(all),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, []);
  const shown = (rows ?? [])
    .filter((r) => shownIn(area, r))
    .sort(
      (a, b) =>
        Number(b.late) - Number(a.late) ||
        a.deadline.localeCompare(b.deadline) ||
        a.seatId.localeCompare(b.seatId),
    );
  const seatName = (row: PanelOverviewRow) =>
    row.seatNameEn ? f.name({ nameEn: row.seatNameEn, nameHi: row.seatNameHi }) : row.seatId;
  const counts = STATUSES.map((s) => [s, shown.filter((r) => r.status === s).length] as const).filter(
    ([, n]) => n > 0,
  );
  return (
    <section className="card" id="panels" aria-labelledby="panels-title" data-testid="panels">
      <h2 id="panels-title">{t('panels.title')}</h2>
      <p className="muted">{t('panels.intro')}</p>
      {error && <p role="alert">{t('common.error', { message: error })}</p>}
      {!rows && !error && <p>{t('common.loading')}</p>}
      {rows && shown.length === 0 && <p>{t('panels.none')}</p>}
      {shown.length > 0 && (
        <>
          <ul className="panel-counts" aria-label={t('panels.counts')}>
            <li>
              <span className="count">{f.n(shown.length)}</span> {t('panels.total')}
            </li>
            {counts.map(([status, n]) => (
              <li key={status}>
                <span className="count">{f.n(n)}</span> {t(`panels.status.${status}`)}
              </li>
            ))}
            <li data-testid="panels-late">
              <span className="count">{f.n(shown.filter((r) => r.late).length)}</span> {t('panels.lateCount')}
            </li>
          </ul>
          <div className="table-wrap">
            <table data-testid="panel-table">
              <thead>
                <tr>
                  <th scope="col">{t('panels.seat')}</th>
                  <th scope="col">{t('panels.cycle')}</th>
                  <th scope="col">{t('panels.statusLabel')}</th>
                  <th scope="col">{t('panels.deadline')}</th>
                  <th scope="col">{t('panels.late')}</th>
                  <th scope="col">{t('panels.returned')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.panelId} data-seat={r.seatId} data-status={r.status}>
                    <th scope="row">
                      {seatName(r)}
                      <span className="muted"> · {t(`levels.${r.seatLevel}`)}</span>
                    </th>
                    <td>{r.cycleId}</td>
                    <td>{t(`panels.status.${r.status}`)}</td>
                    <td>{f.date(r.deadline)}</td>
                    <td>
                      {r.late ? <strong>{t('panels.yes')}</strong> : t('panels.no')}
                      {r.submittedAt && (
                        <span className="muted">
                          {' '}
                          · {t('panels.submittedOn', { date: f.date(r.submittedAt) })}
                        </span>
                      )}
                    </td>
                    <td>
                      {r.returnCount > 0
                        ? t('panels.returnedTimes', { count: r.returnCount })
                        : t('panels.no')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
