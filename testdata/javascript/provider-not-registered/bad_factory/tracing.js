// The factory's SDK is built by the caller but never started: nothing is registered.
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http');

function OpenTelemetry(serviceName) {
  return new NodeSDK({ serviceName, traceExporter: new OTLPTraceExporter() }); // expect: provider-not-registered
}

module.exports = { OpenTelemetry };
