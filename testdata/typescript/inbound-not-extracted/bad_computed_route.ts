// A Fastify-style router whose route paths are computed from a prefix: with only framework
// instrumentation, nothing extracts the caller's context.
import { NodeSDK } from '@opentelemetry/sdk-node';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';

const sdk = new NodeSDK({ instrumentations: [new ExpressInstrumentation()] });
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());

import express from 'express';

const API = '/api/v2';
const router = express.Router();
router.get(API + '/stock/:sku', (req, res) => res.json({ sku: req.params.sku })); // expect: inbound-not-extracted

const app = express();
app.use(router);
app.listen(8080);
