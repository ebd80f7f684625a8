const { request, getGlobalDispatcher, interceptors } = require('undici');

// redirects are followed as before; undici.request follows them only through this interceptor
const followRedirects = getGlobalDispatcher().compose(interceptors.redirect({ maxRedirections: 20 }));

async function getJson(url) {
    const response = await request(url, { dispatcher: followRedirects });
    const responseBody = Buffer.from(await response.body.arrayBuffer());

    if (response.statusCode >= 300) {
      throw Object.assign(new Error(`Server responded to ${url} with status code ${response.statusCode}:\n${responseBody}`), {
        statusCode: response.statusCode, headers: response.headers, body: responseBody, url,
      });
    }

    return JSON.parse(responseBody.toString('utf8'));
}

async function findUser(id) {
	const user = await getJson('http://x/u/' + id); return user.name;
}

class Users {
	async names(ids) {
		if (ids.length > 0) {
            const idsResults = [];

            for (const id of ids) {
                idsResults.push(await findUser(id));
            }

            return idsResults.join(', ');
        }
		return findUser(0);
	}
}

module.exports = { findUser, Users };
