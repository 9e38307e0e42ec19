const { OpenTelemetry } = require('./tracing');
const { trace } = require('@opentelemetry/api');

const otel = OpenTelemetry('orders');
otel.start();
process.on('SIGTERM', () => otel.shutdown());

const tracer = trace.getTracer('orders');
setInterval(() => tracer.startActiveSpan('tick', (span) => span.end()), 1000);
