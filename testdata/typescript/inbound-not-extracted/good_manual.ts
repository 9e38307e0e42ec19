// The handler extracts the caller's context by hand; the SDK has no HTTP instrumentation.
import type { IncomingMessage, ServerResponse } from 'http';
import { NodeSDK } from '@opentelemetry/sdk-node';

const sdk = new NodeSDK();
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());

import * as http from 'http';
import { trace, context, propagation } from '@opentelemetry/api';

const tracer = trace.getTracer('quotes');

function handle(req: IncomingMessage, res: ServerResponse) {
  const parent = propagation.extract(context.active(), req.headers);
  context.with(parent, () => {
    tracer.startActiveSpan('GET /quote', (span) => {
      res.end('42');
      span.end();
    });
  });
}

http.createServer(handle).listen(8080);
