// The factory's SDK installs no propagator (`textMapPropagator: null`).
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { getNodeAutoInstrumentations } = require('@opentelemetry/auto-instrumentations-node');

function OpenTelemetry(serviceName) {
  return new NodeSDK({
    serviceName,
    textMapPropagator: null,
    instrumentations: [getNodeAutoInstrumentations()],
  });
}
module.exports = { OpenTelemetry };
