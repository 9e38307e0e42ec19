// Constructing the instrumentations at the top level enables them as this module loads.
import { NodeSDK } from '@opentelemetry/sdk-node';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';

export const otelSDK = new NodeSDK({
  instrumentations: [new HttpInstrumentation(), new ExpressInstrumentation()],
});
process.on('SIGTERM', () => otelSDK.shutdown());
