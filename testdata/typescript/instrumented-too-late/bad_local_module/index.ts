// The entry file loads express before the module that starts the SDK.
import express from 'express';
import './tracing'; // expect: instrumented-too-late
import routes from './routes';

const app = express();
routes(app);
app.listen(8080);
