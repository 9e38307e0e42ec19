// The function injects into a headers object, then sends the request without it.
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { context, propagation } = require('@opentelemetry/api');

const sdk = new NodeSDK();
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());

async function rates() {
  const headers = {};
  propagation.inject(context.active(), headers);
  return fetch('http://rates/usd'); // expect: outbound-not-injected
}

module.exports = { rates };
