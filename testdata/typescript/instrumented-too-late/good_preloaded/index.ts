// The start script preloads the SDK module, so its require here is a no-op.
import express from 'express';
import './tracing';
import routes from './routes';

const app = express();
routes(app);
app.listen(8080);
