// `./tracing` is imported before express and patches it as it loads; start() only registers
// the provider.
import { otelSDK } from './tracing';
import express from 'express';

otelSDK.start();
const app = express();
app.get('/health', (_req, res) => res.send('ok'));
app.listen(8080);
