'use strict';

const { fetchTitle } = require('./client');

module.exports = {
  meta: { type: 'problem' },
  create(context) {
    return {
      Literal(node) {
        if (typeof node.value === 'string' && node.value.startsWith('http://')) {
          context.report({ node, message: fetchTitle(node.value) });
        }
      },
    };
  },
};
