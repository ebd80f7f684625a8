import { request, getGlobalDispatcher, interceptors } from 'undici';

// redirects are followed as before; undici.request follows them only through this interceptor
const followRedirects = getGlobalDispatcher().compose(interceptors.redirect({ maxRedirections: 20 }));

const res = await request('http://127.0.0.1:8080/config.json', { dispatcher: followRedirects });
const resBody = Buffer.from(await res.body.arrayBuffer());

if (res.statusCode >= 300) {
  throw Object.assign(new Error(`Server responded to http://127.0.0.1:8080/config.json with status code ${res.statusCode}:\n${resBody}`), {
    statusCode: res.statusCode, headers: res.headers, body: resBody, url: 'http://127.0.0.1:8080/config.json',
  });
}

export const config = JSON.parse(resBody.toString('utf8'));
