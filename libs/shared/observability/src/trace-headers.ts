import { context, propagation, type Context } from '@opentelemetry/api';

/** The active trace context as W3C headers (`traceparent`, `tracestate`). */
export function injectTraceHeaders(ctx: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier;
}

/** A context whose parent is the trace described by W3C headers, if any. */
export function extractTraceContext(headers: Record<string, string | undefined>): Context {
  return propagation.extract(context.active(), headers);
}
