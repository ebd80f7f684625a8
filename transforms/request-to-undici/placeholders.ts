/**
 * Names the converted code takes from modules, written as placeholders first and renamed once the
 * file's final local names are known (the old `const request = require('request')` frees the name
 * `request` only when every use of it moved).
 */
export const placeholders = {
  request: '__awaitify_undici_request__',
  getGlobalDispatcher: '__awaitify_undici_getGlobalDispatcher__',
  interceptors: '__awaitify_undici_interceptors__',
  Agent: '__awaitify_undici_Agent__',
  qs: '__awaitify_qs__',
  zlib: '__awaitify_zlib__',
  promisify: '__awaitify_promisify__',
  sendRequest: '__awaitify_send_request__',
  sendRequestPromise: '__awaitify_send_request_promise__',
  sendRequestWithCallback: '__awaitify_send_request_with_callback__',
  mergeRequestOptions: '__awaitify_merge_request_options__',
} as const;
