/** One JSON call to the API outside the measured run (accounts, seed data); a wrong status stops the benchmark. */
export async function callApi(
  apiUrl: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  options: { token?: string; body?: unknown; expect: number },
): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  // The path only: ids in it are opaque, and the body (which may hold personal data) is not repeated.
  if (response.status !== options.expect)
    throw new Error(`${method} ${path.split('/').slice(0, 3).join('/')}… answered HTTP ${response.status}, expected ${options.expect}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}
