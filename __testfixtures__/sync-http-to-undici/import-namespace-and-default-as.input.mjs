import * as syncRequest from 'sync-request';
import { default as fetchSync } from 'sync-fetch';

export function status(url) {
  const res = syncRequest.default('HEAD', url);
  return res.statusCode;
}

export function title(url) {
  const res = fetchSync(url);
  return res.ok ? res.text() : '';
}
