// NodeTracerProvider#register() installs W3C trace context and baggage by default.
import type { IncomingMessage, ServerResponse } from 'http';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';

const provider = new NodeTracerProvider();
provider.register();
registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });
process.on('SIGTERM', () => provider.shutdown());

import * as http from 'http';
http.createServer((req: IncomingMessage, res: ServerResponse) => res.end('ok')).listen(8080);
