// A browser provider: a page has no exit path to flush on, so its shutdown is never reported.
const { WebTracerProvider } = require('@opentelemetry/sdk-trace-web');
const { BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base');
const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http');
const { registerInstrumentations } = require('@opentelemetry/instrumentation');
const { FetchInstrumentation } = require('@opentelemetry/instrumentation-fetch');

const provider = new WebTracerProvider({
  spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
});
provider.register();
registerInstrumentations({ instrumentations: [new FetchInstrumentation()] });

document.getElementById('buy').addEventListener('click', () => fetch('/api/buy'));
