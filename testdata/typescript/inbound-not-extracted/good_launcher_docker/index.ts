// Instrumented by NODE_OPTIONS in the Dockerfile.
import type { Request, Response } from 'express';
import express from 'express';
import { trace } from '@opentelemetry/api';

const tracer = trace.getTracer('cart');
const app = express();
app.get('/cart', (req: Request, res: Response) => {
  tracer.startActiveSpan('load', (span) => {
    res.json([]);
    span.end();
  });
});
app.listen(8080);
