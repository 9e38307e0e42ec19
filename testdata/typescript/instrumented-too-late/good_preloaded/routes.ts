export default (app) => {
import type { IncomingMessage, ServerResponse } from 'http';
  app.get('/', (req: IncomingMessage, res: ServerResponse) => res.send('ok'));
};
