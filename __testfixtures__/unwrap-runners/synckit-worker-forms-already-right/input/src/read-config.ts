// eslint-plugin-remix-react-routes: the synckit function is exported, and already a top-level const
import * as path from 'path';
import { createSyncFn } from 'synckit';

export const readConfigSync = createSyncFn(path.join(__dirname, './worker.mjs'));
