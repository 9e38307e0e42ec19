import express from 'express';

const app = express();

app.post('/buy', async (req, res) => {
  const url = process.env['PAYMENT_URL'] + '/charge';
  const charge = await fetch(url, { method: 'POST' });
  res.status(charge.ok ? 200 : 502).end();
});

app.listen(8081);
