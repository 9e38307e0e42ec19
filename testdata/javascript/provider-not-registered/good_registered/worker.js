// Registered: the global tracer reaches the SDK.
const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node');
const { BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base');
const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http');
const { trace } = require('@opentelemetry/api');

const provider = new NodeTracerProvider({
  spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
});
provider.register();
process.on('SIGTERM', () => provider.shutdown());

const tracer = trace.getTracer('worker');

setInterval(() => {
  tracer.startActiveSpan('tick', (span) => span.end());
}, 1000);
