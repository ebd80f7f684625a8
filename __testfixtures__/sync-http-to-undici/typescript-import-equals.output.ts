import { request, getGlobalDispatcher, interceptors } from 'undici';

// redirects are followed as before; undici.request follows them only through this interceptor
const followRedirects = getGlobalDispatcher().compose(interceptors.redirect({ maxRedirections: 20 }));

export async function health(url: string): Promise<boolean> {
  const response = await request(url, { dispatcher: followRedirects });
  await response.body.dump();
  return response.statusCode === 200;
}
