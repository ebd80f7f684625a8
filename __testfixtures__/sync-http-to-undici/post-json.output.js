const { request, getGlobalDispatcher, interceptors } = require('undici');

// redirects are followed as before; undici.request follows them only through this interceptor
const followRedirects = getGlobalDispatcher().compose(interceptors.redirect({ maxRedirections: 20 }));

async function createUser(base, user) {
  const res = await request(base + '/users', {
    method: 'POST',
    headers: { authorization: 'Bearer secret', 'content-type': 'application/json' },
    body: JSON.stringify(user),
    dispatcher: followRedirects,
  });
  await res.body.dump();
  return { status: res.statusCode, location: res.headers.location };
}

async function replaceUser(base, user) {
  await (await request(`${base}/users/${user.id}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/merge-patch+json' },
    body: JSON.stringify(user),
    dispatcher: followRedirects,
  })).body.dump();
}

module.exports = { createUser, replaceUser };
