// A look-alike: the module starts what it is injected under another token; the SDK's own token
// is never injected, so the SDK is built and never started.
import { Provider } from '@nestjs/common';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
export const SDK_TOKEN = 'OTEL_SDK';
export const WORKER_TOKEN = 'WORKER';

export const OtelSdkProvider: Provider<NodeSDK> = {
  provide: SDK_TOKEN,
  useFactory: () => {
    return new NodeSDK({ serviceName: 'orders', traceExporter: new OTLPTraceExporter() }); // expect: provider-not-registered
  },
};
