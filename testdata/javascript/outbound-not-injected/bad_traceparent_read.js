// The handler reads the incoming traceparent (to log it) but sends its own request without one.
const { NodeSDK } = require('@opentelemetry/sdk-node');

const sdk = new NodeSDK();
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());

async function rates(req) {
  console.log('caller trace', req.headers['traceparent']);
  return fetch('http://rates/usd', { headers: { accept: 'application/json' } }); // expect: outbound-not-injected
}

module.exports = { rates };
