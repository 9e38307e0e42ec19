// NodeSDK installs the propagators of OTEL_PROPAGATORS, tracecontext+baggage by default.
import type { IncomingMessage, ServerResponse } from 'http';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';

const sdk = new NodeSDK({ instrumentations: [new HttpInstrumentation()] });
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());

import * as http from 'http';
http.createServer((req: IncomingMessage, res: ServerResponse) => res.end('ok')).listen(8080);
