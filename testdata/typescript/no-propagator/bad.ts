// A basic provider registered by hand: the JS API's propagator stays a no-op, so neither the
import type { IncomingMessage, ServerResponse } from 'http';
// incoming traceparent nor outgoing injection works.
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { trace } from '@opentelemetry/api';

const provider = new BasicTracerProvider({
  spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
});
trace.setGlobalTracerProvider(provider); // expect: no-propagator
registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });
process.on('SIGTERM', () => provider.shutdown());

import * as http from 'http';
http.createServer((req: IncomingMessage, res: ServerResponse) => res.end('ok')).listen(8080);
