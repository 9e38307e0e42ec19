const express = require('express');

const PAYMENT_URL = process.env.PAYMENT_URL || 'http://localhost:8080';
const app = express();

app.post('/buy', async (req, res) => {
  const charge = await fetch(`${PAYMENT_URL}/charge`, { method: 'POST' }); // expect: propagator-mismatch
  res.status(charge.ok ? 200 : 502).end();
});

app.listen(8081);
