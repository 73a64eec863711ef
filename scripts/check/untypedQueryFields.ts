/**
 * Finds query result fields that `sanity typegen` could only type as `null` or `unknown`: a
 * projection naming a field the schema lacks (`"x": missingField` is typed `null`) or an
 * expression typegen cannot follow. Each is a query drifting from the schema.
 *
 * @param generated - the contents of `sanity.types.ts`
 * @returns one line per suspect field: `<ResultType>.<field>: <type>`
 */
export function untypedQueryFields(generated: string): string[] {
  const problems: string[] = []
  let resultType: string | undefined
  for (const line of generated.split('\n')) {
    const declaration = /^export type (\w+Result) =/.exec(line)
    if (declaration) resultType = declaration[1]
    else if (/^(export|\/\/ Source|declare|\/\/ Query TypeMap)/.test(line)) resultType = undefined
    if (!resultType) continue
    if (/^\s*export type \w+Result = (null|unknown)$/.test(line))
      problems.push(`${resultType}: ${line.split('= ')[1]}`)
    const field = /^\s+['"]?([\w$-]+)['"]?\??: (null|unknown|Array<unknown>|Array<null>)$/.exec(
      line,
    )
    if (field) problems.push(`${resultType}.${field[1]}: ${field[2]}`)
  }
  return problems
}
