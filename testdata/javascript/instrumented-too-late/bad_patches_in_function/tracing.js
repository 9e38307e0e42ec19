// The instrumentations are built inside a function: nothing is patched when this module loads.
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { registerInstrumentations } = require('@opentelemetry/instrumentation');
const { getNodeAutoInstrumentations } = require('@opentelemetry/auto-instrumentations-node');

const sdk = new NodeSDK({});
process.on('SIGTERM', () => sdk.shutdown());

function instrument() {
  registerInstrumentations({ instrumentations: [getNodeAutoInstrumentations()] });
}
module.exports = { sdk, instrument };
