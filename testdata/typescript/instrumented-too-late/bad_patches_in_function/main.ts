import { otelSDK, instrument } from './tracing';
import express from 'express';

otelSDK.start(); // expect: instrumented-too-late
instrument();
const app = express();
app.get('/health', (_req, res) => res.send('ok'));
app.listen(8080);
