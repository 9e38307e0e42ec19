// fetch without undici instrumentation, but the headers are injected by hand.
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { context, propagation } = require('@opentelemetry/api');

const sdk = new NodeSDK();
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());

async function rates() {
  const headers = {};
  propagation.inject(context.active(), headers);
  return fetch('http://rates/usd', { headers });
}

module.exports = { rates };
