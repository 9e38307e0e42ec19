const express = require('express');

const app = express();

app.get('/checkout', async (req, res) => {
  const account = await fetch('http://localhost:4002/accounts/1');
  const invoice = await fetch(`${process.env.BILLING_URL}/invoices`);
  const nobody = await fetch('http://localhost:9999/status');
  const audit = await fetch('http://localhost:7000/audit');
  const stock = await fetch('http://localhost:7070/stock');
  const user = await fetch('http://127.0.0.1:8081/users/1');
  res.json({ account: await account.json(), invoice: await invoice.json() });
});

app.listen(3000);
