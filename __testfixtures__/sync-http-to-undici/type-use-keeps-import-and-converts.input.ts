// Chatwork.ts: a sync-request type in a signature does not stop the call's conversion
import request = require('sync-request');

export function send(method: request.HttpVerb, url: string): string {
  const response = request(method, url);
  return response.getBody('utf8');
}
