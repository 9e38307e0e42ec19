const { OpenTelemetry } = require('./tracing');
const sdk = OpenTelemetry('orders');
sdk.start(); // expect: no-propagator
process.on('SIGTERM', () => sdk.shutdown());
const express = require('express');
const app = express();
app.get('/orders', (req, res) => res.send('ok'));
app.listen(8080);
