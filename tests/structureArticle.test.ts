import {describe, expect, test} from 'vitest'

import type {TextBlock} from '../importer/parse/TextBlock'
import {structureArticle, type StructuredArticle} from '../importer/structure/structureArticle'

interface Fixture {
  n: number
  name: string
  input: TextBlock[]
  output: StructuredArticle
}

/** A paragraph. */
function p(text: string): TextBlock {
  return {style: 'normal', spans: [{text, marks: []}], links: []}
}

/** A bulleted list item. */
function li(text: string): TextBlock {
  return {style: 'normal', listItem: 'bullet', spans: [{text, marks: []}], links: []}
}

/** A Markdown `##` heading. */
function h2(text: string): TextBlock {
  return {style: 'h2', spans: [{text, marks: []}], links: []}
}

/** A paragraph that is all one link. */
function linked(text: string): TextBlock {
  return {
    style: 'normal',
    spans: [{text, marks: ['l1']}],
    links: [{key: 'l1', href: 'https://example.com/'}],
  }
}

/** A subheading as structuring marks it. */
function h3(text: string): TextBlock {
  return {...p(text), style: 'h3'}
}

const HEADLINE = 'Storm hits coast'
const LEAD = 'The storm hit the coast on Monday.'
const DERIVED = {text: 'The storm hit the coast on Monday', derived: true}
const GIVEN = {text: HEADLINE, derived: false}
/** Plain paragraphs to pad an article with, none of them a credit, promo or heading. */
const TEXT = [
  'Rain fell all day.',
  'Winds were strong.',
  'Roads closed.',
  'Power failed.',
  'Schools shut.',
  'Trains stopped.',
  'Ferries stopped.',
  'Aid arrived.',
]
/** The padding paragraphs from `from`, `count` of them. */
function text(from: number, count: number): TextBlock[] {
  return TEXT.slice(from, from + count).map(p)
}

const BY_ANNA = {text: 'By Anna Smith', atStart: true}

/** How the lead, the title and the sections are read. */
const shapes: Fixture[] = [
  {
    n: 1,
    name: 'gives no text an empty derived title and one empty section',
    input: [],
    output: {title: {text: '', derived: true}, sections: [{blocks: []}]},
  },
  {
    n: 2,
    name: 'keeps a lone heading-like line as the text, not as the headline',
    input: [p(HEADLINE)],
    output: {title: {text: HEADLINE, derived: true}, sections: [{blocks: [p(HEADLINE)]}]},
  },
  {
    n: 3,
    name: 'derives the title from the first paragraph that is no list item',
    input: [li('First point here.'), p(LEAD)],
    output: {title: DERIVED, sections: [{blocks: [li('First point here.'), p(LEAD)]}]},
  },
  {
    n: 4,
    name: 'derives the title from the first list item when the text is all list',
    input: [li('First point here.'), li('Second point.')],
    output: {
      title: {text: 'First point here', derived: true},
      sections: [{blocks: [li('First point here.'), li('Second point.')]}],
    },
  },
  {
    n: 5,
    name: 'takes the headline off the top',
    input: [p(HEADLINE), p(LEAD), ...text(0, 1)],
    output: {title: GIVEN, sections: [{blocks: [p(LEAD), ...text(0, 1)]}]},
  },
  {
    n: 6,
    name: 'opens with the section of a text that opens with a heading',
    input: [h2('Background'), p(LEAD), ...text(0, 1)],
    output: {
      title: DERIVED,
      sections: [{heading: 'Background', blocks: [p(LEAD), ...text(0, 1)]}],
    },
  },
  {
    n: 7,
    name: 'reads two heading-like lines before text as a heading and a subheading',
    input: [p(LEAD), p('What happens next'), p('Roads and schools'), ...text(4, 2)],
    output: {
      title: DERIVED,
      sections: [
        {blocks: [p(LEAD)]},
        {heading: 'What happens next', blocks: [h3('Roads and schools'), ...text(4, 2)]},
      ],
    },
  },
  {
    n: 8,
    name: 'heads a section with a line that list items repeat',
    input: [p(LEAD), p('Key facts'), ...text(0, 1), li('Key facts'), li('Key facts')],
    output: {
      title: DERIVED,
      sections: [
        {blocks: [p(LEAD)]},
        {heading: 'Key facts', blocks: [...text(0, 1), li('Key facts'), li('Key facts')]},
      ],
    },
  },
  {
    n: 9,
    name: 'keeps a caption and a picture credit in three capitalised words as text',
    input: [p(LEAD), p('A view of the flooded harbour'), p('JUAN PÉREZ GARCÍA'), ...text(4, 1)],
    output: {
      title: DERIVED,
      sections: [
        {
          blocks: [
            p(LEAD),
            p('A view of the flooded harbour'),
            p('JUAN PÉREZ GARCÍA'),
            ...text(4, 1),
          ],
        },
      ],
    },
  },
  {
    n: 10,
    name: 'reads a four-word line in capitals under a heading as a subheading',
    input: [
      p(LEAD),
      p('A view of the flooded harbour'),
      p('JUAN CARLOS PÉREZ GARCÍA'),
      ...text(4, 1),
    ],
    output: {
      title: DERIVED,
      sections: [
        {blocks: [p(LEAD)]},
        {
          heading: 'A view of the flooded harbour',
          blocks: [h3('JUAN CARLOS PÉREZ GARCÍA'), ...text(4, 1)],
        },
      ],
    },
  },
  {
    n: 11,
    name: 'heads a section with a said-by shaped line that follows no quote',
    input: [p(LEAD), p('The rest of them'), ...text(4, 1)],
    output: {
      title: DERIVED,
      sections: [{blocks: [p(LEAD)]}, {heading: 'The rest of them', blocks: text(4, 1)}],
    },
  },
  {
    n: 12,
    name: 'keeps who said a quote as text when the quote ends in a space',
    input: [p(LEAD), p('“We will rebuild.” '), p('A party official'), ...text(4, 1)],
    output: {
      title: DERIVED,
      sections: [
        {blocks: [p(LEAD), p('“We will rebuild.” '), p('A party official'), ...text(4, 1)]},
      ],
    },
  },
  {
    n: 13,
    name: 'keeps who said a quote as text when the line opens with a space',
    input: [p(LEAD), p('“We will rebuild.”'), p(' A party official'), ...text(4, 1)],
    output: {
      title: DERIVED,
      sections: [
        {blocks: [p(LEAD), p('“We will rebuild.”'), p(' A party official'), ...text(4, 1)]},
      ],
    },
  },
]

/** Credit lines taken from the top and the end of the text. */
const credits: Fixture[] = [
  {
    n: 1,
    name: 'keeps a lone name as the text',
    input: [p('Anna Smith')],
    output: {title: {text: 'Anna Smith', derived: true}, sections: [{blocks: [p('Anna Smith')]}]},
  },
  {
    n: 2,
    name: 'keeps a lone marked credit as the text',
    input: [p('By Anna Smith')],
    output: {
      title: {text: 'By Anna Smith', derived: true},
      sections: [{blocks: [p('By Anna Smith')]}],
    },
  },
  {
    n: 3,
    name: 'reads at most three credit lines at the end',
    input: [p(LEAD), ...text(0, 1), p('John Doe'), p('Jane Roe'), p('Max Muster'), p('Eva Braun')],
    output: {
      title: DERIVED,
      byline: {
        authors: ['Jane Roe', 'Max Muster', 'Eva Braun'],
        agencies: [],
        lines: [
          {text: 'Jane Roe', atStart: false},
          {text: 'Max Muster', atStart: false},
          {text: 'Eva Braun', atStart: false},
        ],
      },
      sections: [{blocks: [p(LEAD), ...text(0, 1), p('John Doe')]}],
    },
  },
  {
    n: 4,
    name: 'keeps a closing name with a link as text',
    input: [p(LEAD), ...text(0, 1), linked('Anna Smith')],
    output: {title: DERIVED, sections: [{blocks: [p(LEAD), ...text(0, 1), linked('Anna Smith')]}]},
  },
  {
    n: 5,
    name: 'keeps a closing name in a list item as text',
    input: [p(LEAD), ...text(0, 1), li('Anna Smith')],
    output: {title: DERIVED, sections: [{blocks: [p(LEAD), ...text(0, 1), li('Anna Smith')]}]},
  },
  {
    n: 6,
    name: 'keeps a single name in a script without spaces under the headline as text',
    input: [p(HEADLINE), p('王小明'), p(LEAD), ...text(0, 1)],
    output: {title: GIVEN, sections: [{blocks: [p('王小明'), p(LEAD), ...text(0, 1)]}]},
  },
  {
    n: 7,
    name: 'keeps an address under the headline with no credit above it as text',
    input: [p(HEADLINE), p('anna@example.com'), p(LEAD), ...text(0, 1)],
    output: {title: GIVEN, sections: [{blocks: [p('anna@example.com'), p(LEAD), ...text(0, 1)]}]},
  },
  {
    n: 8,
    name: 'takes an address under a credit',
    input: [p(HEADLINE), p('By Anna Smith'), p('anna@example.com'), p(LEAD), ...text(0, 1)],
    output: {
      title: GIVEN,
      byline: {
        authors: ['Anna Smith'],
        agencies: [],
        lines: [BY_ANNA, {text: 'anna@example.com', atStart: true}],
      },
      sections: [{blocks: [p(LEAD), ...text(0, 1)]}],
    },
  },
  {
    n: 9,
    name: 'takes a handle under a credit',
    input: [p(HEADLINE), p('By Anna Smith'), p('@annasmith'), p(LEAD), ...text(0, 1)],
    output: {
      title: GIVEN,
      byline: {
        authors: ['Anna Smith'],
        agencies: [],
        lines: [BY_ANNA, {text: '@annasmith', atStart: true}],
      },
      sections: [{blocks: [p(LEAD), ...text(0, 1)]}],
    },
  },
  {
    n: 10,
    name: 'takes a line of five words ending in a handle under a credit',
    input: [
      p(HEADLINE),
      p('By Anna Smith'),
      p('Reporter for the desk @annasmith'),
      p(LEAD),
      ...text(0, 1),
    ],
    output: {
      title: GIVEN,
      byline: {
        authors: ['Anna Smith'],
        agencies: [],
        lines: [BY_ANNA, {text: 'Reporter for the desk @annasmith', atStart: true}],
      },
      sections: [{blocks: [p(LEAD), ...text(0, 1)]}],
    },
  },
  {
    n: 11,
    name: 'keeps a longer line ending in a handle under a credit as text',
    input: [
      p(HEADLINE),
      p('By Anna Smith'),
      p('Write to the author of this piece at @annasmith'),
      p(LEAD),
      ...text(0, 1),
    ],
    output: {
      title: GIVEN,
      byline: {authors: ['Anna Smith'], agencies: [], lines: [BY_ANNA]},
      sections: [
        {blocks: [p('Write to the author of this piece at @annasmith'), p(LEAD), ...text(0, 1)]},
      ],
    },
  },
  {
    n: 12,
    name: 'takes a publication in four capitalised words under the headline',
    input: [p(HEADLINE), p('THE DAILY NEWS TODAY'), p(LEAD), ...text(0, 1)],
    output: {
      title: GIVEN,
      byline: {authors: [], agencies: [], lines: [{text: 'THE DAILY NEWS TODAY', atStart: true}]},
      sections: [{blocks: [p(LEAD), ...text(0, 1)]}],
    },
  },
  {
    n: 13,
    name: 'keeps five capitalised words under the headline as text',
    input: [p(HEADLINE), p('THE DAILY NEWS OF TODAY'), p(LEAD), ...text(0, 1)],
    output: {
      title: GIVEN,
      sections: [{blocks: [p('THE DAILY NEWS OF TODAY'), p(LEAD), ...text(0, 1)]}],
    },
  },
  {
    n: 14,
    name: 'keeps capitalised words with a number under the headline as text',
    input: [p(HEADLINE), p('LA NACION 2024'), p(LEAD), ...text(0, 1)],
    output: {title: GIVEN, sections: [{blocks: [p('LA NACION 2024'), p(LEAD), ...text(0, 1)]}]},
  },
  {
    n: 15,
    name: 'keeps a short standfirst under the headline as text',
    input: [p(HEADLINE), p('Coastal towns brace'), p(LEAD), ...text(0, 1)],
    output: {
      title: GIVEN,
      sections: [{blocks: [p('Coastal towns brace'), p(LEAD), ...text(0, 1)]}],
    },
  },
  {
    n: 16,
    name: 'keeps a publication name with no credit above it as text',
    input: [p(HEADLINE), p('Daily Planet Online'), p(LEAD), ...text(0, 1)],
    output: {
      title: GIVEN,
      sections: [{blocks: [p('Daily Planet Online'), p(LEAD), ...text(0, 1)]}],
    },
  },
  {
    n: 17,
    name: 'takes a publication name under a credit',
    input: [p(HEADLINE), p('By Anna Smith'), p('Página Siete Digital'), p(LEAD), ...text(0, 1)],
    output: {
      title: GIVEN,
      byline: {
        authors: ['Anna Smith'],
        agencies: [],
        lines: [BY_ANNA, {text: 'Página Siete Digital', atStart: true}],
      },
      sections: [{blocks: [p(LEAD), ...text(0, 1)]}],
    },
  },
  {
    n: 18,
    name: 'takes the top credit signed off again near the end',
    input: [
      p(HEADLINE),
      p('By Anna Smith'),
      p(LEAD),
      ...text(0, 1),
      p('Anna Smith'),
      ...text(1, 3),
    ],
    output: {
      title: GIVEN,
      byline: {
        authors: ['Anna Smith'],
        agencies: [],
        lines: [BY_ANNA, {text: 'Anna Smith', atStart: false}],
      },
      sections: [{blocks: [p(LEAD), ...text(0, 4)]}],
    },
  },
  {
    n: 19,
    name: 'keeps the top credit repeated further from the end as a heading',
    input: [
      p(HEADLINE),
      p('By Anna Smith'),
      p(LEAD),
      ...text(0, 4),
      p('Anna Smith'),
      ...text(4, 4),
    ],
    output: {
      title: GIVEN,
      byline: {authors: ['Anna Smith'], agencies: [], lines: [BY_ANNA]},
      sections: [{blocks: [p(LEAD), ...text(0, 4)]}, {heading: 'Anna Smith', blocks: text(4, 4)}],
    },
  },
  {
    n: 20,
    name: 'keeps the top credit repeated in a list item near the end as text',
    input: [
      p(HEADLINE),
      p('By Anna Smith'),
      p(LEAD),
      ...text(0, 1),
      li('Anna Smith'),
      ...text(2, 1),
    ],
    output: {
      title: GIVEN,
      byline: {authors: ['Anna Smith'], agencies: [], lines: [BY_ANNA]},
      sections: [{blocks: [p(LEAD), ...text(0, 1), li('Anna Smith'), ...text(2, 1)]}],
    },
  },
  {
    n: 21,
    name: 'keeps an agency alone near the end, naming no author, as text',
    input: [p(HEADLINE), p('By Anna Smith'), p(LEAD), ...text(0, 4), p('AFP'), ...text(4, 2)],
    output: {
      title: GIVEN,
      byline: {authors: ['Anna Smith'], agencies: [], lines: [BY_ANNA]},
      sections: [{blocks: [p(LEAD), ...text(0, 4), p('AFP'), ...text(4, 2)]}],
    },
  },
  {
    n: 22,
    name: 'keeps names near the end that the top credit names only one of as a heading',
    input: [
      p(HEADLINE),
      p('By Anna Smith'),
      p(LEAD),
      ...text(0, 1),
      p('Anna Smith and John Doe'),
      ...text(2, 1),
    ],
    output: {
      title: GIVEN,
      byline: {authors: ['Anna Smith'], agencies: [], lines: [BY_ANNA]},
      sections: [
        {blocks: [p(LEAD), ...text(0, 1)]},
        {heading: 'Anna Smith and John Doe', blocks: text(2, 1)},
      ],
    },
  },
  {
    n: 23,
    name: 'takes a name the closing credit signs off above a paragraph',
    input: [p(LEAD), ...text(0, 1), p('Anna Smith'), p('Some closing text.'), p('By Anna Smith')],
    output: {
      title: DERIVED,
      byline: {
        authors: ['Anna Smith'],
        agencies: [],
        lines: [
          {text: 'By Anna Smith', atStart: false},
          {text: 'Anna Smith', atStart: false},
        ],
      },
      sections: [{blocks: [p(LEAD), ...text(0, 1), p('Some closing text.')]}],
    },
  },
  {
    n: 24,
    name: 'takes a labelled credit left second when the end held three credits',
    input: [p(LEAD), p('By Anna Smith'), p('John Doe'), p('Jane Roe'), p('Max Muster')],
    output: {
      title: DERIVED,
      byline: {
        authors: ['John Doe', 'Jane Roe', 'Max Muster', 'Anna Smith'],
        agencies: [],
        lines: [
          {text: 'John Doe', atStart: false},
          {text: 'Jane Roe', atStart: false},
          {text: 'Max Muster', atStart: false},
          {text: 'By Anna Smith', atStart: false},
        ],
      },
      sections: [{blocks: [p(LEAD)]}],
    },
  },
  {
    n: 25,
    name: 'keeps a credit with an agency past the fifth block as a heading',
    input: [p(LEAD), ...text(0, 4), p('Anna Smith, with AFP'), ...text(4, 1)],
    output: {
      title: DERIVED,
      sections: [
        {blocks: [p(LEAD), ...text(0, 4)]},
        {heading: 'Anna Smith, with AFP', blocks: text(4, 1)},
      ],
    },
  },
  {
    n: 26,
    name: 'keeps a name with a broadcaster past the fifth block as a heading',
    input: [p(LEAD), ...text(0, 4), p('Anna Smith, NDR'), ...text(4, 1)],
    output: {
      title: DERIVED,
      sections: [
        {blocks: [p(LEAD), ...text(0, 4)]},
        {heading: 'Anna Smith, NDR', blocks: text(4, 1)},
      ],
    },
  },
  {
    n: 27,
    name: 'keeps a labelled credit in a list item as text',
    input: [p(LEAD), ...text(0, 1), li('By Anna Smith'), ...text(4, 1)],
    output: {
      title: DERIVED,
      sections: [{blocks: [p(LEAD), ...text(0, 1), li('By Anna Smith'), ...text(4, 1)]}],
    },
  },
  {
    n: 28,
    name: 'tells Strauß from Strauss',
    input: [p(HEADLINE), p('By Anna Strauß'), p(LEAD), ...text(0, 1), p('Anna Strauss')],
    output: {
      title: GIVEN,
      byline: {
        authors: ['Anna Strauß', 'Anna Strauss'],
        agencies: [],
        lines: [
          {text: 'By Anna Strauß', atStart: true},
          {text: 'Anna Strauss', atStart: false},
        ],
      },
      sections: [{blocks: [p(LEAD), ...text(0, 1)]}],
    },
  },
  {
    n: 29,
    name: 'tells names apart by where their words break',
    input: [p(HEADLINE), p('By Anna Smith'), p(LEAD), ...text(0, 1), p('Ann Asmith')],
    output: {
      title: GIVEN,
      byline: {
        authors: ['Anna Smith', 'Ann Asmith'],
        agencies: [],
        lines: [BY_ANNA, {text: 'Ann Asmith', atStart: false}],
      },
      sections: [{blocks: [p(LEAD), ...text(0, 1)]}],
    },
  },
  {
    n: 30,
    name: 'credits the agencies of the first two datelines, two at most',
    input: [
      p('PARIS (AFP) - The storm hit the coast.'),
      p('BERLIN (Reuters/AP) - Rain fell all day.'),
      ...text(1, 1),
    ],
    output: {
      title: {text: 'PARIS (AFP) - The storm hit the coast', derived: true},
      byline: {authors: [], agencies: ['AFP', 'Reuters'], lines: []},
      sections: [
        {
          blocks: [
            p('PARIS (AFP) - The storm hit the coast.'),
            p('BERLIN (Reuters/AP) - Rain fell all day.'),
            ...text(1, 1),
          ],
        },
      ],
    },
  },
  {
    n: 31,
    name: 'reads no dateline in the third paragraph',
    input: [p(LEAD), ...text(0, 1), p('PARIS (Reuters) - Aid arrived on Tuesday.'), ...text(1, 1)],
    output: {
      title: DERIVED,
      sections: [
        {
          blocks: [
            p(LEAD),
            ...text(0, 1),
            p('PARIS (Reuters) - Aid arrived on Tuesday.'),
            ...text(1, 1),
          ],
        },
      ],
    },
  },
  {
    n: 32,
    name: 'credits the agency closing a paragraph',
    input: [
      p(LEAD),
      p('Aid arrived on Tuesday, and the army cleared the roads to the villages. (dpa)'),
      ...text(0, 1),
    ],
    output: {
      title: DERIVED,
      byline: {authors: [], agencies: ['dpa'], lines: []},
      sections: [
        {
          blocks: [
            p(LEAD),
            p('Aid arrived on Tuesday, and the army cleared the roads to the villages. (dpa)'),
            ...text(0, 1),
          ],
        },
      ],
    },
  },
  {
    n: 33,
    name: 'reads no agency closing a list item',
    input: [p(LEAD), li('Aid arrived on Tuesday (dpa)'), ...text(0, 1)],
    output: {
      title: DERIVED,
      sections: [{blocks: [p(LEAD), li('Aid arrived on Tuesday (dpa)'), ...text(0, 1)]}],
    },
  },
  {
    n: 34,
    name: 'reads no agency closing a heading',
    input: [p(LEAD), h2('Aid arrives (dpa)'), ...text(0, 1)],
    output: {
      title: DERIVED,
      sections: [{blocks: [p(LEAD)]}, {heading: 'Aid arrives (dpa)', blocks: text(0, 1)}],
    },
  },
]

const SIGN_UP = 'Sign up for our daily newsletter'

/** Promos taken out of the text. */
const promos: Fixture[] = [
  {
    n: 1,
    name: 'takes a closing signup with no block to follow',
    input: [p(LEAD), ...text(0, 1), p(SIGN_UP), p('Sign up')],
    output: {
      title: DERIVED,
      signup: {copy: {heading: SIGN_UP, ctaLabel: 'Sign up'}, lines: [SIGN_UP, 'Sign up']},
      sections: [{blocks: [p(LEAD), ...text(0, 1)]}],
    },
  },
  {
    n: 2,
    name: 'takes an inserted signup with the block it followed',
    input: [p(LEAD), ...text(0, 1), p(SIGN_UP), ...text(1, 2)],
    output: {
      title: DERIVED,
      signup: {copy: {heading: SIGN_UP}, lines: [SIGN_UP], at: {section: 0, index: 2}},
      sections: [{blocks: [p(LEAD), ...text(0, 3)]}],
    },
  },
  {
    n: 3,
    name: 'sets an inserted promo other than a signup aside',
    input: [p(LEAD), ...text(0, 1), p('Follow us on Instagram'), ...text(1, 1)],
    output: {
      title: DERIVED,
      promoLines: ['Follow us on Instagram'],
      sections: [{blocks: [p(LEAD), ...text(0, 2)]}],
    },
  },
  {
    n: 4,
    name: 'keeps a closing signup in a heading as a heading',
    input: [p(LEAD), ...text(0, 1), h2(SIGN_UP)],
    output: {
      title: DERIVED,
      sections: [{blocks: [p(LEAD), ...text(0, 1)]}, {heading: SIGN_UP, blocks: []}],
    },
  },
  {
    n: 5,
    name: 'keeps a closing signup in a list item as text',
    input: [p(LEAD), ...text(0, 1), li(SIGN_UP)],
    output: {title: DERIVED, sections: [{blocks: [p(LEAD), ...text(0, 1), li(SIGN_UP)]}]},
  },
  {
    n: 6,
    name: 'keeps a signup above more credit lines than the end is read for as text',
    input: [
      p(LEAD),
      ...text(0, 1),
      p(SIGN_UP),
      p('Anna Smith'),
      p('By Anna Smith'),
      p('John Doe'),
      p('Jane Roe'),
    ],
    output: {
      title: DERIVED,
      byline: {
        authors: ['Anna Smith', 'John Doe', 'Jane Roe'],
        agencies: [],
        lines: [
          {text: 'By Anna Smith', atStart: false},
          {text: 'John Doe', atStart: false},
          {text: 'Jane Roe', atStart: false},
          {text: 'Anna Smith', atStart: false},
        ],
      },
      sections: [{blocks: [p(LEAD), ...text(0, 1), p(SIGN_UP)]}],
    },
  },
  {
    n: 7,
    name: 'places a signup under a heading at the top of its section',
    input: [p(LEAD), h2('Background'), p(SIGN_UP), ...text(0, 2)],
    output: {
      title: DERIVED,
      signup: {copy: {heading: SIGN_UP}, lines: [SIGN_UP], at: {section: 1, index: 0}},
      sections: [{blocks: [p(LEAD)]}, {heading: 'Background', blocks: text(0, 2)}],
    },
  },
  {
    n: 8,
    name: 'places a signup under a line that became a heading at the top of its section',
    input: [p(LEAD), p('What happens next'), p(SIGN_UP), ...text(4, 2)],
    output: {
      title: DERIVED,
      signup: {copy: {heading: SIGN_UP}, lines: [SIGN_UP], at: {section: 1, index: 0}},
      sections: [{blocks: [p(LEAD)]}, {heading: 'What happens next', blocks: text(4, 2)}],
    },
  },
  {
    n: 9,
    name: 'places a signup under a subheading after it',
    input: [p(LEAD), p('What happens next'), p('Roads and schools'), p(SIGN_UP), ...text(4, 2)],
    output: {
      title: DERIVED,
      signup: {copy: {heading: SIGN_UP}, lines: [SIGN_UP], at: {section: 1, index: 1}},
      sections: [
        {blocks: [p(LEAD)]},
        {heading: 'What happens next', blocks: [h3('Roads and schools'), ...text(4, 2)]},
      ],
    },
  },
  {
    n: 10,
    name: 'places a signup under the opening heading of a text with no headless lead',
    input: [h2('Background'), p(SIGN_UP), p(LEAD), ...text(0, 1)],
    output: {
      title: DERIVED,
      signup: {copy: {heading: SIGN_UP}, lines: [SIGN_UP], at: {section: 0, index: 0}},
      sections: [{heading: 'Background', blocks: [p(LEAD), ...text(0, 1)]}],
    },
  },
  {
    n: 11,
    name: 'places a signup after the very block it followed, not an earlier one alike',
    input: [p(LEAD), ...text(0, 1), ...text(0, 1), p(SIGN_UP), ...text(1, 1)],
    output: {
      title: DERIVED,
      signup: {copy: {heading: SIGN_UP}, lines: [SIGN_UP], at: {section: 0, index: 3}},
      sections: [{blocks: [p(LEAD), ...text(0, 1), ...text(0, 1), ...text(1, 1)]}],
    },
  },
]

describe('structureArticle', () => {
  test.each(shapes)('structureArticle: $n $name', ({input, output}) => {
    expect(structureArticle(input)).toStrictEqual(output)
  })

  test.each(credits)('structureArticle: credits $n $name', ({input, output}) => {
    expect(structureArticle(input)).toStrictEqual(output)
  })

  test.each(promos)('structureArticle: promos $n $name', ({input, output}) => {
    expect(structureArticle(input)).toStrictEqual(output)
  })
})
