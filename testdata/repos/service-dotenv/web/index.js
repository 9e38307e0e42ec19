require('dotenv').config();
const http = require('http');

const server = http.createServer(async (req, res) => {
  const orders = await fetch(process.env.ORDERS_URL + '/orders');
  res.end(await orders.text());
});

server.listen(8080);
