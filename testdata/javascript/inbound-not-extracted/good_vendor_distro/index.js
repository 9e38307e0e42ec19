// Instrumented by the AWS distribution's register preload in the Dockerfile.
const express = require('express');
const { trace } = require('@opentelemetry/api');

const tracer = trace.getTracer('cart');
const app = express();
app.get('/cart', (req, res) => {
  tracer.startActiveSpan('load', (span) => {
    res.json([]);
    span.end();
  });
});
app.listen(8080);
