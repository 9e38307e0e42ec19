// A factory returns the SDK through a local; a service class starts it when the app starts.
import { NodeSDK } from '@opentelemetry/sdk-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';

export const initializeOtelSdk = (serviceName: string): NodeSDK => {
  const sdk = new NodeSDK({ serviceName, traceExporter: new OTLPTraceExporter() });
  return sdk;
};
