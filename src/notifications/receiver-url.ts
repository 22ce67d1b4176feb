/** Hosts plain http may reach when WEBHOOK_ALLOW_HTTP_LOOPBACK is set. */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Why a receiver URL is refused, or undefined when it is accepted. https only, so ids and the
 * signature never cross a network in clear; plain http only to loopback and only when the setting
 * allows it. No user name or password (they would sit in the database and the admin's screen),
 * no fragment. The message never repeats the URL.
 */
export function receiverUrlProblem(input: string, allowHttpLoopback: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return 'url must be an absolute URL';
  }
  if (url.username || url.password) return 'url must not carry a user name or password';
  if (url.hash) return 'url must not have a fragment';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && allowHttpLoopback && isLoopbackHost(url.hostname)) return undefined;
  return allowHttpLoopback ? 'url must use https (plain http only to a loopback address)' : 'url must use https';
}
