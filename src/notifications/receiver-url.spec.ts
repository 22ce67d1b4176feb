import { receiverUrlProblem } from './receiver-url.js';

describe('receiver URLs', () => {
  it.each([
    ['https://alerts.example.org/rfl', false],
    ['https://alerts.example.org:8443/hooks?org=x', false],
    ['http://127.0.0.1:4000/hook', true],
    ['http://localhost/hook', true],
    ['http://[::1]:4000/hook', true],
  ])('accepts %s (loopback setting %s)', (url, allowHttpLoopback) => {
    expect(receiverUrlProblem(url, allowHttpLoopback)).toBeUndefined();
  });

  it.each([
    ['http://127.0.0.1:4000/hook', false, 'url must use https'],
    ['http://alerts.example.org/hook', true, 'url must use https (plain http only to a loopback address)'],
    ['http://127.0.0.1.example.org/hook', true, 'url must use https (plain http only to a loopback address)'],
    ['ftp://alerts.example.org/', false, 'url must use https'],
    ['file:///etc/passwd', true, 'url must use https (plain http only to a loopback address)'],
    ['alerts.example.org/hook', false, 'url must be an absolute URL'],
    ['https://user:pw@alerts.example.org/', false, 'url must not carry a user name or password'],
    ['https://alerts.example.org/#x', false, 'url must not have a fragment'],
  ])('refuses %s (loopback setting %s)', (url, allowHttpLoopback, problem) => {
    expect(receiverUrlProblem(url, allowHttpLoopback)).toBe(problem);
  });

  it('never repeats the URL in its message', () => {
    const url = 'http://secret-host.example.org/Fatima';
    expect(receiverUrlProblem(url, true)).not.toContain('secret-host');
  });
});
