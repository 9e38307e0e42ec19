// The service sends through Node's instrumented http module; its end-to-end tests (a `__e2e__`
// folder, `*.servertest.ts` and `*.e2e.ts` files) call it with plain fetch, which HTTP
// instrumentation does not cover, and are not deployed code.
import { NodeSDK } from '@opentelemetry/sdk-node';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';

const sdk = new NodeSDK({ instrumentations: [new HttpInstrumentation()] });
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());

import * as http from 'http';

export function prices(done: (status?: number) => void) {
  http.get('http://prices/usd', (res) => done(res.statusCode));
}
