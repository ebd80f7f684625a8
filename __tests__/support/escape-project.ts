/**
 * A small project whose sync-request calls sit under code a framework calls synchronously: a markdown-it
 * rule, an ESLint rule's visitor, an Express 4 route whose errors must reach the error middleware. A
 * fourth chain (a report awaited by an async main) has no such caller and must convert. driver.js runs
 * them all against the loopback server (CASE_SERVER) and prints what it saw as JSON. Each chain starts
 * at its own sync-request call, so one boundary does not hide another.
 */
export const escapeProject: Record<string, string> = {
  'status.js': `'use strict';

const request = require('sync-request');

function fetchStatus(url) {
  return request('GET', url).statusCode;
}

module.exports = { fetchStatus };
`,
  'report.js': `'use strict';

const { fetchStatus } = require('./status');

async function main(base) {
  return [fetchStatus(base + '/json'), fetchStatus(base + '/status/404')];
}

module.exports = { main };
`,
  'image-titles.js': `'use strict';

const request = require('sync-request');

function fetchTitle(url) {
  return request('GET', url).getBody('utf8').trim();
}

// markdown-it calls renderer rules synchronously and joins the strings they return
module.exports = function imageTitles(md) {
  md.renderer.rules.image = function (tokens, idx) {
    const src = tokens[idx].attrGet('src');
    return '<img src="' + src + '" title="' + fetchTitle(src) + '">';
  };
};
`,
  'link-rule.js': `'use strict';

const request = require('sync-request');

function fetchTitle(url) {
  return request('GET', url).getBody('utf8').trim();
}

module.exports = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    return {
      Literal(node) {
        if (typeof node.value === 'string' && node.value.startsWith('http://')) {
          context.report({ node, message: 'links to ' + fetchTitle(node.value) });
        }
      },
    };
  },
};
`,
  'app.js': `'use strict';

const express = require('express');
const request = require('sync-request');

function fetchTitle(url) {
  return request('GET', url).getBody('utf8').trim();
}

const app = express();
app.get('/title', (req, res) => {
  res.send('title: ' + fetchTitle(req.query.url));
});
app.use((error, req, res, next) => {
  res.status(502).send('caught: ' + error.message.split('\\n')[0]);
});

module.exports = { app };
`,
  'driver.js': `'use strict';

const http = require('node:http');
const markdownIt = require('markdown-it');
const { Linter, RuleTester } = require('eslint');
const imageTitles = require('./image-titles');
const linkRule = require('./link-rule');
const { app } = require('./app');
const { main } = require('./report');

function get(url) {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve(res.statusCode + ' ' + body));
    }).on('error', reject);
  });
}

(async () => {
  const base = process.env.CASE_SERVER;
  const seen = {};
  seen.html = markdownIt().use(imageTitles).render('![logo](' + base + '/text)');
  const code = 'const a = "' + base + '/text";';
  const linter = new Linter({ configType: 'flat' });
  seen.lint = linter
    .verify(code, { plugins: { own: { rules: { links: linkRule } } }, rules: { 'own/links': 'error' } })
    .map((m) => m.line + ':' + m.column + ' ' + m.message);
  try {
    new RuleTester().run('links', linkRule, {
      valid: ['const a = "mailto:x";'],
      invalid: [{ code, errors: [{ message: 'links to ' + seen.html.match(/title="([^"]*)"/)[1] }] }],
    });
    seen.ruleTester = 'passed';
  } catch (error) {
    seen.ruleTester = 'failed: ' + error.message;
  }
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const own = 'http://127.0.0.1:' + server.address().port;
  seen.route = await get(own + '/title?url=' + encodeURIComponent(base + '/text'));
  seen.routeError = await get(own + '/title?url=' + encodeURIComponent(base + '/status/500'));
  server.close();
  seen.report = await main(base);
  process.stdout.write(JSON.stringify(seen));
})().catch((error) => {
  process.stdout.write(JSON.stringify({ crashed: String(error && error.stack) }));
});
`,
};
