// A basic provider with the propagator installed by hand.
import type { IncomingMessage, ServerResponse } from 'http';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { trace, propagation } from '@opentelemetry/api';

const provider = new BasicTracerProvider();
trace.setGlobalTracerProvider(provider);
propagation.setGlobalPropagator(new W3CTraceContextPropagator());
registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });
process.on('SIGTERM', () => provider.shutdown());

import * as http from 'http';
http.createServer((req: IncomingMessage, res: ServerResponse) => res.end('ok')).listen(8080);
