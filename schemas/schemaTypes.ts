import {article} from './article'
import {byline} from './byline'
import {link} from './link'
import {newsletter} from './newsletter'
import {newsletterBlock} from './newsletterBlock'
import {person} from './person'
import {section} from './section'

/** Every type of the newsroom content model, documents first. */
export const schemaTypes = [article, person, newsletter, section, byline, newsletterBlock, link]
