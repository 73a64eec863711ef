// Checks that need the Sanity CLI, run by `npm test` before the unit tests.
import {checkSchema} from './check/schema'
import {checkTypegen} from './check/typegen'
import {untypedQueryFields} from './check/untypedQueryFields'

const root = new URL('..', import.meta.url).pathname

const problems = await checkSchema(root)
if (problems.length > 0) {
  console.error(`sanity schema validate: ${problems.length} problem(s)\n${problems.join('\n')}`)
  process.exit(1)
}
console.log('✔ schema: 0 errors, 0 warnings')

const typegen = await checkTypegen(root)
const untyped = untypedQueryFields(typegen.generated)
if (typegen.errors.length > 0 || untyped.length > 0) {
  console.error('✖ queries that do not match the schema:')
  for (const problem of [...typegen.errors, ...untyped]) console.error(`  ${problem}`)
  process.exit(1)
}
if (!typegen.current) {
  console.error('✖ sanity.types.ts was stale and has been regenerated: review and commit it')
  process.exit(1)
}
console.log('✔ sanity.types.ts matches the schema and queries, and every query field is typed')
