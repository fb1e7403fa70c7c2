import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';
import type { LiveScores } from '../live';
import { BANDS, bandOf } from '../momentum';
import grid from '../map/up-district-tiles.json';
import type { AreaMomentum } from '../types';

/**
 * UP's 75 districts as a tile grid laid out roughly geographically (generated from the reference data by
 * scripts/generate-district-tiles.mjs). Each tile is a link with its name, band, score and trend as its label;
 * districts outside the caller's area are drawn but not linked.
 */
export function TileMap({ districts, live }: { districts: Map<string, AreaMomentum>; live: LiveScores }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section aria-labelledby="map-title" className="card map-card">
      <h2 id="map-title">{t('map.title')}</h2>
      <div className="tile-grid" style={{ gridTemplateColumns: `repeat(${grid.cols}, minmax(0, 1fr))` }}>
        {grid.tiles.map((tile) => {
          const known = districts.get(tile.areaId);
          const current =
            live.get(tile.areaId) ?? (known ? { score: known.score, trend: known.trend.label } : undefined);
          const band = bandOf(current?.score);
          const name = known ? f.name(known) : tile.nameEn;
          const style = {
            gridColumn: tile.col + 1,
            gridRow: tile.row + 1,
            background: band.colour,
            color: band.text,
          };
          if (!known || !current)
            return (
              <span
                key={tile.areaId}
                className="tile tile-out"
                style={{ gridColumn: tile.col + 1, gridRow: tile.row + 1 }}
                title={`${tile.nameEn}: ${t('map.outOfScope')}`}
              >
                {tile.abbr}
              </span>
            );
          const label = t('map.tile', {
            name,
            band: t(`bands.${band.id}`),
            score: f.score(current.score),
            trend: t(`trend.${current.trend}`),
          });
          return (
            <Link
              key={tile.areaId}
              to={`/area/${tile.areaId}`}
              className="tile"
              style={style}
              aria-label={label}
              title={label}
              data-area={tile.areaId}
              data-band={band.id}
            >
              <span aria-hidden="true">{tile.abbr}</span>
              <span aria-hidden="true" className="tile-mark">
                {band.mark}
              </span>
            </Link>
          );
        })}
      </div>
      <div className="legend" role="list" aria-label={t('map.legend')}>
        {BANDS.map((band) => (
          <span key={band.id} role="listitem" className="legend-item">
            <span className="swatch" style={{ background: band.colour, color: band.text }} aria-hidden="true">
              {band.mark}
            </span>
            {t(`bands.${band.id}`)}
          </span>
        ))}
      </div>
    </section>
  );
}
