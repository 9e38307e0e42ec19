// Request handlers that start spans from a fresh root instead of the request's trace.
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { getNodeAutoInstrumentations } = require('@opentelemetry/auto-instrumentations-node');

const sdk = new NodeSDK({ instrumentations: [getNodeAutoInstrumentations()] });
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());
const express = require('express');
const { trace, context, ROOT_CONTEXT } = require('@opentelemetry/api');

const tracer = trace.getTracer('api');
const app = express();

app.get('/orders/:id', (req, res) => {
  const span = tracer.startSpan('load-order', {}, ROOT_CONTEXT); // expect: context-dropped
  span.end();
  res.send('ok');
});

app.post('/orders', async (req, res) => {
  await tracer.startActiveSpan('create-order', { root: true }, async (span) => { // expect: context-dropped
    try {
      res.send('created');
    } finally {
      span.end();
    }
  });
});

function audit(req) {
  context.with(ROOT_CONTEXT, () => { // expect: context-dropped
    tracer.startSpan('audit').end();
  });
}

app.listen(8080);
