'use strict';

const { fetchTitle } = require('./client');

// markdown-it calls renderer rules synchronously and joins the strings they return
module.exports = function titleLinks(md) {
  md.renderer.rules.link_open = function (tokens, idx) {
    const href = tokens[idx].attrGet('href');
    return `<a href="${href}" title="${fetchTitle(href)}">`;
  };
};
