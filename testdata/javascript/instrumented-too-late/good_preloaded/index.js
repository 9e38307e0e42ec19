// The start script preloads the SDK module, so its require here is a no-op.
const express = require('express');
require('./tracing');
const routes = require('./routes');

const app = express();
routes(app);
app.listen(8080);
