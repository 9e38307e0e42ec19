// No OpenTelemetry at all: one note for the run, no finding per route.
import type { Request, Response } from 'express';
import express from 'express';

const app = express();
app.get('/cart', (req: Request, res: Response) => res.json([]));
app.listen(8080);
