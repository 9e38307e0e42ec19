import type { IncomingMessage, ServerResponse } from 'http';

export default (app) => {
  app.get('/', (req: IncomingMessage, res: ServerResponse) => res.send('ok'));
};
