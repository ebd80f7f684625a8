'use strict';

const express = require('express');
const { getUser, saveUser } = require('./users');

const app = express();
app.use(express.json());

// Every request used to block the whole process while the users API answered.
app.get('/users/:id', (req, res) => {
  res.json(getUser(req.params.id));
});

app.post('/users', (req, res) => {
  res.status(201).json({ result: saveUser(req.body) });
});

module.exports = app;

if (require.main === module) {
  app.listen(Number(process.env.PORT || 3000));
}
