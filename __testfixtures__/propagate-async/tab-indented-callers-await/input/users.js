const request = require('sync-request');

function getJson(url) {
	return JSON.parse(request('GET', url).getBody('utf8'));
}

function findUser(id) {
	const user = getJson('http://x/u/' + id); return user.name;
}

class Users {
	names(ids) {
		if (ids.length > 0) {
			return ids.map((id) => findUser(id)).join(', ');
		}
		return findUser(0);
	}
}

module.exports = { findUser, Users };
