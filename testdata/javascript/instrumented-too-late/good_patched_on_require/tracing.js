// Constructing the instrumentations at the top level enables them as this module loads.
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { getNodeAutoInstrumentations } = require('@opentelemetry/auto-instrumentations-node');

const sdk = new NodeSDK({ instrumentations: [getNodeAutoInstrumentations()] });
process.on('SIGTERM', () => sdk.shutdown());
module.exports = { sdk };
