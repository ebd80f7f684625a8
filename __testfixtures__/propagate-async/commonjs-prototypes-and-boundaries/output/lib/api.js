async function getJson(url) {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return { url, ok: url.endsWith('/health') };
}

async function getText(url) {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return `text of ${url}`;
}

async function getConfig() {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return { debug: false };
}

async function getClock() {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return 0;
}

module.exports = { getJson, getText, getConfig, getClock };
