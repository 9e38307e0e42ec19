// The same module in a directory whose container runs Node: it is server code, and fetch is not
// covered by HTTP instrumentation.
export class Storage {
  constructor(private readonly baseUrl: string) {}

  async file(path: string): Promise<string> {
    const response = await fetch(`${this.baseUrl}/storage/${path}`); // expect: outbound-not-injected
    return response.text();
  }
}
