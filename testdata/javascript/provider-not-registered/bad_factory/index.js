const { OpenTelemetry } = require('./tracing');
const { trace } = require('@opentelemetry/api');

// A look-alike: `start()` is called on another function's result, not the SDK's.
const otel = OpenTelemetry('orders');
const server = createServer();
server.start();
process.on('SIGTERM', () => otel.shutdown());

const tracer = trace.getTracer('orders');
setInterval(() => tracer.startActiveSpan('tick', (span) => span.end()), 1000);

function createServer() {
  return { start() {} };
}
