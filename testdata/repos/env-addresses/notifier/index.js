const http = require('http');

const server = http.createServer(async (req, res) => {
  const price = await fetch(`${process.env.PRICING_URL}/price`);
  res.end(await price.text());
});

server.listen(8090);
