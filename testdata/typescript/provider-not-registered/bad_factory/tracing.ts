// The factory's provider is taken by the caller and never registered.
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';

export function buildProvider(): NodeTracerProvider {
  const provider = new NodeTracerProvider({ // expect: provider-not-registered
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  return provider;
}
