async function handler(req) {
  const body = await req.json();
  log(body);
  const rows = await db.rows();
  const total = await rows.length;
  const user = await db.user(req.id);
  return { total, user };
}

async function clash(req) {
  const body = 1;
  await (async () => {
    const body = await req.json();
    log(body);
  })();
  return body;
}

async function earlyReturn(flag) {
  await (async () => {
    if (flag) return;
    await work();
  })();
  return 'done';
}

function notAwaited() {
  (async () => {
    await work();
  })();
}

module.exports = { handler, clash, earlyReturn, notAwaited };
