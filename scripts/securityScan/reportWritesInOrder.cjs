// Preloaded (node --require) into the electronegativity process only. Its CSV report is written by two
// fs.writeFile calls made back to back without waiting: the header (which truncates the file) and then the
// rows (appended). They race, and a header landing second overwrites the start of the first row, so the
// report comes out garbled now and then. Here the writes to one file run one after another, in the order
// they were asked for: header, then rows.
'use strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload for node --require
const fs = require('node:fs');

const writeFile = fs.writeFile;
const queues = new Map();
fs.writeFile = function writeFileInOrder(file, data, options, callback) {
  const done = typeof options === 'function' ? options : callback;
  const settings = typeof options === 'function' ? {} : options;
  const key = String(file);
  const turn = (queues.get(key) ?? Promise.resolve()).then(
    () =>
      new Promise((resolve) => {
        writeFile.call(fs, file, data, settings, (error) => {
          resolve();
          if (typeof done === 'function') done(error);
        });
      }),
  );
  queues.set(key, turn);
};
