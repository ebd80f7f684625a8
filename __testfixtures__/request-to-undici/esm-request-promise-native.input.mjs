import rp from 'request-promise-native';

export const download = (url) => rp({ url, encoding: null, gzip: true, resolveWithFullResponse: true });

export async function head(url) {
  const headers = await rp.head(url);
  return headers['content-length'];
}
