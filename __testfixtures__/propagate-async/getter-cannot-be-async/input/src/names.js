const profile = require('./profile');

/**
 * The name as shown on screen.
 * @param {number} id
 * @returns {string}
 */
function displayName(id) {
  return profile.loadName(id).toUpperCase();
}

exports.displayName = displayName;
