// Chatwork.ts: a sync-request type in a signature does not stop the call's conversion
import { request, getGlobalDispatcher, interceptors, Dispatcher } from 'undici';

// redirects are followed as before; undici.request follows them only through this interceptor
const followRedirects = getGlobalDispatcher().compose(interceptors.redirect({ maxRedirections: 20 }));

export async function send(method: Dispatcher.HttpMethod, url: string): Promise<string> {
  const response = await request(url, { method: method.toUpperCase(), dispatcher: followRedirects });
  const responseBody = Buffer.from(await response.body.arrayBuffer());

  if (response.statusCode >= 300) {
    throw Object.assign(new Error(`Server responded to ${url} with status code ${response.statusCode}:\n${responseBody}`), {
      statusCode: response.statusCode, headers: response.headers, body: responseBody, url,
    });
  }

  return responseBody.toString('utf8');
}
