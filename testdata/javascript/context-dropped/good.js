// Fresh roots where they belong: startup code, background jobs, and extraction from headers.
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { getNodeAutoInstrumentations } = require('@opentelemetry/auto-instrumentations-node');

const sdk = new NodeSDK({ instrumentations: [getNodeAutoInstrumentations()] });
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());
const express = require('express');
const { trace, context, propagation, ROOT_CONTEXT } = require('@opentelemetry/api');

const tracer = trace.getTracer('api');
const app = express();

app.get('/orders/:id', (req, res) => {
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  context.with(parent, () => {
    const span = tracer.startSpan('load-order');
    span.end();
  });
  res.send('ok');
});

// A scheduled job has no request: a new root is right.
function nightly() {
  const span = tracer.startSpan('nightly', { root: true });
  span.end();
}

setInterval(nightly, 86400000);
app.listen(8080);
