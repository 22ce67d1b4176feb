import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { TestUser } from './factories.js';

/**
 * A browser-like client of the web console for supertest: keeps the cookies the console sets
 * (ignoring Secure and Path, as a browser on https would send them), and reads the CSRF token from
 * each page so that the next form post carries it.
 */
export function consoleAgent(app: INestApplication) {
  const server = app.getHttpServer();
  const jar = new Map<string, string>();
  let csrf = '';

  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const remember = (response: request.Response) => {
    const setCookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    for (const line of setCookies) {
      const [pair] = line.split(';');
      const index = pair.indexOf('=');
      const [name, value] = [pair.slice(0, index), pair.slice(index + 1)];
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.text ?? '');
    if (token) csrf = token[1];
    return response;
  };

  const agent = {
    jar,
    get csrf() {
      return csrf;
    },
    async get(path: string) {
      return remember(await request(server).get(path).set('Cookie', cookieHeader()));
    },
    /** A form post with the current CSRF token, unless the fields name their own `_csrf`. */
    async post(path: string, fields: Record<string, string | string[]> = {}) {
      return remember(
        await request(server)
          .post(path)
          .set('Cookie', cookieHeader())
          .type('form')
          .send({ _csrf: csrf, ...fields }),
      );
    },
    /**
     * Signs in through the console's form and, like a browser, follows a redirect to the home page
     * (whose forms carry the new session's CSRF token). Returns the answer to the password step.
     */
    async signIn(user: TestUser) {
      await agent.get('/console/login');
      const answer = await agent.post('/console/login', { email: user.email, password: user.password });
      if (answer.status === 303) await agent.get(answer.headers.location);
      return answer;
    },
  };
  return agent;
}

export type ConsoleAgent = ReturnType<typeof consoleAgent>;
