import { NodeSDK } from '@opentelemetry/sdk-node';
import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';
import { B3Propagator } from '@opentelemetry/propagator-b3';

// Built once and passed by name.
const propagator = new B3Propagator();

const sdk = new NodeSDK({
  textMapPropagator: propagator,
  instrumentations: [getNodeAutoInstrumentations()],
});
sdk.start();

process.on('SIGTERM', () => {
  sdk.shutdown().finally(() => process.exit(0));
});
