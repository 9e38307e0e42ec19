// Undici instrumentation covers the built-in fetch; HTTP instrumentation covers axios.
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');
const { UndiciInstrumentation } = require('@opentelemetry/instrumentation-undici');

const sdk = new NodeSDK({
  instrumentations: [new HttpInstrumentation(), new UndiciInstrumentation()],
});
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());

const axios = require('axios');

async function checkout(order) {
  const rates = await fetch('http://rates/usd');
  await axios.post('http://payments/charge', order);
  return rates;
}

module.exports = { checkout };
