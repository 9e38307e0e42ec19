// fetch without undici instrumentation, but the headers are injected by hand.
import { NodeSDK } from '@opentelemetry/sdk-node';
import { context, propagation } from '@opentelemetry/api';

const sdk = new NodeSDK();
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());

async function rates() {
  const headers = {};
  propagation.inject(context.active(), headers);
  return fetch('http://rates/usd', { headers });
}

export { rates };
