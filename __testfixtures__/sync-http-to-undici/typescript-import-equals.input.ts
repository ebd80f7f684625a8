import request = require('sync-request');

export function health(url: string): boolean {
  return request('GET', url).statusCode === 200;
}
