import { lazy, Suspense, type ComponentProps } from 'react';

// ECharts is most of the app's code: the numbers, the map and the tables paint first, the charts follow.
const ChartModule = () => import('./Chart');
const LazyChartImpl = lazy(() => ChartModule().then((m) => ({ default: m.Chart })));
const LazySparklineImpl = lazy(() => ChartModule().then((m) => ({ default: m.Sparkline })));

export function Chart(props: ComponentProps<typeof LazyChartImpl>) {
  return (
    <Suspense fallback={<div style={{ height: props.height ?? 220 }} aria-hidden="true" />}>
      <LazyChartImpl {...props} />
    </Suspense>
  );
}

export function Sparkline(props: ComponentProps<typeof LazySparklineImpl>) {
  return (
    <Suspense fallback={<span className="sparkline-placeholder" aria-hidden="true" />}>
      <LazySparklineImpl {...props} />
    </Suspense>
  );
}
