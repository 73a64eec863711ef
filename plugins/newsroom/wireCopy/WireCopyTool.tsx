import {ClipboardIcon} from '@sanity/icons'
import {
  Badge,
  Box,
  Button,
  Card,
  Container,
  Flex,
  Heading,
  Label,
  Stack,
  Text,
  TextArea,
  TextInput,
} from '@sanity/ui'
import {type DragEvent, useMemo, useState} from 'react'
import {getPublishedId, useClient} from 'sanity'
import {IntentLink, useRouter} from 'sanity/router'

import {ARTICLE_TYPE} from '../../../schemas/constants'
import {API_VERSION} from '../../../settings/constants'
import {createArticleDraft, type DraftOutcome} from './createArticleDraft'
import {pastedFileName, readWireCopy, type WireCopy, type WireCopySummary} from './readWireCopy'

/** Files the tool reads when dropped: the importer's plain text and Markdown. */
const SOURCE_FILE = /\.(?:txt|md|markdown)$/i

/** One article being made: what the editor gave, and where its draft went. */
interface Item extends WireCopy {
  key: string
  outcome?: DraftOutcome
}

/** The pasted text's item key; dropped files are keyed by name and time. */
const PASTED = 'pasted'

/**
 * "New article from wire copy": an editor pastes wire copy or drops `.txt` and `.md` files,
 * checks what the importer found in each (headline, sections, credit, newsletter promo, notes),
 * corrects a headline, and makes the drafts, as `npm run import --drafts` would.
 *
 * @returns the tool's page
 */
export function WireCopyTool() {
  const client = useClient({apiVersion: API_VERSION})
  const router = useRouter()
  // The pasted text is an item like a dropped file's, named from its headline until the editor
  // names it.
  const [pasted, setPasted] = useState<Omit<Item, 'key' | 'name'> & {name?: string}>({text: ''})
  const [files, setFiles] = useState<Item[]>([])
  const [dropError, setDropError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()

  const pastedName = useMemo(
    () => pasted.name ?? pastedFileName(pasted.text),
    [pasted.name, pasted.text],
  )
  const items: Item[] = useMemo(
    () => [...(pasted.text.trim() ? [{...pasted, key: PASTED, name: pastedName}] : []), ...files],
    [pasted, pastedName, files],
  )
  const reads = useMemo(() => items.map((item) => readWireCopy(item, new Date())), [items])
  const ready = items.length > 0 && reads.every((read) => 'conversion' in read)

  const update = (key: string, change: Pick<Item, 'title'> | Pick<Item, 'outcome'>) => {
    if (key === PASTED) setPasted((item) => ({...item, ...change}))
    else setFiles((list) => list.map((item) => (item.key === key ? {...item, ...change} : item)))
  }

  const onDrop = async (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault()
    const dropped = [...event.dataTransfer.files]
    const sources = dropped.filter((file) => SOURCE_FILE.test(file.name))
    const others = dropped.filter((file) => !SOURCE_FILE.test(file.name))
    setDropError(
      others.length > 0
        ? `${others.map((file) => file.name).join(', ')}: only .txt, .md and .markdown files are read`
        : undefined,
    )
    const read = await Promise.all(
      sources.map(async (file) => ({
        key: `${file.name}:${file.lastModified}`,
        name: file.name,
        text: await file.text(),
      })),
    )
    setFiles((list) => [...list, ...read])
  }

  const create = async () => {
    setBusy(true)
    setFailure(undefined)
    try {
      const outcomes: DraftOutcome[] = []
      for (const [index, item] of items.entries()) {
        const read = reads[index]
        if (!read || !('conversion' in read) || item.outcome) continue
        const outcome = await createArticleDraft(read.conversion, client)
        outcomes.push(outcome)
        update(item.key, {outcome})
      }
      const [only] = outcomes
      if (outcomes.length === 1 && only?.status === 'created') {
        router.navigateIntent('edit', {id: getPublishedId(only.id), type: ARTICLE_TYPE})
      }
    } catch (error) {
      setFailure(
        `Creating the draft failed: ${error instanceof Error ? error.message : String(error)}`,
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card height="fill" overflow="auto" padding={4}>
      <Container width={2}>
        <Stack space={5}>
          <Stack space={3}>
            <Heading as="h1" size={3}>
              New article from wire copy
            </Heading>
            <Text muted size={1}>
              Paste an article as it came in, or drop .txt and .md files here. Each becomes a draft
              with its sections, credit and newsletter block, for you to check and publish.
            </Text>
          </Stack>
          <Card
            border
            radius={2}
            padding={2}
            tone={files.length > 0 ? 'positive' : 'default'}
            onDragOver={(event) => event.preventDefault()}
            onDrop={(event) => void onDrop(event)}
            data-testid="wire-copy-drop"
          >
            <TextArea
              rows={12}
              value={pasted.text}
              placeholder="Paste wire copy here, or drop files"
              onChange={(event) => {
                // New text is a new article: only the name the editor gave stays.
                const text = event.currentTarget.value
                setPasted(({name}) => (name ? {text, name} : {text}))
              }}
              data-testid="wire-copy-text"
            />
          </Card>
          {pasted.text.trim() ? (
            <Stack space={2}>
              <Label size={1}>File name (gives the article its id)</Label>
              <TextInput
                value={pastedName}
                onChange={(event) => {
                  const name = event.currentTarget.value
                  setPasted(({name: _given, ...item}) => (name ? {...item, name} : item))
                }}
                data-testid="wire-copy-name"
              />
            </Stack>
          ) : null}
          {dropError ? (
            <Card padding={3} radius={2} tone="critical">
              <Text size={1}>{dropError}</Text>
            </Card>
          ) : null}
          {items.map((item, index) => {
            const read = reads[index]
            return (
              <Card key={item.key} border radius={2} padding={4} data-testid="wire-copy-article">
                <Stack space={4}>
                  <Flex align="center" gap={2}>
                    <Box flex={1}>
                      <Text size={1} weight="semibold">
                        {item.name}
                      </Text>
                    </Box>
                    {item.outcome ? <OutcomeLink outcome={item.outcome} /> : null}
                  </Flex>
                  {!read || 'error' in read ? (
                    <Card padding={3} radius={2} tone="critical" data-testid="wire-copy-error">
                      <Text size={1}>{read?.error}</Text>
                    </Card>
                  ) : (
                    <Summary
                      summary={read.summary}
                      onTitle={(title) => update(item.key, {title})}
                    />
                  )}
                </Stack>
              </Card>
            )
          })}
          {failure ? (
            <Card padding={3} radius={2} tone="critical">
              <Text size={1}>{failure}</Text>
            </Card>
          ) : null}
          <Flex gap={2}>
            <Button
              icon={ClipboardIcon}
              text={items.length > 1 ? `Create ${items.length} drafts` : 'Create draft'}
              tone="primary"
              disabled={!ready || busy || items.every((item) => item.outcome)}
              loading={busy}
              onClick={() => void create()}
              data-testid="wire-copy-create"
            />
            <Button
              text="Clear"
              mode="ghost"
              disabled={busy || items.length === 0}
              onClick={() => {
                setPasted({text: ''})
                setFiles([])
                setDropError(undefined)
              }}
            />
          </Flex>
        </Stack>
      </Container>
    </Card>
  )
}

/** What the importer found in one article, with its headline open to correction. */
function Summary({summary, onTitle}: {summary: WireCopySummary; onTitle: (title: string) => void}) {
  return (
    <Stack space={4}>
      <Stack space={2}>
        <Label size={1}>Headline</Label>
        <TextInput
          value={summary.title}
          onChange={(event) => onTitle(event.currentTarget.value)}
          data-testid="wire-copy-title"
        />
      </Stack>
      <Stack space={2}>
        <Label size={1}>Sections</Label>
        {summary.sections.map((section, index) => (
          <Text key={index} size={1} data-testid="wire-copy-section">
            {section.heading}: {section.paragraphs}{' '}
            {section.paragraphs === 1 ? 'paragraph' : 'paragraphs'}
          </Text>
        ))}
      </Stack>
      <Stack space={2}>
        <Label size={1}>Credit</Label>
        <Text size={1} data-testid="wire-copy-credit">
          {summary.credit || 'None found: add an author or an agency'}
        </Text>
      </Stack>
      {summary.newsletter ? (
        <Stack space={2}>
          <Label size={1}>Newsletter promo</Label>
          <Text size={1}>{summary.newsletter}</Text>
        </Stack>
      ) : null}
      {summary.notes.length > 0 ? (
        <Card padding={3} radius={2} tone="caution">
          <Stack space={3}>
            {summary.notes.map((note, index) => (
              <Text key={index} size={1}>
                {note}
              </Text>
            ))}
          </Stack>
        </Card>
      ) : null}
    </Stack>
  )
}

/** Where an article's draft went: a link to open it, and why an existing one was left. */
function OutcomeLink({outcome}: {outcome: DraftOutcome}) {
  const id = getPublishedId(outcome.id)
  return (
    <Flex align="center" gap={2}>
      <Badge tone={outcome.status === 'created' ? 'positive' : 'caution'}>
        {outcome.status === 'created' ? 'Draft created' : `Left as it is: ${outcome.reason}`}
      </Badge>
      <Text size={1}>
        <IntentLink intent="edit" params={{id, type: ARTICLE_TYPE}}>
          Open
        </IntentLink>
      </Text>
    </Flex>
  )
}
