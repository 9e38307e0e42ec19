// Registered: the global tracer reaches the SDK.
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { trace } from '@opentelemetry/api';

const provider = new NodeTracerProvider({
  spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
});
provider.register();
process.on('SIGTERM', () => provider.shutdown());

const tracer = trace.getTracer('worker');

setInterval(() => {
  tracer.startActiveSpan('tick', (span) => span.end());
}, 1000);
