// The SDK is built by a factory; the entry point starts what it returns.
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http');

function OpenTelemetry(serviceName) {
  return new NodeSDK({ serviceName, traceExporter: new OTLPTraceExporter() });
}

module.exports = { OpenTelemetry };
