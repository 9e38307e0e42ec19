// A module of the single-page app: the Dockerfile serves its bundle with nginx, so it runs in a
// browser, which has no trace to send.
export class Storage {
  constructor(private readonly baseUrl: string) {}

  async file(path: string): Promise<string> {
    const response = await fetch(`${this.baseUrl}/storage/${path}`);
    return response.text();
  }
}
