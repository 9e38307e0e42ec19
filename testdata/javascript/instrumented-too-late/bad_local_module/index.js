// The entry file loads express before the module that starts the SDK.
const express = require('express');
require('./tracing'); // expect: instrumented-too-late
const routes = require('./routes');

const app = express();
routes(app);
app.listen(8080);
