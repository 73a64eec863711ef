/**
 * Plain-text wire articles for load and fault tests: varied lengths, subheadings, bylines and
 * signup trailers, deterministic for a given count.
 *
 * @param count - how many articles
 * @returns file names and texts
 */
export function generateArticles(count: number): {fileName: string; text: string}[] {
  const authors = ['Anna Smith', 'Ben Jones', 'Chloé Martin', 'Florent Vergnes', 'Олена Петренко']
  return Array.from({length: count}, (_, index) => {
    const paragraphs = Array.from(
      {length: 3 + (index % 5)},
      (__, p) =>
        `Paragraph ${p + 1} of article ${index + 1} reports on the day’s events in some detail.`,
    )
    const byline = `${authors[index % authors.length]}${index % 3 === 0 ? ', with AFP' : ''}`
    const frontMatter = `---\ntitle: Article number ${index + 1}\npublishedAt: 2024-01-0${1 + (index % 9)}T00:00:00Z\n---\n`
    const blocks = [
      ...paragraphs.slice(0, 2),
      ...(index % 2 === 0 ? ['Section heading'] : []),
      ...paragraphs.slice(2),
      byline,
      ...(index % 4 === 0
        ? ['Subscribe to our newsletter', 'Sign up', 'Please wait...', 'Thanks for signing up!']
        : []),
    ]
    return {
      fileName: `wire-${String(index + 1).padStart(4, '0')}.txt`,
      text: frontMatter + blocks.join('\n\n'),
    }
  })
}
