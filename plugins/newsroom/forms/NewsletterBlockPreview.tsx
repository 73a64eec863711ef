import {EnvelopeIcon} from '@sanity/icons'
import {Box, Card, Flex, Stack, Text} from '@sanity/ui'
import type {PreviewProps} from 'sanity'

/**
 * A newsletter signup in a section's text as readers will meet it: its heading, the button's
 * label, and the messages shown while sending and after signing up, instead of a bare row.
 *
 * @param props - the prepared preview: heading as title, button as subtitle, messages as
 *   description
 * @returns the signup's preview
 */
export function NewsletterBlockPreview(props: PreviewProps) {
  const {title, subtitle, description} = props
  return (
    <Card padding={3} radius={2} tone="primary" data-testid="newsletter-block-preview">
      <Flex gap={3} align="flex-start">
        <Text size={2}>
          <EnvelopeIcon />
        </Text>
        <Box flex={1}>
          <Stack space={2}>
            <Text size={1} weight="semibold">
              {typeof title === 'string' ? title : 'Newsletter signup'}
            </Text>
            {typeof subtitle === 'string' ? <Text size={1}>{subtitle}</Text> : null}
            {typeof description === 'string' ? (
              <Text size={1} muted>
                {description}
              </Text>
            ) : null}
          </Stack>
        </Box>
      </Flex>
    </Card>
  )
}
