// A simple span processor (or the console exporter) exports each span as it ends: nothing is
// buffered, so a missing shutdown loses nothing.
const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node');
const { SimpleSpanProcessor } = require('@opentelemetry/sdk-trace-base');
const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http');
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { ConsoleSpanExporter } = require('@opentelemetry/sdk-trace-node');
const { registerInstrumentations } = require('@opentelemetry/instrumentation');
const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');

const provider = new NodeTracerProvider();
provider.addSpanProcessor(new SimpleSpanProcessor(new OTLPTraceExporter()));
provider.register();
registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });

const debug = new NodeSDK({ traceExporter: new ConsoleSpanExporter() });
debug.start();

const http = require('http');
http.createServer((req, res) => res.end('ok')).listen(8080);
