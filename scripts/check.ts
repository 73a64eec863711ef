// Checks that need the Sanity CLI, run by `npm test` before the unit tests.
import {checkSchema} from './check/schema'
import {isTypegenCurrent} from './check/typegen'

const root = new URL('..', import.meta.url).pathname

const problems = await checkSchema(root)
if (problems.length > 0) {
  console.error(`sanity schema validate: ${problems.length} problem(s)\n${problems.join('\n')}`)
  process.exit(1)
}
console.log('✔ schema: 0 errors, 0 warnings')

if (!(await isTypegenCurrent(root))) {
  console.error('✖ sanity.types.ts was stale and has been regenerated: review and commit it')
  process.exit(1)
}
console.log('✔ sanity.types.ts matches the schema and queries')
