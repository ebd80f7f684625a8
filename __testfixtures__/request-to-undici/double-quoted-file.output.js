"use strict";

const request = require("request");

const { request: request2, getGlobalDispatcher, interceptors } = require("undici");
const qs = require("qs");

// request(uri, options, callback) over undici: what request sent, and the response and body it called back with
async function sendRequest(uri, options, defaults) {
  // request(uri, options): the options with the uri; request(options) or request(uri): one of them
  if (typeof options === "object" && options !== null) options = { ...options, uri };
  else options = typeof uri === "string" ? { uri } : { ...uri };
  if (defaults) options = mergeRequestOptions(mergeRequestOptions({}, defaults), options);
  const method = (options.method || "GET").toUpperCase();
  let url = options.uri || options.url;
  if (options.baseUrl) {
    url = url === "" ? options.baseUrl : options.baseUrl.replace(/\/$/, "") + "/" + url.replace(/^\//, "");
  }
  const headers = {};
  for (const [name, value] of Object.entries(options.headers || {})) {
    if (value !== undefined) headers[name] = value;
  }
  const hasHeader = (name) => Object.keys(headers).some((key) => key.toLowerCase() === name);
  let body = options.body;
  if (options.form) {
    if (!hasHeader("content-type")) headers["content-type"] = "application/x-www-form-urlencoded";
    const escape = (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase();
    if (typeof options.form === "string") body = options.form.replace(/[!'()*]/g, escape);
    else body = qs.stringify(options.form, options.qsStringifyOptions);
  }
  if (options.json) {
    if (!hasHeader("accept")) headers.accept = "application/json";
    if (typeof options.json !== "boolean" || body !== undefined) {
      body = JSON.stringify(typeof options.json === "boolean" ? body : options.json);
      if (!hasHeader("content-type")) headers["content-type"] = "application/json";
    }
  }
  // user:pass@ in the URL: request sent it as Basic auth (unless one was set); undici drops it silently
  const { username, password } = new URL(url);
  if ((username || password) && !hasHeader("authorization")) {
    const credentials = decodeURIComponent(username) + ":" + decodeURIComponent(password);
    headers.authorization = "Basic " + Buffer.from(credentials).toString("base64");
  }
  // request follows redirects for GET, HEAD and OPTIONS only; undici.request follows none without this
  const follow = options.followRedirect !== false && ["GET", "HEAD", "OPTIONS"].includes(method);
  const dispatcher = getGlobalDispatcher();
  const response = await request2(url, {
    method,
    headers,
    body,
    dispatcher: follow
      ? dispatcher.compose(interceptors.redirect({ maxRedirections: options.maxRedirects ?? 10 }))
      : dispatcher,
  });
  const buffer = Buffer.from(await response.body.arrayBuffer());
  let responseBody;
  if (buffer.length > 0) {
    responseBody = buffer.toString();
  }
  if (options.json) {
    try {
      responseBody = JSON.parse(responseBody);
    } catch {
      // request kept a body that is not JSON as it came
    }
  } else if (responseBody === undefined) responseBody = "";
  const responseHeaders = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (name === "set-cookie") responseHeaders[name] = Array.isArray(value) ? value : [value];
    else responseHeaders[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return { statusCode: response.statusCode, headers: responseHeaders, body: responseBody };
}

// request.defaults(…): the defaults deep-merged under a call's own options, as request merged them
function mergeRequestOptions(target, source) {
  const isPlain = (value) =>
    value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype;
  for (const [key, value] of Object.entries(source)) {
    if (value === undefined) continue;
    target[key] = isPlain(value) ? mergeRequestOptions(isPlain(target[key]) ? target[key] : {}, value) : value;
  }
  return target;
}

const apiDefaults = { baseUrl: "https://api.example.com", json: true };

const api = (uri, options) => sendRequest(uri, options, apiDefaults);

exports.post = (payload, done) => {
  sendRequest({ url: "https://api.example.com/forms", form: payload, method: "POST" })
    .then((response) => done(null, response, response.body), done);
};

exports.fetch = (url, done) => {
  sendRequest(url).then((response) => done(null, response, response.body), done);
};

exports.users = (done) => {
  api("/users").then((response) => done(null, response, response.body), done);
};

exports.send = (payload, done) => request.post({ url: "https://api.example.com/forms", body: payload }, done);
