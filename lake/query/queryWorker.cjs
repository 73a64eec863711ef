// The query worker's entry: teaches the worker thread TypeScript (as tsx runs the lake), then
// loads it. A worker thread does not inherit the loader of the thread that starts it.
require('tsx/cjs/api').register()
require('./queryWorker.ts')
