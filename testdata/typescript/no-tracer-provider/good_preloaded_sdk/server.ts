import express from 'express';
import type { Request, Response } from 'express';
import axios from 'axios';
import { trace } from '@opentelemetry/api';

const tracer = trace.getTracer('quotes');
const app = express();

app.get('/quote', (req: Request, res: Response) => {
  tracer.startActiveSpan('quote', async (span) => {
    try {
      res.json(await axios.get('http://rates/usd'));
    } finally {
      span.end();
    }
  });
});

app.listen(8080);
