// Request handlers that start spans from a fresh root instead of the request's trace.
import type { Request, Response } from 'express';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';

const sdk = new NodeSDK({ instrumentations: [getNodeAutoInstrumentations()] });
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());
import express from 'express';
import { trace, context, ROOT_CONTEXT } from '@opentelemetry/api';

const tracer = trace.getTracer('api');
const app = express();

app.get('/orders/:id', (req: Request, res: Response) => {
  const span = tracer.startSpan('load-order', {}, ROOT_CONTEXT); // expect: context-dropped
  span.end();
  res.send('ok');
});

app.post('/orders', async (req: Request, res: Response) => {
  await tracer.startActiveSpan('create-order', { root: true }, async (span) => { // expect: context-dropped
    try {
      res.send('created');
    } finally {
      span.end();
    }
  });
});

function audit(req) {
  context.with(ROOT_CONTEXT, () => { // expect: context-dropped
    tracer.startSpan('audit').end();
  });
}

app.listen(8080);
