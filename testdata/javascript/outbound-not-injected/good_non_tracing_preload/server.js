// No tracing at all: `-r dotenv/config` loads environment files and `rm -r` deletes a
// directory; neither preloads instrumentation, so these calls are not traced requests.
const express = require('express');
const axios = require('axios');

const app = express();
app.get('/orders', async (req, res) => {
  const stock = await axios.get(process.env.STOCK_URL + '/stock');
  res.json(stock.data);
});
app.listen(3000);
