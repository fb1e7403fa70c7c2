import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';
import ReactECharts from 'echarts-for-react/lib/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// Only the chart types the dashboard draws, so the first paint does not wait for all of ECharts.
echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, SVGRenderer]);

/**
 * A chart with its text alternative: the figure is labelled by a one-line summary, and the same figures are
 * in a table a screen reader (or anyone) can open.
 */
export function Chart({
  option,
  summary,
  table,
  height = 220,
  label,
}: {
  option: EChartsOption;
  summary: string;
  table?: { head: string[]; rows: (string | number)[][] };
  height?: number;
  label: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <figure className="chart" aria-labelledby={`${id}-label`} aria-describedby={`${id}-summary`}>
      <figcaption id={`${id}-label`}>{label}</figcaption>
      <div aria-hidden="true">
        <ReactECharts
          echarts={echarts}
          option={option}
          style={{ height, width: '100%' }}
          opts={{ renderer: 'svg' }}
          notMerge
        />
      </div>
      <p id={`${id}-summary`} className="sr-only">
        {summary}
      </p>
      {table && <DataTable caption={t('common.data')} {...table} />}
    </figure>
  );
}

export function DataTable({
  caption,
  head,
  rows,
}: {
  caption: ReactNode;
  head: string[];
  rows: (string | number)[][];
}) {
  return (
    <details className="data-table">
      <summary>{caption}</summary>
      <table>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** A tiny line of the last days' scores for a table row; its label says first → last. */
export function Sparkline({ points, label }: { points: number[]; label: string }) {
  if (points.length < 2) return <span className="muted">–</span>;
  return (
    <span role="img" aria-label={label} className="sparkline">
      <ReactECharts
        echarts={echarts}
        style={{ height: 28, width: 110 }}
        opts={{ renderer: 'svg' }}
        option={{
          animation: false,
          grid: { left: 1, right: 1, top: 2, bottom: 2 },
          xAxis: { type: 'category', show: false, data: points.map((_, i) => i) },
          yAxis: { type: 'value', show: false, min: 0 },
          series: [
            { type: 'line', data: points, symbol: 'none', lineStyle: { width: 1.5, color: '#2a788e' } },
          ],
        }}
      />
    </span>
  );
}
