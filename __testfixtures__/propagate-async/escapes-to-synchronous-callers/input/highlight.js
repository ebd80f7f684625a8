'use strict';

const markdownIt = require('markdown-it');
const { fetchTitle } = require('./client');

const md = markdownIt({
  highlight(code, lang) {
    return lang === 'url' ? fetchTitle(code) : code;
  },
});

module.exports = { md };
