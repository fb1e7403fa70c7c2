import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api';
import { useSession } from '../auth';
import { Chart } from '../components/LazyChart';
import { useApi } from '../data';
import { istToday, useFormat } from '../format';
import grid from '../map/up-district-tiles.json';
import type { ComplianceReport, KnownArea, Page, Programme, ProgrammeReport, Ranked } from '../types';
import { PanelStatus } from './PanelStatus';

const enc = encodeURIComponent;
const DISTRICT_IDS = new Set(grid.tiles.map((tile) => tile.areaId));

/**
 * Meeting quota by district with the names of who fell short, training turnout against target, and for roles
 * with panels:read the candidate-panel status by seat (no names). Each section appears only for a role whose
 * permissions let the service answer it, so the page never asks for what it may not show.
 */
export function CompliancePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const { can } = useSession();
  const area = useApi<KnownArea>(`/api/analytics/areas/${enc(id)}`);
  return (
    <div className="page">
      <p>
        <Link to={`/area/${id}`}>← {area.data ? f.name(area.data) : id}</Link>
      </p>
      <h1>
        {t('compliance.title')}: {area.data ? f.name(area.data) : id}
      </h1>
      {area.error && <p role="alert">{t('common.error', { message: area.error })}</p>}
      <nav aria-label={t('compliance.sections')} className="section-nav">
        <ul className="links">
          {can('meetings:read') && (
            <li>
              <a href="#quota">{t('nav.quota')}</a>
            </li>
          )}
          {can('training:read') && (
            <li>
              <a href="#training">{t('compliance.training')}</a>
            </li>
          )}
          {can('panels:read') && (
            <li>
              <a href="#panels" data-testid="panels-link">
                {t('nav.panels')}
              </a>
            </li>
          )}
        </ul>
      </nav>
      {area.data && can('meetings:read') && <Quota area={area.data} />}
      {area.data && can('training:read') && <Training />}
      {area.data && can('panels:read') && <PanelStatus area={area.data} />}
    </div>
  );
}

function Quota({ area }: { area: KnownArea }) {
  const { t } = useTranslation();
  const f = useFormat();
  const day = istToday();
  const report = useApi<ComplianceReport>(
    `/api/meetings/quotas/compliance?areaId=${enc(area.id)}&from=${day}&to=${day}`,
  );
  // District names from analytics: the districts of the caller's scope, or the area's own district.
  const districts = useApi<{ items: Ranked[] }>(`/api/analytics/momentum/leaderboard?level=district&n=100`);
  const names = new Map((districts.data?.items ?? []).map((d) => [d.areaId, f.name(d)]));
  type Row = { id: string; holders: number; met: number; short: string[]; noPhotos: number };
  const rows = new Map<string, Row>();
  for (const h of report.data?.holders ?? []) {
    const district = [h.areaId, ...h.ancestors].find((a) => DISTRICT_IDS.has(a)) ?? area.id;
    const row = rows.get(district) ?? { id: district, holders: 0, met: 0, short: [], noPhotos: 0 };
    row.holders++;
    if (h.metQuota) row.met++;
    else row.short.push(h.name ?? h.memberId);
    if (h.sentNoPhotos) row.noPhotos++;
    rows.set(district, row);
  }
  const sorted = [...rows.values()].sort((a, b) => a.met / a.holders - b.met / b.holders);
  return (
    <section className="card" aria-labelledby="quota">
      <h2 id="quota">{t('compliance.quota', { day: f.date(`${day}T12:00:00+05:30`) })}</h2>
      {report.error && <p role="alert">{t('common.error', { message: report.error })}</p>}
      {report.data && sorted.length === 0 && <p>{t('compliance.noHolders')}</p>}
      {sorted.length > 0 && (
        <div className="table-wrap">
          <table data-testid="quota">
            <thead>
              <tr>
                <th scope="col">{t('compliance.district')}</th>
                <th scope="col">{t('compliance.holders')}</th>
                <th scope="col">{t('compliance.met')}</th>
                <th scope="col">{t('compliance.noPhotos')}</th>
                <th scope="col">{t('compliance.shortNames')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`/area/${r.id}`}>{names.get(r.id) ?? r.id}</Link>
                  </th>
                  <td>{f.n(r.holders)}</td>
                  <td>{f.n(r.met)}</td>
                  <td>{f.n(r.noPhotos)}</td>
                  <td lang="hi">{r.short.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Training() {
  const { t } = useTranslation();
  const f = useFormat();
  const programmes = useApi<Page<Programme>>('/api/training-events/programmes?limit=50');
  const [reports, setReports] = useState<ProgrammeReport[]>([]);
  useEffect(() => {
    const items = programmes.data?.items ?? [];
    void Promise.all(
      items.map((p) =>
        api<ProgrammeReport>(`/api/training-events/programmes/${enc(p.id)}/report`).catch(() => null),
      ),
    ).then((all) => setReports(all.filter((r): r is ProgrammeReport => r !== null)));
  }, [programmes.data]);
  return (
    <section className="card" aria-labelledby="training">
      <h2 id="training">{t('compliance.training')}</h2>
      {programmes.data && programmes.data.items.length === 0 && <p>{t('compliance.noProgrammes')}</p>}
      {reports.length > 0 && (
        <Chart
          label={t('compliance.trainingChart')}
          summary={reports
            .map((r) => `${r.title}: ${f.n(r.totals.attended)} / ${f.n(r.totals.target)}`)
            .join('; ')}
          table={{
            head: [
              t('compliance.programme'),
              t('compliance.target'),
              t('compliance.attended'),
              t('compliance.turnout'),
            ],
            rows: reports.map((r) => [
              r.title,
              f.n(r.totals.target),
              f.n(r.totals.attended),
              f.pct(r.totals.turnoutRatio),
            ]),
          }}
          height={Math.max(160, reports.length * 48)}
          option={{
            animation: false,
            grid: { left: 140, right: 16, top: 24, bottom: 24 },
            legend: undefined,
            xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => f.n(v) } },
            yAxis: { type: 'category', data: reports.map((r) => r.title), inverse: true },
            tooltip: { trigger: 'axis' },
            series: [
              {
                type: 'bar',
                name: t('compliance.target'),
                data: reports.map((r) => r.totals.target),
                itemStyle: { color: '#c8c8c8' },
              },
              {
                type: 'bar',
                name: t('compliance.attended'),
                data: reports.map((r) => r.totals.attended),
                itemStyle: { color: '#2a788e' },
              },
            ],
          }}
        />
      )}
    </section>
  );
}
