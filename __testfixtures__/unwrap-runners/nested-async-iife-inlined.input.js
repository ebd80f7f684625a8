async function handler(req) {
  await (async () => {
    const body = await req.json();
    log(body);
  })();
  const total = await (async () => {
    const rows = await db.rows();
    return rows.length;
  })();
  const user = await (async () => {
    return db.user(req.id);
  })();
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
