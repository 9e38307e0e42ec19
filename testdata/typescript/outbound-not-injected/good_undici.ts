// Undici instrumentation covers the built-in fetch; HTTP instrumentation covers axios.
import { NodeSDK } from '@opentelemetry/sdk-node';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';

const sdk = new NodeSDK({
  instrumentations: [new HttpInstrumentation(), new UndiciInstrumentation()],
});
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());

import axios from 'axios';

async function checkout(order) {
  const rates = await fetch('http://rates/usd');
  await axios.post('http://payments/charge', order);
  return rates;
}

export { checkout };
