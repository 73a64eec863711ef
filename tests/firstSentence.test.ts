import {describe, expect, test} from 'vitest'

import {firstSentence} from '../importer/structure/firstSentence'

/** Words that end with a dot without ending the sentence, written as copy prints them. */
const ABBREVIATIONS = [
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'Prof',
  'St',
  'Gen',
  'Col',
  'Lt',
  'Sgt',
  'Capt',
  'Gov',
  'Sen',
  'Rep',
  'Pres',
  'Jr',
  'Sr',
  'vs',
  'etc',
  'No',
  'Nos',
  'Inc',
  'Ltd',
  'Co',
  'Corp',
  'approx',
  'est',
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
]

describe('firstSentence', () => {
  test.each(ABBREVIATIONS)('firstSentence: reads on past "%s." before a capital', (word) => {
    expect(firstSentence(`It came ${word}. Smith said. Then more.`)).toBe(
      `It came ${word}. Smith said.`,
    )
  })

  const cases = [
    {
      n: 1,
      name: 'a plain sentence',
      input: 'The vote was close. It passed.',
      output: 'The vote was close.',
    },
    {n: 2, name: 'a question', input: 'Who won? Nobody knows.', output: 'Who won?'},
    {n: 3, name: 'an exclamation', input: 'It won! Nobody knew.', output: 'It won!'},
    {n: 4, name: 'a closing quote', input: '“He left.” Then she did.', output: '“He left.”'},
    {
      n: 5,
      name: 'a closing parenthesis',
      input: '(It rained.) Then it stopped.',
      output: '(It rained.)',
    },
    {
      n: 6,
      name: 'a decimal',
      input: 'It rose 3.5 percent. Then fell.',
      output: 'It rose 3.5 percent.',
    },
    {
      n: 7,
      name: 'a dotted initialism',
      input: 'U.S. troops left. Others stayed.',
      output: 'U.S. troops left.',
    },
    {n: 8, name: 'an initial', input: 'By J. Smith today. More.', output: 'By J. Smith today.'},
    {
      n: 9,
      name: 'a dot before a lowercase word',
      input: 'It was approx. ten. Then.',
      output: 'It was approx. ten.',
    },
    {
      n: 10,
      name: 'an unknown word before lowercase',
      input: 'See fig. two here. Then.',
      output: 'See fig. two here.',
    },
    {n: 11, name: 'an ellipsis', input: 'It waited… Then it went.', output: 'It waited…'},
    {
      n: 12,
      name: 'full-width marks with no space',
      input: '今天下雨。明天晴。',
      output: '今天下雨。',
    },
    {n: 13, name: 'a full-width question', input: '誰が勝った？誰も。', output: '誰が勝った？'},
    {n: 14, name: 'a text with no end', input: 'No end here', output: 'No end here'},
    {n: 15, name: 'a text ending with a dot', input: 'One sentence.', output: 'One sentence.'},
    {
      n: 16,
      name: 'an abbreviation opening the text',
      input: 'Mr. Smith left. Then.',
      output: 'Mr. Smith left.',
    },
    {n: 17, name: 'a dot opening the text', input: '. Next one', output: '.'},
    {
      n: 18,
      name: 'a dot in a web address',
      input: 'See example.com today. Then.',
      output: 'See example.com today.',
    },
    {
      n: 19,
      name: 'an abbreviation after a long opening',
      input: `${'a'.repeat(70)} Dr. Who came. Then.`,
      output: `${'a'.repeat(70)} Dr. Who came.`,
    },
    {
      n: 20,
      name: 'a word longer than the tail it is read from',
      input: `${'A'.repeat(70)}. Next.`,
      output: `${'A'.repeat(70)}.`,
    },
  ]
  test.each(cases)('firstSentence: $n reads $name', ({input, output}) => {
    expect(firstSentence(input)).toBe(output)
  })
})
