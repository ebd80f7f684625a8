import request from 'sync-request';

// sync-request retried these GETs (a network error, or a status of 400 or more)
export function getTrusted(url: string): string {
  return request('GET', url, { retry: true, retryDelay: 500 }).getBody('utf8');
}

export function getDisallowed(url: string): number {
  const res = request('GET', url, { retry: true, maxRetries: 0, timeout: 10000 });
  return res.statusCode;
}

// retry applies to GET only: ignored here, as sync-request did
export function ping(url: string): number {
  return request('HEAD', url, { retry: true }).statusCode;
}

// a retry decided at run time is left as it was
export function maybe(url: string, retry: boolean): string {
  return request('GET', url, { retry }).getBody('utf8');
}
