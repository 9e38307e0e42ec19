// A NestJS provider builds the SDK in its factory; the tracing module receives it by token and
// starts it when the module initialises.
import { Provider } from '@nestjs/common';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
export const SDK_TOKEN = 'OTEL_SDK';

export const OtelSdkProvider: Provider<NodeSDK> = {
  provide: SDK_TOKEN,
  useFactory: () => {
    return new NodeSDK({ serviceName: 'orders', traceExporter: new OTLPTraceExporter() });
  },
};
