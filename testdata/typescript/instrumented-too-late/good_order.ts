// The SDK starts before anything it patches is loaded; Node's http loaded first is harmless.
import type { Request, Response } from 'express';
import * as http from 'http';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';

const sdk = new NodeSDK({ instrumentations: [getNodeAutoInstrumentations()] });
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());

import express from 'express';

const app = express();
app.get('/', (req: Request, res: Response) => res.send('ok'));
http.createServer(app).listen(8080);
