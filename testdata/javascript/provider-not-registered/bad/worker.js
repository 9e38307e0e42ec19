// The provider is built but never registered: trace.getTracer still returns the no-op.
const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node');
const { BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base');
const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http');
const { trace } = require('@opentelemetry/api');

const provider = new NodeTracerProvider({ // expect: provider-not-registered
  spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
});
process.on('SIGTERM', () => provider.shutdown());

const tracer = trace.getTracer('worker');

setInterval(() => {
  tracer.startActiveSpan('tick', (span) => span.end());
}, 1000);
