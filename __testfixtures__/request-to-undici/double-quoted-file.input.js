"use strict";

const request = require("request");

const api = request.defaults({ baseUrl: "https://api.example.com", json: true });

exports.post = (payload, done) => {
  request.post({ url: "https://api.example.com/forms", form: payload }, done);
};

exports.fetch = (url, done) => {
  request(url, done);
};

exports.users = (done) => {
  api.get("/users", done);
};

exports.send = (payload, done) => request.post({ url: "https://api.example.com/forms", body: payload }, done);
