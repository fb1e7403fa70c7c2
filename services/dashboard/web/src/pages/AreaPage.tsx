import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../auth';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { Chart, Sparkline } from '../components/LazyChart';
import { TileMap } from '../components/TileMap';
import { prefetch, useApi } from '../data';
import { useFormat } from '../format';
import { useLiveScores } from '../live';
import { bandOf } from '../momentum';
import {
  COMPONENTS,
  type AreaMomentum,
  type Coverage,
  type History,
  type KnownArea,
  type Laggard,
  type Page,
  type Ranked,
  type Task,
  type Trend,
} from '../types';

const enc = encodeURIComponent;
const ABOVE_DISTRICT = ['national', 'state', 'zone'];
const LEVEL_ORDER = ['state', 'zone', 'district', 'lok-sabha', 'assembly', 'mandal', 'sector', 'booth'];
/** Area codes above district level (org's generator: IN, UP, UP-Z-…): only a hint for starting requests early. */
const LOOKS_ABOVE_DISTRICT = /^(IN|UP|UP-Z-.+)$/;

/** Everything the page reads, started at once rather than as each part mounts. */
function prefetchArea(id: string): void {
  for (const path of [
    `/api/analytics/areas/${enc(id)}`,
    `/api/analytics/areas/${enc(id)}/momentum`,
    `/api/analytics/areas/${enc(id)}/momentum/children`,
    `/api/analytics/areas/${enc(id)}/momentum/history?days=30`,
  ])
    prefetch(path);
  if (LOOKS_ABOVE_DISTRICT.test(id)) {
    prefetch(districtsPath(id));
    prefetch(`/api/analytics/areas/${enc(id)}/momentum/laggards?level=district&n=5`);
  }
}
/** A zone's districts are its children; above a zone, the districts of the caller's scope. */
const districtsPath = (id: string, zone = id.startsWith('UP-Z-')) =>
  zone
    ? `/api/analytics/areas/${enc(id)}/momentum/children`
    : `/api/analytics/momentum/leaderboard?level=district&n=100`;

/** One area at any level: the overview for the caller's own area, the drill-down below it. */
export function AreaPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  // Started during render on purpose: before the first effect of any part of the page runs.
  useMemo(() => prefetchArea(id), [id]);
  const area = useApi<KnownArea>(`/api/analytics/areas/${enc(id)}`);
  const momentum = useApi<AreaMomentum>(`/api/analytics/areas/${enc(id)}/momentum`);
  if (area.error || momentum.error)
    return (
      <div className="page">
        <p role="alert" className="error">
          {t('common.error', { message: area.error ?? momentum.error })}
        </p>
      </div>
    );
  // Until the new area's answers arrive, the previous area's are still held: show neither.
  const current = area.data?.id === id.toUpperCase() && momentum.data?.areaId === area.data.id;
  if (!area.data || !momentum.data || !current) return <p className="page">{t('common.loading')}</p>;
  return <AreaView key={id} area={area.data} momentum={momentum.data} />;
}

function AreaView({ area, momentum }: { area: KnownArea; momentum: AreaMomentum }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { can } = useSession();
  const aboveDistrict = ABOVE_DISTRICT.includes(area.level);
  const band = bandOf(momentum.score);
  return (
    <div className="page">
      <Breadcrumbs area={area} />
      <header className="area-head">
        <div>
          <h1>{f.name(area)}</h1>
          <p className="muted">
            {t(`levels.${area.level}`)} · {t('area.booths', { n: f.n(area.booths) })}
          </p>
        </div>
        <div
          className="score-card"
          data-testid="score"
          data-band={band.id}
          style={{ borderColor: band.colour }}
        >
          <span className="score-label">{t('area.momentum')}</span>
          <span className="score-value">{f.score(momentum.score)}</span>
          <span className={`trend trend-${momentum.trend.label}`}>{t(`trend.${momentum.trend.label}`)}</span>
          <span className="muted">{t('area.weekAgo', { score: f.score(momentum.trend.weekAgoScore) })}</span>
        </div>
      </header>
      {aboveDistrict && <DistrictsOverview area={area} />}
      <div className="columns">
        <Components momentum={momentum} />
        <HistoryChart area={area} />
      </div>
      {area.level !== 'booth' && <Children area={area} />}
      {area.level === 'booth' && <BoothTeam boothId={area.id} />}
      <section className="card" aria-labelledby="activity">
        <h2 id="activity">{t('area.activity')}</h2>
        <ul className="links">
          {can('meetings:read') && (
            <li>
              <Link to={`/area/${area.id}/meetings`}>{t('area.meetingsLink')}</Link>
            </li>
          )}
          <li>
            <Link to={`/compliance/${area.id}`}>{t('area.complianceLink')}</Link>
          </li>
          {can('panels:read') && (
            <li>
              <Link to={`/compliance/${area.id}#panels`}>{t('area.panelsLink')}</Link>
            </li>
          )}
        </ul>
        {can('org:read') && <CoverageAndTasks areaId={area.id} />}
      </section>
    </div>
  );
}

/** Above district level: trend counts, the tile map (live), districts ranked, laggards. */
function DistrictsOverview({ area }: { area: KnownArea }) {
  const { t } = useTranslation();
  const f = useFormat();
  const board = useApi<{ items: Ranked[] }>(districtsPath(area.id, area.level === 'zone'));
  const laggards = useApi<{ items: Laggard[] }>(
    `/api/analytics/areas/${enc(area.id)}/momentum/laggards?level=district&n=5`,
  );
  const { scores: live, connected } = useLiveScores(area.id, 'district');
  const districts = useMemo(() => new Map((board.data?.items ?? []).map((d) => [d.areaId, d])), [board.data]);
  // The first meaningful paint: score, map and ranked districts on screen (read by the e2e test).
  useEffect(() => {
    if (board.data && performance.getEntriesByName('overview-painted').length === 0)
      performance.mark('overview-painted');
  }, [board.data]);
  const counts: Record<Trend, number> = { accelerating: 0, steady: 0, slowing: 0 };
  for (const d of districts.values()) counts[live.get(d.areaId)?.trend ?? d.trend.label]++;
  return (
    <>
      <section className="card" aria-labelledby="trend-counts">
        <h2 id="trend-counts">{t('area.trendCounts', { level: t('levelsPlural.district') })}</h2>
        <ul className="counts">
          {(Object.keys(counts) as Trend[]).map((k) => (
            <li key={k} className={`trend-${k}`} data-testid={`count-${k}`}>
              <span className="count">{f.n(counts[k])}</span> {t(`trend.${k}`)}
            </li>
          ))}
        </ul>
      </section>
      <div className="columns map-columns">
        <div>
          <TileMap districts={districts} live={live} />
          <p className="muted live" aria-live="polite">
            {connected ? `● ${t('area.live')}` : ''}
          </p>
        </div>
        <section className="card" aria-labelledby="laggards">
          <h2 id="laggards">{t('area.laggards')}</h2>
          <ol className="laggards">
            {(laggards.data?.items ?? []).map((l) => (
              <li key={l.areaId}>
                <Link to={`/area/${l.areaId}`}>{f.name(l)}</Link>{' '}
                <span className="muted">{f.score(l.score)}</span>
                {l.pulledDownBy && (
                  <span className="pulled">
                    {' '}
                    — {t('area.pulledDown', { component: t(`components.${l.pulledDownBy}`) })}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </section>
      </div>
      <RankedTable
        title={t('area.ranked', { level: t('levelsPlural.district') })}
        items={[...districts.values()].map((d) => ({
          ...d,
          ...(live.get(d.areaId) && { score: live.get(d.areaId)!.score }),
        }))}
        testId="districts"
      />
    </>
  );
}

function RankedTable({
  title,
  items,
  testId,
  level,
}: {
  title: string;
  items: AreaMomentum[];
  testId: string;
  level?: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [all, setAll] = useState(false);
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const shown = all ? sorted : sorted.slice(0, 10);
  return (
    <section className="card" aria-labelledby={`${testId}-${level}-title`} data-level={level}>
      <h2 id={`${testId}-${level}-title`}>{title}</h2>
      <div className="table-wrap">
        <table data-testid={testId} data-level={level}>
          <thead>
            <tr>
              <th scope="col">{t('area.rank')}</th>
              <th scope="col">{t('area.name')}</th>
              <th scope="col">{t('area.score')}</th>
              <th scope="col">{t('area.trendCol')}</th>
              <th scope="col">{t('area.sparkline')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((a, i) => (
              <tr key={a.areaId} data-band={bandOf(a.score).id}>
                <td>{f.n(i + 1)}</td>
                <th scope="row">
                  <Link to={`/area/${a.areaId}`}>{f.name(a)}</Link>
                </th>
                <td>{f.score(a.score)}</td>
                <td className={`trend-${a.trend.label}`}>{t(`trend.${a.trend.label}`)}</td>
                <td>
                  <RowSparkline area={a} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!all && sorted.length > 10 && (
        <button type="button" onClick={() => setAll(true)}>
          {t('area.showAll', { n: f.n(sorted.length) })}
        </button>
      )}
    </section>
  );
}

function RowSparkline({ area }: { area: AreaMomentum }) {
  const f = useFormat();
  const kept = ['national', 'state', 'zone', 'district', 'lok-sabha', 'assembly', 'mandal'].includes(
    area.level,
  );
  const history = useApi<History>(
    kept ? `/api/analytics/areas/${enc(area.areaId)}/momentum/history?days=30` : null,
  );
  const points = history.data?.points.map((p) => p.score) ?? [];
  return (
    <Sparkline
      points={points}
      label={points.length ? `${f.score(points[0])} → ${f.score(points[points.length - 1])}` : ''}
    />
  );
}

/** The area's children ranked, one table per level (a state has zones and Lok Sabha seats below it). */
function Children({ area }: { area: KnownArea }) {
  const { t } = useTranslation();
  const f = useFormat();
  const children = useApi<{ items: Ranked[] }>(`/api/analytics/areas/${enc(area.id)}/momentum/children`);
  const items = children.data?.items ?? [];
  if (children.loading && !children.data) return <p>{t('common.loading')}</p>;
  if (!items.length) return <p className="card">{t('area.noChildren')}</p>;
  const levels = LEVEL_ORDER.filter((level) => items.some((c) => c.level === level));
  return (
    <>
      {levels.map((level) => (
        <RankedTable
          key={level}
          title={t('area.children', { level: t(`levelsPlural.${level}`), name: f.name(area) })}
          items={items.filter((c) => c.level === level)}
          testId="children"
          level={level}
        />
      ))}
    </>
  );
}

function Components({ momentum }: { momentum: AreaMomentum }) {
  const { t } = useTranslation();
  const f = useFormat();
  const values = COMPONENTS.map((c) => momentum.components[c]?.value ?? null);
  const names = COMPONENTS.map((c) => t(`components.${c}`));
  return (
    <section className="card">
      <Chart
        label={t('area.components')}
        summary={COMPONENTS.map((_, i) => `${names[i]} ${f.pct(values[i])}`).join(', ')}
        table={{
          head: [t('area.name'), t('area.score')],
          rows: COMPONENTS.map((_, i) => [names[i], f.pct(values[i])]),
        }}
        option={{
          animation: false,
          grid: { left: 110, right: 16, top: 8, bottom: 24 },
          xAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => f.pct(v) } },
          yAxis: { type: 'category', data: names, inverse: true },
          tooltip: { trigger: 'axis' },
          series: [{ type: 'bar', data: values.map((v) => v ?? 0), itemStyle: { color: '#2a788e' } }],
        }}
      />
    </section>
  );
}

function HistoryChart({ area }: { area: KnownArea }) {
  const { t } = useTranslation();
  const f = useFormat();
  const history = useApi<History>(`/api/analytics/areas/${enc(area.id)}/momentum/history?days=30`);
  if (!history.data) return <section className="card">{t('common.loading')}</section>;
  if (!history.data.kept) return <section className="card">{t('area.historyNotKept')}</section>;
  const points = history.data.points;
  return (
    <section className="card">
      <Chart
        label={t('area.history')}
        summary={
          points.length
            ? `${f.date(points[0].day)} ${f.score(points[0].score)} → ${f.date(points[points.length - 1].day)} ${f.score(points[points.length - 1].score)}`
            : ''
        }
        table={{
          head: [t('meetings.when'), t('area.score')],
          rows: points.map((p) => [f.date(p.day), f.score(p.score)]),
        }}
        option={{
          animation: false,
          grid: { left: 40, right: 16, top: 8, bottom: 28 },
          xAxis: { type: 'category', data: points.map((p) => f.date(p.day)) },
          yAxis: { type: 'value', min: 0 },
          tooltip: { trigger: 'axis' },
          series: [
            {
              type: 'line',
              data: points.map((p) => p.score),
              showSymbol: false,
              lineStyle: { color: '#414487' },
            },
          ],
        }}
      />
    </section>
  );
}

function CoverageAndTasks({ areaId }: { areaId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const coverage = useApi<Coverage>(`/api/org/coverage?under=${enc(areaId)}`);
  const tasks = useApi<Page<Task>>(`/api/org/tasks?under=${enc(areaId)}&status=open&limit=5`);
  const c = coverage.data;
  return (
    <div className="columns">
      <div>
        <h3>{t('area.coverage')}</h3>
        {c && (
          <ul data-testid="coverage">
            <li>
              {t('area.committees', {
                formed: f.n(c.committeesFormed),
                booths: f.n(c.booths),
                share: f.pct(c.committeeCoverage),
              })}
            </li>
            <li>
              {t('area.volunteers', {
                n: f.n(c.volunteers),
                target: f.n(c.volunteerTarget),
                share: f.pct(c.volunteerCoverage),
              })}
            </li>
            <li>{t('area.whatsapp', { n: f.n(c.boothsWithWhatsapp) })}</li>
          </ul>
        )}
      </div>
      <div>
        <h3>{t('area.tasks')}</h3>
        {tasks.data && tasks.data.items.length === 0 && <p>{t('area.noTasks')}</p>}
        <ul>
          {(tasks.data?.items ?? []).map((task) => (
            <li key={task.id}>
              {task.title}
              {task.dueAt && <span className="muted"> · {f.date(task.dueAt)}</span>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function BoothTeam({ boothId }: { boothId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const booth = useApi<{ committeeMemberIds: string[]; volunteerIds: string[]; whatsappGroups: unknown[] }>(
    `/api/org/booths/${enc(boothId)}`,
  );
  return (
    <section className="card" aria-labelledby="booth-team" data-testid="booth-team">
      <h2 id="booth-team">{t('area.booth')}</h2>
      {booth.error && <p className="muted">{booth.error}</p>}
      {booth.data && (
        <ul>
          <li>{t('area.committeeSize', { n: f.n(booth.data.committeeMemberIds.length) })}</li>
          <li>{t('area.volunteersCount', { n: f.n(booth.data.volunteerIds.length) })}</li>
          <li>{t('area.whatsapp', { n: f.n(booth.data.whatsappGroups.length) })}</li>
        </ul>
      )}
    </section>
  );
}
