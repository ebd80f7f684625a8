import { request, fetch, getGlobalDispatcher, interceptors } from 'undici';

// redirects are followed as before; undici.request follows them only through this interceptor
const followRedirects = getGlobalDispatcher().compose(interceptors.redirect({ maxRedirections: 20 }));

export async function status(url) {
  const res = await request(url, { method: 'HEAD', dispatcher: followRedirects });
  await res.body.dump();
  return res.statusCode;
}

export async function title(url) {
  const res = await fetch(url);
  return res.ok ? await res.text() : '';
}
