// The SDK starts after express was loaded: express is never patched.
import type { Request, Response } from 'express';
import express from 'express';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';

const sdk = new NodeSDK({ instrumentations: [getNodeAutoInstrumentations()] });
sdk.start(); // expect: instrumented-too-late
process.on('SIGTERM', () => sdk.shutdown());

const app = express();
app.get('/', (req: Request, res: Response) => res.send('ok'));
app.listen(8080);
