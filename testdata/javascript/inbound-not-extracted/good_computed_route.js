// Computed route paths with HTTP instrumentation: the server span continues the caller's trace.
// A map lookup with a computed key is not a route.
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');

const sdk = new NodeSDK({ instrumentations: [new HttpInstrumentation()] });
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());

const express = require('express');

const base = process.env.API_BASE || '/api';
const prices = new Map();
const app = express();
app.get(`${base}/cart`, (req, res) => res.json(prices.get(`${base}/cart`)));
app.listen(8080);
