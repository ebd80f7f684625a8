const { fetch } = require('undici');

async function download(url, token) {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(2000) });
  if (!res.ok) {
    throw new Error(`download failed: ${res.status} ${res.statusText}`);
  }
  const type = res.headers.get('content-type');
  return { type, data: Buffer.from(await res.arrayBuffer()), from: res.url, redirected: res.redirected };
}

module.exports = download;
