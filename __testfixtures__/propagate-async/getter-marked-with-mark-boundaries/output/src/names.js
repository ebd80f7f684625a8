const profile = require('./profile');

/**
 * The name as shown on screen.
 * @param {number} id
 * @returns {Promise<string>}
 */
async function displayName(id) {
  return (await profile.loadName(id)).toUpperCase();
}

exports.displayName = displayName;
