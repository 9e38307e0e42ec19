const express = require('express');
const axios = require('axios');
const { trace } = require('@opentelemetry/api');

const tracer = trace.getTracer('quotes');
const app = express();

app.get('/quote', (req, res) => {
  tracer.startActiveSpan('quote', async (span) => {
    try {
      res.json(await axios.get('http://rates/usd'));
    } finally {
      span.end();
    }
  });
});

app.listen(8080);
