// The instrumentations are built inside a function: nothing is patched when this module loads.
import { NodeSDK } from '@opentelemetry/sdk-node';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';

export const otelSDK = new NodeSDK({});
process.on('SIGTERM', () => otelSDK.shutdown());

export function instrument() {
  registerInstrumentations({
    instrumentations: [new HttpInstrumentation(), new ExpressInstrumentation()],
  });
}
