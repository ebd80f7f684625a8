import makeSynchronous from 'make-synchronous';

const hash = makeSynchronous(async (text) => {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(text).digest('hex');
});

const prefix = 'v1:';
const tagged = makeSynchronous(async (text) => prefix + text);

export function checksum(body) {
  return hash(body);
}

export function tag(body) {
  return tagged(body);
}
