// Fresh roots where they belong: startup code, background jobs, and extraction from headers.
import type { Request, Response } from 'express';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';

const sdk = new NodeSDK({ instrumentations: [getNodeAutoInstrumentations()] });
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());
import express from 'express';
import { trace, context, propagation, ROOT_CONTEXT } from '@opentelemetry/api';

const tracer = trace.getTracer('api');
const app = express();

app.get('/orders/:id', (req: Request, res: Response) => {
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  context.with(parent, () => {
    const span = tracer.startSpan('load-order');
    span.end();
  });
  res.send('ok');
});

// A scheduled job has no request: a new root is right.
function nightly() {
  const span = tracer.startSpan('nightly', { root: true });
  span.end();
}

setInterval(nightly, 86400000);
app.listen(8080);
