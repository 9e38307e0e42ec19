// Instrumented by the OpenTelemetry Operator (k8s/cart.yaml injects Node.js auto-instrumentation
// into the pod running this image): http and express are patched before the app loads.
const { trace } = require('@opentelemetry/api');
const express = require('express');

const tracer = trace.getTracer('cart');
const app = express();
app.get('/cart', (req, res) => tracer.startActiveSpan('load-cart', (span) => { span.end(); res.json([]); }));
app.listen(8080);
