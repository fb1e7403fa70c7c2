import pino, { type Logger, type LoggerOptions } from 'pino';
import { currentTraceId } from './telemetry';
import { trace } from '@opentelemetry/api';

/**
 * pino options shared by every service: JSON lines, ISO time, level as a label, and the active
 * trace and span ids on every line so logs join traces.
 */
export function loggerOptions(serviceName: string): LoggerOptions {
  return {
    name: serviceName,
    level: process.env.LOG_LEVEL ?? 'info',
    base: { service: serviceName },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin() {
      const traceId = currentTraceId();
      if (!traceId) return {};
      return { trace_id: traceId, span_id: trace.getActiveSpan()?.spanContext().spanId };
    },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], remove: true },
  };
}

export function createLogger(serviceName: string): Logger {
  return pino(loggerOptions(serviceName));
}
