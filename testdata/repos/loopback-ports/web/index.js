const express = require('express');

const app = express();

app.get('/checkout', async (req, res) => {
  const account = await fetch('http://localhost:4002/accounts/1');
  const invoice = await fetch(`${process.env.BILLING_URL}/invoices`);
  const nobody = await fetch('http://localhost:9999/status');
  const audit = await fetch('http://localhost:7000/audit');
  res.json({ account: await account.json(), invoice: await invoice.json() });
});

app.listen(3000);
