// The suites on a real n8n start servers (and a browser): minutes, not seconds.
jest.setTimeout(180_000);
