// koa-hbs: koa 1 middleware and a handler given to app.use, in a library with no co import of its own
const koa = require('koa');

exports.middleware = function (hbs) {
  return function *(next) {
    this.render = hbs.createRenderer();
    yield* next;
  };
};

const app = koa();
app.use(function * () {
  yield this.render('main', { title: 'koa-hbs' });
});
