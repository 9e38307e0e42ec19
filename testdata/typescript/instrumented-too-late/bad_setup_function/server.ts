// The database driver is loaded before the function that registers its instrumentation runs.
import * as http from 'http';
import * as mongodb from 'mongodb';
import { setupTracing } from './tracer'; // expect: instrumented-too-late

setupTracing('users');

let db: mongodb.Db;
http.createServer((req, res) => {
  db.collection('users').find().toArray().then((users) => res.end(JSON.stringify(users)));
}).listen(8080);
