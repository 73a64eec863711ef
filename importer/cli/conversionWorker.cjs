// The conversion worker's entry: teaches the worker thread TypeScript (as tsx runs the
// importer), then loads it. A worker thread does not inherit the loader of the thread that
// starts it.
require('tsx/cjs/api').register()
require('./conversionWorker.ts')
