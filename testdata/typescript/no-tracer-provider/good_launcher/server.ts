// Instrumented by the launcher: the start script preloads the auto-instrumentations, which
import type { Request, Response } from 'express';
// start an SDK with HTTP, undici and gRPC instrumentation before this file runs.
import express from 'express';
import { trace } from '@opentelemetry/api';

const tracer = trace.getTracer('quotes');
const app = express();

app.get('/quote', async (req: Request, res: Response) => {
  await tracer.startActiveSpan('quote', async (span) => {
    try {
      const rate = await fetch('http://rates/usd');
      res.json(await rate.json());
    } finally {
      span.end();
    }
  });
});

app.listen(8080);
