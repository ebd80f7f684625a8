async function load(id) {
  return id;
}

// as a loop, the map would have to run before the condition: left as it was, with a diagnostic
function loadAll(ids, fresh) {
  if (fresh) return ids.map((id) => load(id));
  return [];
}

// `ids?.map(…)` gives undefined for a missing array; a loop over it would throw
function loadSome(ids) {
  return ids?.map((id) => load(id));
}

// as `for (const ids of ids)` the array would be read inside the loop binding's dead zone
function loadEach(ids) {
  ids.forEach((ids) => {
    load(ids);
  });
}

module.exports = { load, loadAll, loadSome, loadEach };
