import request from 'sync-request';

const res = request('GET', 'http://127.0.0.1:8080/config.json');
export const config = JSON.parse(res.getBody('utf8'));
