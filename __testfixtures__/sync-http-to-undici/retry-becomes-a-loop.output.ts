import request from 'sync-request';

import { request as request2, getGlobalDispatcher, interceptors } from 'undici';

// redirects are followed as before; undici.request follows them only through this interceptor
const followRedirects = getGlobalDispatcher().compose(interceptors.redirect({ maxRedirections: 20 }));

// sync-request retried these GETs (a network error, or a status of 400 or more)
export async function getTrusted(url: string): Promise<string> {
  const response = await requestWithRetries(url, { dispatcher: followRedirects }, 5, 500);
  const responseBody = Buffer.from(await response.body.arrayBuffer());

  if (response.statusCode >= 300) {
    throw Object.assign(new Error(`Server responded to ${url} with status code ${response.statusCode}:\n${responseBody}`), {
      statusCode: response.statusCode, headers: response.headers, body: responseBody, url,
    });
  }

  return responseBody.toString('utf8');
}

export async function getDisallowed(url: string): Promise<number> {
  const res = await requestWithRetries(url, { headersTimeout: 10000, dispatcher: followRedirects }, 5, 200);
  await res.body.dump();
  return res.statusCode;
}

// retry applies to GET only: ignored here, as sync-request did
export async function ping(url: string): Promise<number> {
  const response = await request2(url, { method: 'HEAD', dispatcher: followRedirects });
  await response.body.dump();
  return response.statusCode;
}

// a retry decided at run time is left as it was
export function maybe(url: string, retry: boolean): string {
  return request('GET', url, { retry }).getBody('utf8');
}

// awaitify: sync-request retried a GET that failed (a network error, or a status of 400 or more)
// maxRetries times, retryDelay ms apart, and gave the last response or error; this does the same.
async function requestWithRetries(
  url: Parameters<typeof request2>[0],
  options: Parameters<typeof request2>[1],
  maxRetries: number,
  retryDelay: number,
): ReturnType<typeof request2> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const response = await request2(url, options);
      if (response.statusCode < 400 || attempt >= maxRetries) return response;
      await response.body.dump();
    } catch (error) {
      if (attempt >= maxRetries) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, retryDelay));
  }
}
