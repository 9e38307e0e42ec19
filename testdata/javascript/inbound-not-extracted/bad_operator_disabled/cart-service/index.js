// The pod switches the Operator's Node.js injection off, and the code instruments only Express.
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { ExpressInstrumentation } = require('@opentelemetry/instrumentation-express');

const sdk = new NodeSDK({ instrumentations: [new ExpressInstrumentation()] });
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());

const express = require('express');

const app = express();
app.get('/cart', (req, res) => res.json([])); // expect: inbound-not-extracted
app.listen(8080);
