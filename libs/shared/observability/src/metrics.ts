import {
  metrics,
  type Counter,
  type Histogram,
  type Meter,
  type MeterProvider,
  type MetricOptions,
  type UpDownCounter,
} from '@opentelemetry/api';

/** The synchronous instruments of a meter; observable ones are registered at run time with `metrics.getMeter`. */
export type LazyMeter = {
  createCounter(name: string, options?: MetricOptions): Counter;
  createUpDownCounter(name: string, options?: MetricOptions): UpDownCounter;
  createHistogram(name: string, options?: MetricOptions): Histogram;
};

function lazily<T>(scope: string, create: (meter: Meter) => T): () => T {
  let provider: MeterProvider | undefined;
  let instrument: T | undefined;
  return () => {
    const current = metrics.getMeterProvider();
    if (current !== provider || instrument === undefined) {
      provider = current;
      instrument = create(current.getMeter(scope));
    }
    return instrument;
  };
}

/**
 * A meter whose instruments are made from the global meter provider at first use, and again if that provider
 * changes. For instruments declared at module level: the OpenTelemetry API has no proxy meter, so an
 * instrument made at import time, before `startTelemetry()` registered the provider, stays a no-op (and
 * `/metrics` served only `target_info`).
 */
export function lazyMeter(scope: string): LazyMeter {
  return {
    createCounter(name, options) {
      const get = lazily(scope, (meter) => meter.createCounter(name, options));
      return { add: (value, attributes, context) => get().add(value, attributes, context) };
    },
    createUpDownCounter(name, options) {
      const get = lazily(scope, (meter) => meter.createUpDownCounter(name, options));
      return { add: (value, attributes, context) => get().add(value, attributes, context) };
    },
    createHistogram(name, options) {
      const get = lazily(scope, (meter) => meter.createHistogram(name, options));
      return { record: (value, attributes, context) => get().record(value, attributes, context) };
    },
  };
}

/**
 * Bucket bounds in seconds for request and handler durations: the SDK's default bounds suit milliseconds and
 * would put nearly every request in the first bucket.
 */
export const DURATION_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
