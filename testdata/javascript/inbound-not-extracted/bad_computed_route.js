// Routes whose path is computed from a prefix are routes too: with only the Express
// instrumentation, nothing extracts the caller's context.
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { ExpressInstrumentation } = require('@opentelemetry/instrumentation-express');

const sdk = new NodeSDK({ instrumentations: [new ExpressInstrumentation()] });
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());

const express = require('express');

const base = process.env.API_BASE || '/api';
const app = express();
app.get(`${base}/cart`, (req, res) => res.json([])); // expect: inbound-not-extracted
app.post(base + '/cart', (req, res) => res.sendStatus(201));
app.listen(8080);
