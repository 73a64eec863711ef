import {Card, Stack, Text} from '@sanity/ui'
import type {ArrayOfPrimitivesInputProps} from 'sanity'

/**
 * Shows an article's import notes as a short list to read, not as editable items: the importer
 * writes them, and publishing the article clears them.
 *
 * @param props - the array input's props
 * @returns the notes, in a caution card
 */
export function ImportNotesInput(props: ArrayOfPrimitivesInputProps) {
  const notes = (props.value ?? []).filter((note): note is string => typeof note === 'string')
  return (
    <Card padding={3} radius={2} tone="caution" border data-testid="import-notes">
      <Stack space={3}>
        {notes.map((note, index) => (
          <Text key={index} size={1}>
            {note}
          </Text>
        ))}
      </Stack>
    </Card>
  )
}
