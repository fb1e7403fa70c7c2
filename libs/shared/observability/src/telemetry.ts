import { context, metrics, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HostMetricsInstrumentation } from '@opentelemetry/instrumentation-host-metrics';
import { RuntimeNodeInstrumentation } from '@opentelemetry/instrumentation-runtime-node';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import {
  BatchSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import type { IncomingMessage, ServerResponse } from 'node:http';

export type TelemetryOptions = {
  serviceName: string;
  serviceVersion?: string;
  /** Extra exporter (tests use an in-memory one). */
  spanExporter?: SpanExporter;
};

export type Telemetry = {
  prometheus: PrometheusExporter;
  /** Serves the Prometheus text format (mounted at /metrics by the http lib). */
  metricsHandler: (req: IncomingMessage, res: ServerResponse) => void;
  shutdown: () => Promise<void>;
};

let active: Telemetry | undefined;

/**
 * Starts OpenTelemetry once per process: W3C propagation, async-hooks context, a tracer provider
 * (OTLP/HTTP export when OTEL_EXPORTER_OTLP_ENDPOINT is set) and a meter provider read by a
 * Prometheus exporter that shares the service's HTTP port instead of opening its own. The meter
 * provider also reports the process defaults: CPU time and resident memory, event-loop delay and
 * utilisation, heap and garbage collection.
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  if (active) return active;
  const resource = resourceFromAttributes({
    [ATTR_SERVICE_NAME]: options.serviceName,
    [ATTR_SERVICE_VERSION]: options.serviceVersion ?? process.env.SERVICE_VERSION ?? 'dev',
  });
  const processors: SpanProcessor[] = [];
  if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    processors.push(new BatchSpanProcessor(new OTLPTraceExporter()));
  }
  if (options.spanExporter) processors.push(new SimpleSpanProcessor(options.spanExporter));
  const tracerProvider = new NodeTracerProvider({ resource, spanProcessors: processors });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(tracerProvider);

  const prometheus = new PrometheusExporter({ preventServerStart: true });
  const meterProvider = new MeterProvider({ resource, readers: [prometheus] });
  metrics.setGlobalMeterProvider(meterProvider);
  // Host metrics of this process only: the node's CPUs and network are the node exporter's.
  const disableInstrumentations = registerInstrumentations({
    meterProvider,
    tracerProvider,
    instrumentations: [
      new RuntimeNodeInstrumentation(),
      new HostMetricsInstrumentation({ metricGroups: ['process.cpu', 'process.memory'] }),
    ],
  });

  active = {
    prometheus,
    metricsHandler: (req, res) => prometheus.getMetricsRequestHandler(req, res),
    shutdown: async () => {
      disableInstrumentations();
      await Promise.allSettled([tracerProvider.shutdown(), meterProvider.shutdown()]);
    },
  };
  return active;
}

export function activeTelemetry(): Telemetry | undefined {
  return active;
}

/** Trace id of the active span, for log lines and error bodies. */
export function currentTraceId(): string | undefined {
  const span = trace.getActiveSpan();
  const traceId = span?.spanContext().traceId;
  return traceId && traceId !== '00000000000000000000000000000000' ? traceId : undefined;
}
