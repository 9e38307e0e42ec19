// Not registered, but only used through its own tracer: nothing reads the global provider.
const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node');

const provider = new NodeTracerProvider();
process.on('SIGTERM', () => provider.shutdown());
const tracer = provider.getTracer('batch');

setInterval(() => {
  tracer.startActiveSpan('tick', (span) => span.end());
}, 1000).unref();
require('net').createServer().listen(0);
